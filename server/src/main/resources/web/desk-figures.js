// The agent's own figures for today, from the same reports supervisors read (agent=<self>).
import { api } from './api.js';
import { $, el, replace } from './dom.js';
import { clock, number, ratio, timeShare } from './format.js';
import { onLanguageChange, t } from './i18n.js';
import { today } from './centre-day.js';

const REFRESH_MS = 60000;

export function myFigures(agent) {
  let figures = null;

  function draw() {
    if (!figures) return;
    const f = figures;
    const shown = [
      ['figure.agentAnswered', f.agentAnswered],
      ['figure.agentThreeRingAnswer', ratio(f.agentThreeRingAnswer)],
      ['figure.talkWithin3Minutes', ratio(f.talkWithin3Minutes)],
      ['figure.talkOver5Minutes', f.talkOver5Minutes],
      ['figure.ahtSeconds', clock(f.ahtSeconds)],
      ['figure.csat.average', number(f.csat?.average, 2)],
      ['figure.casesRepliedWithinDeadline', ratio(f.casesRepliedWithinDeadline)],
      ['figure.occupancy', timeShare(f.occupancy)], // milliseconds busy of milliseconds logged in
    ];
    replace($('#my-figures'), shown.flatMap(([key, value]) => [el('dt', { text: t(key) }),
      el('dd', { dataset: { figure: key.slice('figure.'.length) }, text: value ?? '—' })]));
  }

  async function refresh() {
    try {
      figures = (await today(`agent=${encodeURIComponent(agent)}`)).figures;
      draw();
    } catch {
      // kept from the last read; tried again at the next refresh
    }
  }

  setInterval(refresh, REFRESH_MS);
  onLanguageChange(draw);
  return { refresh };
}
