// Listen, whisper, barge from the wall board: for an agent in a call, buttons that ring the
// supervisor's own phone into it in a mode, switch the mode, and leave. The server decides who may
// and says why not (no phone, not in a call); the cell shows its answer.
import { api, explain } from './api.js';
import { el, replace } from './dom.js';
import { t } from './i18n.js';

const MODES = ['listen', 'whisper', 'barge'];
let listening = null; // { agent, mode } while this page's supervisor is on an agent's call

/** Draws the cell for one agent's row: nothing unless they are in a call. */
export function drawListen(td, agent) {
  if (listening && listening.agent === agent.id && agent.state !== 'on-call') listening = null; // the call ended, and the phone with it
  const ours = listening && listening.agent === agent.id;
  const key = agent.state !== 'on-call' ? '' : ours ? `${listening.mode} ${t('listen.leave')}` : t('listen.listen');
  if (td.dataset.drawn === key) return;
  td.dataset.drawn = key;
  if (agent.state !== 'on-call') {
    replace(td);
    return;
  }
  const buttons = MODES.map((mode) => el('button', {
    type: 'button',
    className: ours && listening.mode === mode ? 'chosen' : 'secondary',
    text: t(`listen.${mode}`),
    dataset: { mode },
    attrs: { 'aria-pressed': Boolean(ours && listening.mode === mode) },
    on: { click: () => choose(td, agent, mode) },
  }));
  if (ours) {
    buttons.push(el('button', { type: 'button', className: 'secondary', text: t('listen.leave'), dataset: { mode: 'leave' },
      on: { click: () => leave(td, agent) } }));
  }
  replace(td, ...buttons, el('span', { className: 'message' }));
}

async function choose(td, agent, mode) {
  const path = `/api/agents/${encodeURIComponent(agent.id)}/listen`;
  try {
    await api(path, { method: listening && listening.agent === agent.id ? 'PUT' : 'POST', json: { mode } });
    listening = { agent: agent.id, mode };
    td.dataset.drawn = '';
    drawListen(td, agent);
  } catch (error) {
    explain(td.querySelector('.message'), error);
  }
}

async function leave(td, agent) {
  try {
    await api(`/api/agents/${encodeURIComponent(agent.id)}/listen`, { method: 'DELETE' });
  } catch (error) {
    explain(td.querySelector('.message'), error);
  }
  listening = null;
  td.dataset.drawn = '';
  drawListen(td, agent);
}
