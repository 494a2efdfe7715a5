// The screen pop: who is calling, the moment the agent's phone rings — the customer file, the
// priority badges, their last calls and open cases, so the agent greets them with it at hand.
import { api } from './api.js';
import { $, el, replace, row } from './dom.js';
import { dateTime } from './format.js';
import { label, onLanguageChange, t } from './i18n.js';

export function screenPop(agent) {
  let pop = null;

  function show(offered) {
    pop = offered;
    draw();
  }

  function draw() {
    $('#pop-empty').hidden = pop !== null;
    $('#pop-body').hidden = pop === null;
    if (!pop) return;
    const caller = pop.caller || {};
    const file = pop.customer || null;
    $('#screen-pop').dataset.call = pop.call || pop.contact || '';
    $('#pop-number').textContent = caller.number || t('pop.withheld');
    $('#pop-name').textContent = file?.name || caller.name || t('pop.unknown');
    replace($('#pop-badges'), badges(pop).map(([kind, text]) => el('span', { className: `badge ${kind}`, text })));
    $('#pop-waited').textContent = pop.waitedSeconds === undefined ? ''
      : t(pop.waitedLong ? 'pop.waitedLong' : 'pop.waited', { seconds: pop.waitedSeconds });
    replace($('#pop-file'), details(pop, file).flatMap(([key, value]) => [el('dt', { text: t(key) }), el('dd', { text: value })]));
    $('#pop-history-box').hidden = !pop.history?.length;
    $('#pop-cases-box').hidden = !pop.openCases?.length;
    replace($('#pop-history tbody'), (pop.history || []).map((call) => row([
      dateTime(call.arrivalAt), call.queue ? label('queue', call.queue) : '—', call.agent, call.outcome ? label('callOutcome', call.outcome) : '—'])));
    replace($('#pop-cases'), (pop.openCases || []).map((c) => el('li', {},
      el('strong', { text: c.case }), ` · ${label('caseStatus', c.status)} · `, el('span', { text: c.what || c.category }))));
  }

  onLanguageChange(draw);

  return {
    show,
    current: () => pop,
    // A desktop opened (or reloaded) while the phone rings still shows the caller.
    load: () => api(`/api/agents/${encodeURIComponent(agent)}/screen-pop`).then(show, () => {}),
  };
}

function badges(pop) {
  const list = [];
  if (pop.vip) list.push(['vip', t('badge.vip')]);
  if (pop.longDistance) list.push(['long-distance', t('badge.longDistance')]);
  if (pop.campaign) list.push(['campaign', pop.campaign.name]);
  else if (pop.callback) list.push(['callback', t('badge.callback')]);
  if (pop.waitedLong) list.push(['apology', t('badge.apology')]);
  return list;
}

/** The customer file's entry, or what a callback or campaign contact brings. */
function details(pop, file) {
  const shown = [];
  if (pop.queue) shown.push(['pop.queue', label('queue', pop.queue)]);
  if (file?.note) shown.push(['pop.note', file.note]);
  if (file?.advisor) shown.push(['pop.advisor', file.advisor]);
  if (pop.subject) shown.push(['pop.subject', pop.subject]);
  if (pop.originalDate) shown.push(['pop.originalDate', pop.originalDate]);
  if (pop.caseId) shown.push(['pop.case', pop.caseId]);
  if (pop.requestedAt) shown.push(['pop.requestedAt', dateTime(pop.requestedAt)]);
  if (pop.deadline) shown.push(['pop.deadline', dateTime(pop.deadline)]);
  return shown;
}
