// Reports: trends by day, week or month with their chart and table, the calls behind a broken
// rule, late cases, the outbound figures, and the CSV export.
import { api, explain } from './api.js';
import { $, el } from './dom.js';
import { label, onLanguageChange } from './i18n.js';
import { startPage } from './shell.js';
import { dateIn, centreZone } from './centre-day.js';
import { drawChart, drawTable, readTrend } from './report-trend.js';
import { RULES, exportCsv, showBreaches, showLateCases, showOutbound } from './report-details.js';
import { drawAudit, showAudit } from './report-audit.js';

await startPage();
const message = $('#report-message');
let trend = [];

$('#report-date').value = dateIn(centreZone());
fillRules();
onLanguageChange(() => {
  fillRules();
  drawAudit();
  if (trend.length) {
    drawTable(trend);
    drawChart(trend);
  }
});

/** The chosen period as the reports' query string (period, date, queue). */
function query() {
  const kind = $('#report-period').value;
  const date = $('#report-date').value;
  const queue = $('#report-queue').value;
  return `period=${kind}&date=${kind === 'month' ? date.slice(0, 7) : date}${queue ? `&queue=${encodeURIComponent(queue)}` : ''}`;
}

async function run() {
  message.textContent = '';
  message.className = 'message';
  try {
    trend = await readTrend($('#report-period').value, $('#report-date').value, $('#report-queue').value);
    drawTable(trend);
    drawChart(trend);
    const periodOnly = query().replace(/&queue=[^&]*/, ''); // cases and campaigns have no queue
    await Promise.all([showLateCases(periodOnly), showOutbound(periodOnly)]);
  } catch (failure) {
    explain(message, failure);
  }
}

function fillRules() {
  const select = $('#breach-rule');
  const chosen = select.value;
  select.replaceChildren(...RULES.map((rule) => el('option', { value: rule, text: label('rule', rule) })));
  if (chosen) select.value = chosen;
}

async function fillQueues() {
  const { queues } = await api('/api/queues');
  $('#report-queue').append(...queues.map((q) => el('option', { value: q.queue, text: label('queue', q.queue) })));
}

const breaches = (more) => showBreaches(query(), more).catch((failure) => explain(message, failure));
$('#report-controls').addEventListener('submit', (event) => {
  event.preventDefault();
  run();
});
$('#breaches-show').addEventListener('click', () => breaches(false));
$('#breaches-more').addEventListener('click', () => breaches(true));
$('#audit-run').addEventListener('click', () => showAudit($('#report-date').value));
$('#export-csv').addEventListener('click', () => exportCsv(query(), $('#export-by').value, message));
await fillQueues().catch(() => {});
run();
