// The floor's settings, for supervisors: which queues each agent takes and how well, the service
// hours and holidays, and (to read) the greeting and the rules the hotline answers by.
import { api } from './api.js';
import { $, el, replace } from './dom.js';
import { oneLine } from './format.js';
import { label, onLanguageChange } from './i18n.js';
import { follow } from './live.js';
import { startPage } from './shell.js';
import { serviceHours } from './settings-hours.js';
import { skillsTable } from './settings-skills.js';

await startPage();
let settings = null;
const hours = serviceHours((changed) => {
  settings = changed;
  drawSettings();
});

const [read, roster] = await Promise.all([api('/api/settings'), api('/api/agents')])
  .catch(() => [null, { agents: [] }]); // refused: the banner says so
settings = read;
const skills = skillsTable(settings ? settings.queues : [], roster.agents);
if (settings) hours.show(settings.hours);
drawSettings();
onLanguageChange(drawSettings);
follow(null, { 'agent-state': (event) => skills.changed(event) });

function drawSettings() {
  if (!settings) return;
  const { queues, hours: inTheForm, ...rest } = settings;
  replace($('#settings'), Object.entries(rest).flatMap(([key, value]) => [el('dt', { text: label('setting', key) }),
    el('dd', { text: oneLine(value) })]));
}
