// How figures read on screen, the same on every page.
import { language, t } from './i18n.js';

const locale = () => (language() === 'zh' ? 'zh-CN' : 'en-GB');

/** 75 → "1:15", 3725 → "1:02:05"; null → "—". */
export function clock(seconds) {
  if (seconds === null || seconds === undefined || Number.isNaN(seconds)) return '—';
  const s = Math.max(0, Math.floor(seconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}

/** Seconds since an ISO time, never negative. */
export function since(iso, now = Date.now()) {
  return iso ? Math.max(0, (now - Date.parse(iso)) / 1000) : null;
}

/** A report's ratio {part, whole, value} as "93.5% (187/200)"; no data → "—". */
export function ratio(r) {
  if (!r || r.value === null || r.value === undefined) return '—';
  return `${percent(r.value)} (${r.part}/${r.whole})`;
}

/** A share of time {part, whole, value} in milliseconds as "65.2% (9 min 35 s of 14 min 43 s)"; no data → "—". */
export function timeShare(r) {
  if (!r || r.value === null || r.value === undefined) return '—';
  return t('format.timeShare', { percent: percent(r.value), part: duration(r.part / 1000), whole: duration(r.whole / 1000) });
}

/** A length of time as people say it: 9 → "9 s", 575 → "9 min 35 s", 3725 → "1 h 2 min"; null → "—". */
export function duration(seconds) {
  if (seconds === null || seconds === undefined || Number.isNaN(seconds)) return '—';
  const s = Math.max(0, Math.round(seconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const rest = s % 60;
  const parts = hours > 0 ? [['h', hours], ['min', minutes]]
    : minutes > 0 ? [['min', minutes], ['s', rest]] : [['s', rest]];
  return parts.filter(([, n], i) => i === 0 || n > 0).map(([unit, n]) => t(`unit.${unit}`, { n })).join(t('unit.join'));
}

export function percent(value) {
  return value === null || value === undefined ? '—' : `${(value * 100).toFixed(1)}%`;
}

export function number(value, digits = 0) {
  return value === null || value === undefined ? '—' : Number(value).toFixed(digits);
}

export function dateTime(iso) {
  return iso ? new Date(iso).toLocaleString(locale(), { dateStyle: 'short', timeStyle: 'short' }) : '—';
}

export function date(iso) {
  return iso ? new Date(iso).toLocaleDateString(locale()) : '—';
}

/** A value in one line: objects as "key: value" pairs, lists joined (settings, audit details). */
export function oneLine(value) {
  if (value === null || value === undefined) return '—';
  if (Array.isArray(value)) return value.map(oneLine).join(', ');
  if (typeof value === 'object') return Object.entries(value).map(([k, v]) => `${k}: ${oneLine(v)}`).join('; ');
  return String(value);
}
