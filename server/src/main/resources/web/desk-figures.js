// The agent's own figures for today, from the same reports supervisors read (agent=<self>).
import { api } from './api.js';
import { $, el, replace } from './dom.js';
import { clock, number, ratio } from './format.js';
import { onLanguageChange, t } from './i18n.js';
import { today } from './centre-day.js';

const REFRESH_MS = 60000;

export function myFigures(agent) {
  let figures = null;

  function draw() {
    if (!figures) return;
    const f = figures;
    const shown = [
      ['figures.answered', f.agentAnswered],
      ['figures.agentRings', ratio(f.agentThreeRingAnswer)],
      ['figures.talkWithin', ratio(f.talkWithin3Minutes)],
      ['figures.talkOver', f.talkOver5Minutes],
      ['figures.aht', clock(f.ahtSeconds)],
      ['figures.csat', number(f.csat?.average, 2)],
      ['figures.cases', ratio(f.casesRepliedWithinDeadline)],
      ['figures.occupancy', ratio(f.occupancy)],
    ];
    replace($('#my-figures'), shown.flatMap(([key, value]) => [el('dt', { text: t(key) }),
      el('dd', { dataset: { figure: key.slice('figures.'.length) }, text: value ?? '—' })]));
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
