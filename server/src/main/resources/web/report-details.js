// Behind a report's figures: the calls that broke a rule (a page at a time), the cases answered
// late, the campaigns' outbound figures, and the CSV export of the period.
import { api, explain, saveFile } from './api.js';
import { $, el, replace, row } from './dom.js';
import { dateTime, number, ratio } from './format.js';
import { label, language, t } from './i18n.js';
import { recordingCell } from './call-recording.js';

export const RULES = ['three-rings', 'apology', 'agent-rings', 'service-level', 'abandoned', 'talk-limit',
  'callback-deadline', 'low-score'];

let next = null;

export async function showBreaches(query, more = false) {
  const rule = $('#breach-rule').value;
  const page = await api(`/api/reports/breaches?rule=${rule}&${query}${more && next ? `&after=${encodeURIComponent(next)}` : ''}`);
  next = page.next;
  $('#breaches-more').hidden = !next;
  replace($('#breaches thead'), el('tr', {}, ['breach.call', 'breach.arrival', 'breach.queue', 'breach.agent', 'breach.measured',
    'recording.play'].map((key) => el('th', { text: t(key) }))));
  const rows = page.calls.map((c) => row([c.call, dateTime(c.arrivalAt), c.queue ? label('queue', c.queue) : '—', c.agent,
    number(c.measuredSeconds, 1)], { dataset: { call: c.call } }));
  rows.forEach((tr, i) => tr.append(recordingCell(page.calls[i].call)));
  if (more) $('#breaches tbody').append(...rows);
  else replace($('#breaches tbody'), rows);
}

export async function showLateCases(query) {
  const { cases } = await api(`/api/reports/late-cases?${query}`);
  replace($('#late-cases thead'), el('tr', {}, ['case.id', 'case.owner', 'case.severity', 'case.deadline', 'case.lateBy']
    .map((key) => el('th', { text: t(key) }))));
  replace($('#late-cases tbody'), cases.map((c) => row([c.case, c.owner, label('severity', c.severity), dateTime(c.deadline),
    t('case.hours', { hours: number(c.lateSeconds / 3600, 1) })], { dataset: { case: c.case } })));
}

export async function showOutbound(query) {
  const report = await api(`/api/reports/outbound?${query}`);
  const shown = [[t('outbound.attempts'), report.attempts], [t('outbound.reachedInTime'), ratio(report.reachedWithinDeadline)],
    ...Object.entries(report.attemptsByOutcome).map(([outcome, count]) => [label('outcome', outcome), count])];
  replace($('#outbound'), shown.flatMap(([name, value]) => [el('dt', { text: name }), el('dd', { text: value })]));
}

/** The period's figures as a CSV file, headed in the page's language: refused (403) for roles that may not export. */
export async function exportCsv(query, by, message) {
  try {
    const file = await api(`/api/reports?${query}${by ? `&by=${by}` : ''}&format=csv&lang=${language()}`);
    saveFile(file, `report-${query.replace(/[^a-z0-9-]+/gi, '-')}.csv`);
  } catch (failure) {
    explain(message, failure);
  }
}
