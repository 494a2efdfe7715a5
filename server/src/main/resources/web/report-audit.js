// The day's audit against Asterisk's own channel event log (CEL): the verdict, then every figure
// that disagrees and every call whose record differs (docs/audit.md).
import { api, explain } from './api.js';
import { $, el, replace, row } from './dom.js';
import { t } from './i18n.js';

let last = null;

/** Audits the day chosen on the page; the verdict says clean or how much differs. */
export async function showAudit(day) {
  const verdict = $('#audit-verdict');
  verdict.textContent = t('audit.running');
  verdict.className = 'message';
  try {
    last = await api(`/api/reports/audit?day=${encodeURIComponent(day)}`);
    drawAudit();
  } catch (failure) {
    last = null;
    replace($('#audit-figures tbody'));
    replace($('#audit-calls tbody'));
    explain(verdict, failure);
  }
}

/** Draws the last audit again (also after a change of language). */
export function drawAudit() {
  if (!last) return;
  const verdict = $('#audit-verdict');
  const differing = last.figures.filter((f) => !f.agrees);
  verdict.textContent = last.clean
    ? t('audit.clean', { day: last.day, calls: last.celCalls })
    : t('audit.differs', { day: last.day, figures: differing.length, calls: last.callDifferences });
  if (last.skippedLines > 0) verdict.textContent += ` ${t('audit.skipped', { lines: last.skippedLines })}`;
  verdict.className = last.clean ? 'message accepted' : 'message error';
  replace($('#audit-figures thead'), el('tr', {}, ['audit.figure', 'audit.cel', 'audit.report']
    .map((key) => el('th', { text: t(key) }))));
  replace($('#audit-figures tbody'), differing.map((f) => row([f.name, f.cel, f.report ?? '—'])));
  replace($('#audit-calls thead'), el('tr', {}, ['audit.call', 'audit.what', 'audit.cel', 'audit.record']
    .map((key) => el('th', { text: t(key) }))));
  replace($('#audit-calls tbody'), last.calls.map((c) => row([c.call, c.what, c.cel, c.record], { dataset: { call: c.call } })));
}
