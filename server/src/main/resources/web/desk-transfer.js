// Passing the caller on, while the agent is in a call: consult a colleague (then transfer, bring the
// three together, or cancel) or pass the caller blind to a colleague or a queue. The server checks
// who may go where and drives Asterisk; the page only asks and shows the answer.
import { api, explain } from './api.js';
import { $, el, replace } from './dom.js';
import { onLanguageChange, t } from './i18n.js';

export function transferPanel(agent) {
  const box = $('#transfer');
  const path = `/api/agents/${encodeURIComponent(agent)}`;
  const kind = el('select', { id: 'transfer-kind', attrs: { 'aria-label': 'transfer to' } });
  const target = el('input', { id: 'transfer-target', attrs: { 'aria-label': 'colleague or queue', autocomplete: 'off' } });
  const message = el('p', { id: 'transfer-message', className: 'message', attrs: { role: 'status' } });
  const buttons = {
    consult: el('button', { type: 'button', dataset: { step: 'consult' }, on: { click: () => start('consult') } }),
    blind: el('button', { type: 'button', className: 'secondary', dataset: { step: 'blind' }, on: { click: () => start('blind') } }),
    complete: el('button', { type: 'button', dataset: { step: 'complete' }, on: { click: () => step('transfer/complete') } }),
    conference: el('button', { type: 'button', className: 'secondary', dataset: { step: 'conference' }, on: { click: () => step('conference') } }),
    cancel: el('button', { type: 'button', className: 'secondary', dataset: { step: 'cancel' }, on: { click: () => step('transfer/cancel') } }),
  };
  let consulting = false;

  function draw() {
    replace(kind, el('option', { value: 'agent', text: t('transfer.toAgent') }), el('option', { value: 'queue', text: t('transfer.toQueue') }));
    target.placeholder = t('transfer.target');
    for (const [name, button] of Object.entries(buttons)) button.textContent = t(`transfer.${name}`);
    buttons.consult.hidden = consulting;
    buttons.blind.hidden = consulting;
    kind.hidden = consulting;
    target.hidden = consulting;
    buttons.complete.hidden = !consulting;
    buttons.conference.hidden = !consulting;
    buttons.cancel.hidden = !consulting;
  }

  function said(text) {
    message.classList.remove('error');
    message.textContent = text;
  }

  async function start(mode) {
    const to = target.value.trim();
    if (!to) return;
    said('');
    try {
      await api(`${path}/transfer`, { method: 'POST', json: { [kind.value]: to, mode } });
      consulting = mode === 'consult';
      said(t(consulting ? 'transfer.consulting' : 'transfer.passed', { to }));
      draw();
    } catch (failure) {
      explain(message, failure);
    }
  }

  async function step(what) {
    try {
      await api(`${path}/${what}`, { method: 'POST' });
      consulting = false;
      said(t(what === 'transfer/cancel' ? 'transfer.cancelled' : what === 'conference' ? 'transfer.together' : 'transfer.done'));
      draw();
    } catch (failure) {
      explain(message, failure);
    }
  }

  replace(box, el('div', { className: 'controls' }, kind, target, ...Object.values(buttons)), message);
  draw();
  onLanguageChange(draw);

  return {
    /** Shown while the agent is in a call; a call's end forgets its consultation. */
    agentState(status) {
      box.hidden = !status || status.state !== 'on-call';
      if (box.hidden && consulting) {
        consulting = false;
        draw();
      }
    },
  };
}
