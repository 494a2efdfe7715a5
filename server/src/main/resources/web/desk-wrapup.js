// The wrap-up code of the agent's last call: during wrap-up (and the short time after it) the
// call's queue's codes in the page's language; a click gives the call that code, a later click
// another. The server keeps the rule (own last call, while open); the page only shows what it says.
import { api, ApiError, explain } from './api.js';
import { $, el, replace } from './dom.js';
import { language, onLanguageChange, t } from './i18n.js';

export function wrapUpCodes(agent) {
  const box = $('#wrap-up-codes');
  const list = $('#wrap-up-code-list');
  const message = $('#wrap-up-message');
  const path = `/api/agents/${encodeURIComponent(agent)}/wrap-up`;
  let call = null; // the server's answer: the last call, its codes, the choice, whether open
  let closing = null; // asks again when the time to code the call is up
  let drawn = ''; // what the buttons show: redrawn only when it changes, so a click never lands on a replaced button

  function draw() {
    const open = call && call.open && call.codes.length > 0;
    box.hidden = !open;
    if (!open) {
      drawn = '';
      return;
    }
    box.dataset.call = call.call;
    clearTimeout(closing);
    if (call.closesAt) closing = setTimeout(load, Math.max(0, Date.parse(call.closesAt) - Date.now()) + 500);
    const chosen = call.chosen ? call.chosen.code : null;
    if (drawn === `${call.call} ${chosen} ${language()}`) return;
    drawn = `${call.call} ${chosen} ${language()}`;
    replace(list, call.codes.map((code) => el('button', {
      type: 'button',
      className: code.id === chosen ? 'chosen' : 'secondary',
      text: language() === 'en' ? code.en : code.zh,
      dataset: { code: code.id },
      attrs: { 'aria-pressed': code.id === chosen },
      on: { click: () => choose(code.id) },
    })));
  }

  async function load() {
    try {
      call = await api(path);
    } catch (failure) {
      if (!(failure instanceof ApiError && failure.status === 404)) explain(message, failure);
      call = null;
    }
    draw();
  }

  async function choose(code) {
    message.textContent = '';
    message.classList.remove('error');
    try {
      const chosen = await api(`${path}/code`, { method: 'PUT', json: { call: call.call, code } });
      call.chosen = { code: chosen.code, chosenAt: chosen.chosenAt };
      message.textContent = t('wrapUp.saved');
      draw();
    } catch (failure) {
      explain(message, failure);
      if (failure instanceof ApiError && failure.status === 409) load(); // closed, or another call since
    }
  }

  onLanguageChange(draw);

  return {
    load,
    /** The agent's state changed: a wrap-up just began (or ended: the codes stay while still open); a new call hides them. */
    agentState(status) {
      if (!status) return;
      if (status.state === 'wrap-up' || (call && call.open)) load();
      if (status.state === 'on-call' || status.state === 'offered') {
        call = null;
        message.textContent = '';
        draw();
      }
    },
  };
}
