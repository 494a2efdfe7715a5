// The supervisor's wall board: every queue and every agent, kept current by the live channel
// (queue-state, agent-state) without reloading; today's figures per queue are read every half
// minute from the reports.
import { api } from './api.js';
import { $, el, replace } from './dom.js';
import { clock, dateTime, percent, since } from './format.js';
import { label, onLanguageChange, t } from './i18n.js';
import { follow } from './live.js';
import { startPage } from './shell.js';
import { today } from './centre-day.js';
import { followMessages } from './callback-messages.js';
import { drawListen } from './wallboard-listen.js';
import { deskPhone } from './desk-phone.js';

const FIGURES_MS = 30000;
/** The report's row for calls that reached no queue (ended in the menu, after hours): no queue to watch. */
const NO_QUEUE = '-';
const ALERTS_KEPT = 20;

const me = await startPage();
if (me.agent) deskPhone(me.agent); // a supervisor with a phone of their own listens in with it
const queues = new Map(); // name → {waiting, longestSince, figures}
const agents = new Map(); // id → the API's agent JSON, kept current by events
const alerts = [];

follow(null, {
  'queue-state': (event) => {
    queues.set(event.queue, { ...queues.get(event.queue), ...event });
    drawQueue(event.queue);
  },
  'agent-state': (event) => {
    const agent = agents.get(event.agent);
    if (!agent) return;
    Object.assign(agent, { state: event.state, pauseReason: event.reason, since: event.at, phoneRegistered: event.phoneRegistered },
      event.skills ? { skills: event.skills } : {});
    drawAgent(agent);
  },
  'talk-time-breach': (event) => alert('alert.talkBreach', event),
  'case-escalated': (event) => alert('alert.escalated', event),
});

followMessages($('#messages tbody'), $('#messages-none'));

const [queueList, agentList] = await Promise.all([api('/api/queues'), api('/api/agents')])
  .catch(() => [{ queues: [] }, { agents: [] }]); // refused: the banner says so
queueList.queues.forEach((q) => queues.set(q.queue, q));
agentList.agents.forEach((a) => agents.set(a.id, a));
drawAll();
readFigures();
setInterval(readFigures, FIGURES_MS);
setInterval(readAgents, FIGURES_MS); // and now and then from the API, should an event have been missed
setInterval(tick, 1000);
onLanguageChange(drawAll);

async function readFigures() {
  try {
    for (const r of (await today('by=queue')).rows) {
      if (r.queue === NO_QUEUE) continue;
      queues.set(r.queue, { waiting: 0, longestSince: null, ...queues.get(r.queue), queue: r.queue, figures: r.figures });
      drawQueue(r.queue);
    }
  } catch {
    // the live columns go on; the figures are read again at the next turn
  }
}

async function readAgents() {
  try {
    for (const a of (await api('/api/agents')).agents) {
      const shown = agents.get(a.id);
      // An answer overtaken by a live event keeps the event's newer state.
      agents.set(a.id, shown && Date.parse(shown.since) > Date.parse(a.since) ? { ...a, ...pick(shown) } : a);
      drawAgent(agents.get(a.id));
    }
  } catch {
    // read again at the next turn
  }
}

const pick = ({ state, pauseReason, since: at }) => ({ state, pauseReason, since: at });

function drawAll() {
  [...queues.keys()].sort().forEach(drawQueue);
  [...agents.values()].forEach(drawAgent);
  replace($('#floor-alerts'), alerts.map(([key, event]) => el('li', {}, el('time', { text: dateTime(event.at) }), ' ',
    t(key, { agent: name(event.agent || event.escalatedTo), case: event.case ?? '', time: clock(event.talkedSeconds) }))));
}

/** The row for a key in a table body: found, or added in order. */
function rowFor(table, key, value, cells) {
  const body = $(`#${table} tbody`);
  let tr = body.querySelector(`tr[data-${key}="${CSS.escape(value)}"]`);
  if (!tr) {
    tr = el('tr', { dataset: { [key]: value } }, cells.map((className) => el('td', { className })));
    const after = [...body.children].find((other) => other.dataset[key] > value);
    body.insertBefore(tr, after || null);
  }
  return tr;
}

function drawQueue(name) {
  const q = queues.get(name);
  const tr = rowFor('queues', 'queue', name, ['name', 'waiting', 'longest', 'service-level', 'three-rings', 'agent-rings']);
  tr.querySelector('.name').textContent = label('queue', name);
  tr.querySelector('.waiting').textContent = q.waiting ?? 0;
  longest(tr.querySelector('.longest'), q);
  share(tr.querySelector('.service-level'), q.figures?.serviceLevel?.answered);
  share(tr.querySelector('.three-rings'), q.figures?.threeRingAnswer);
  share(tr.querySelector('.agent-rings'), q.figures?.agentThreeRingAnswer);
  tr.classList.toggle('busy', (q.waiting ?? 0) > 0);
}

function longest(td, q) {
  td.textContent = q.longestSince ? clock(since(q.longestSince)) : '—';
  td.classList.toggle('none', !q.longestSince);
}

/** A share as the wall shows it: the percentage large, the count behind it small; no calls yet → "—". */
function share(td, r) {
  td.classList.toggle('none', !r || r.value === null || r.value === undefined);
  if (td.classList.contains('none')) replace(td, '—');
  else replace(td, el('span', { className: 'share', text: percent(r.value) }), el('span', { className: 'count', text: `${r.part}/${r.whole}` }));
}

function drawAgent(a) {
  const tr = rowFor('agents', 'agent', a.id, ['name', 'state', 'time', 'phone', 'skills', 'listen']);
  tr.querySelector('.name').textContent = `${a.id} ${a.name}`;
  const state = tr.querySelector('.state');
  state.dataset.state = a.state;
  state.textContent = label('state', a.state) + (a.pauseReason ? ` · ${label('pause', a.pauseReason)}` : '');
  tr.querySelector('.time').textContent = clock(since(a.since));
  tr.querySelector('.phone').textContent = t(a.phoneRegistered ? 'phone.registered' : 'phone.absent');
  // the queues the agent takes, most skilled first: a supervisor moving them shows here at once
  tr.querySelector('.skills').textContent = Object.entries(a.skills || {}).sort(([, x], [, y]) => y - x)
    .map(([queue, level]) => `${label('queue', queue)} ${level}`).join(', ');
  drawListen(tr.querySelector('.listen'), a);
}

function tick() {
  for (const [queueName, q] of queues) {
    if (q.longestSince) longest($(`#queues tr[data-queue="${CSS.escape(queueName)}"] .longest`), q);
  }
  for (const a of agents.values()) {
    $(`#agents tr[data-agent="${CSS.escape(a.id)}"] .time`).textContent = clock(since(a.since));
  }
}

function alert(key, event) {
  alerts.unshift([key, event]);
  alerts.length = Math.min(alerts.length, ALERTS_KEPT);
  drawAll();
}

function name(agentId) {
  const agent = agents.get(agentId);
  return agent ? `${agent.id} ${agent.name}` : agentId ?? '';
}
