// "Today" is the centre's day (centre.timeZone), not the browser's: a report says which zone it
// used, and the zone is kept so the next "today" is asked in it straight away.
import { api } from './api.js';

const ZONE = 'hotline.timeZone';

/** The date (YYYY-MM-DD) it is now in a time zone; the browser's own without one. */
export function dateIn(zone, at = new Date()) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone || undefined, year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(at);
}

/** GET /api/reports for today in the centre, with more query parameters (agent=…, by=queue). */
export async function today(query) {
  const ask = (zone) => api(`/api/reports?period=day&date=${dateIn(zone)}${query ? `&${query}` : ''}`);
  const zone = localStorage.getItem(ZONE);
  const report = await ask(zone);
  if (report.timeZone && report.timeZone !== zone) {
    localStorage.setItem(ZONE, report.timeZone);
    if (dateIn(report.timeZone) !== dateIn(zone)) return ask(report.timeZone);
  }
  return report;
}

export function centreZone() {
  return localStorage.getItem(ZONE);
}
