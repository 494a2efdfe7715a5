// The agent's state on the desktop: what the floor says it is, and the buttons to change it.
import { api, explain } from './api.js';
import { $, replace } from './dom.js';
import { clock, since } from './format.js';
import { label, onLanguageChange, t } from './i18n.js';

/** The API's agent JSON and the live channel's agent-state event name the same things differently. */
function normal(status) {
  return { state: status.state, reason: status.reason ?? status.pauseReason ?? null, since: status.since ?? status.at };
}

export function agentState(agent) {
  const node = $('#state');
  const message = $('#state-message');
  let current = null;

  function show(status) {
    const next = normal(status);
    // An answer to a click can arrive after the live channel told of a later change (ready, then
    // offered and on a call at once): the older state must not overwrite the newer one.
    if (current && Date.parse(next.since) < Date.parse(current.since)) return;
    current = next;
    draw();
  }

  function draw() {
    if (!current) return;
    node.dataset.state = current.state;
    replace(node, label('state', current.state), current.reason ? ` · ${label('pause', current.reason)}` : '');
    $('#wrap-up-note').hidden = current.state !== 'wrap-up';
    $('#go-ready').disabled = current.state === 'ready';
    tick();
  }

  function tick() {
    $('#state-time').textContent = current ? clock(since(current.since)) : '';
  }

  async function change(body) {
    message.textContent = '';
    try {
      show(await api(`/api/agents/${encodeURIComponent(agent)}/state`, { method: 'PUT', json: body }));
    } catch (failure) {
      explain(message, failure);
    }
  }

  $('#go-ready').addEventListener('click', () => change({ state: 'ready' }));
  $('#go-pause').addEventListener('click', () => change({ state: 'paused', reason: $('#pause-reason').value }));
  setInterval(tick, 1000);
  onLanguageChange(draw);

  return {
    show,
    current: () => current,
    load: async () => show(await api(`/api/agents/${encodeURIComponent(agent)}`)),
  };
}
