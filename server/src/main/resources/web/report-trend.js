// A report's trend: the same figures for the periods up to the chosen one, as a table and as a
// Chart.js chart of the shares the handbook sets targets for.
import { api } from './api.js';
import { $, el, replace, row } from './dom.js';
import { clock, number, percent, ratio } from './format.js';
import { t } from './i18n.js';

/** How many periods a trend shows. */
const SPAN = { day: 14, week: 8, month: 6 };

/** The table's columns: a heading key and how to read it from the figures. */
const COLUMNS = [
  ['figure.calls', (f) => f.calls],
  ['figure.agentAnswered', (f) => f.agentAnswered],
  ['figure.threeRingAnswer', (f) => ratio(f.threeRingAnswer)],
  ['figure.apology', (f) => ratio(f.apology)],
  ['figure.agentThreeRingAnswer', (f) => ratio(f.agentThreeRingAnswer)],
  ['figure.serviceLevel.answered', (f) => ratio(f.serviceLevel.answered)],
  ['figure.abandonment', (f) => ratio(f.abandonment)],
  ['figure.asaSeconds', (f) => clock(f.asaSeconds)],
  ['figure.ahtSeconds', (f) => clock(f.ahtSeconds)],
  ['figure.talkWithin3Minutes', (f) => ratio(f.talkWithin3Minutes)],
  ['figure.talkOver5Minutes', (f) => f.talkOver5Minutes],
  ['figure.callbacksWithinDeadline', (f) => ratio(f.callbacksWithinDeadline)],
  ['figure.casesRepliedWithinDeadline', (f) => ratio(f.casesRepliedWithinDeadline)],
  ['figure.csat.average', (f) => number(f.csat.average, 2)],
];

/** The chart's lines: shares, in percent. */
const LINES = [
  ['figure.threeRingAnswer', (f) => f.threeRingAnswer.value, '#2563eb'],
  ['figure.agentThreeRingAnswer', (f) => f.agentThreeRingAnswer.value, '#0891b2'],
  ['figure.serviceLevel.answered', (f) => f.serviceLevel.answered.value, '#16a34a'],
  ['figure.abandonment', (f) => f.abandonment.value, '#dc2626'],
  ['figure.talkWithin3Minutes', (f) => f.talkWithin3Minutes.value, '#d97706'],
  ['figure.callbacksWithinDeadline', (f) => f.callbacksWithinDeadline.value, '#7c3aed'],
];

/** The dates (as the API takes them) of the periods ending with the one containing `date`. */
export function periods(kind, date) {
  const dates = [];
  for (let back = SPAN[kind] - 1; back >= 0; back -= 1) {
    const d = new Date(`${date}T12:00:00Z`);
    if (kind === 'month') {
      d.setUTCDate(1);
      d.setUTCMonth(d.getUTCMonth() - back);
      dates.push(d.toISOString().slice(0, 7));
    } else {
      d.setUTCDate(d.getUTCDate() - back * (kind === 'week' ? 7 : 1));
      dates.push(d.toISOString().slice(0, 10));
    }
  }
  return dates;
}

export async function readTrend(kind, date, queue) {
  const narrow = queue ? `&queue=${encodeURIComponent(queue)}` : '';
  return Promise.all(periods(kind, date).map(async (d) => ({
    label: d, report: await api(`/api/reports?period=${kind}&date=${d}${narrow}`),
  })));
}

export function drawTable(trend) {
  replace($('#report-table thead'), el('tr', {}, el('th', { text: t('reports.period') }),
    COLUMNS.map(([key]) => el('th', { text: t(key) }))));
  replace($('#report-table tbody'), trend.map(({ label, report }) => row(
    [label, ...COLUMNS.map(([, read]) => read(report.figures))], { dataset: { period: label } })));
}

let chart = null;

export function drawChart(trend) {
  const data = {
    labels: trend.map((p) => p.label),
    datasets: LINES.map(([key, read, color]) => ({
      label: t(key),
      data: trend.map((p) => (read(p.report.figures) === null ? null : Math.round(read(p.report.figures) * 1000) / 10)),
      borderColor: color,
      backgroundColor: color,
      spanGaps: true,
    })),
  };
  if (chart) chart.destroy();
  chart = new window.Chart($('#report-chart'), {
    type: 'line',
    data,
    options: {
      animation: false,
      maintainAspectRatio: false,
      scales: { y: { min: 0, max: 100, ticks: { callback: (v) => `${v}%` } } },
      plugins: { tooltip: { callbacks: { label: (c) => `${c.dataset.label}: ${percent(c.parsed.y / 100)}` } } },
    },
  });
}
