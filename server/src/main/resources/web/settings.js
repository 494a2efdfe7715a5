// The floor's settings, for supervisors: which queues each agent takes and how well, the service
// hours and holidays, and (to read) the greeting and the rules the hotline answers by.
import { api } from './api.js';
import { $, el, replace } from './dom.js';
import { duration, oneLine } from './format.js';
import { label, language, onLanguageChange, t } from './i18n.js';
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
    el('dd', { dataset: { setting: key } }, readable(key, value))]));
}

/** A setting as a sentence in the page's language, with its units; one this page does not know, as it comes. */
function readable(key, value) {
  switch (key) {
    case 'company': {
      const [first, second] = language() === 'zh' ? [value.name, value.nameEn] : [value.nameEn || value.name, value.name];
      return second && second !== first ? t('setting.companyBoth', { first, second }) : first;
    }
    case 'language':
      return label('language', value);
    case 'menu':
      return el('ul', { className: 'plain' }, Object.entries(value).sort(([a], [b]) => a.localeCompare(b))
        .map(([digit, queue]) => el('li', { text: t('setting.menuKey', { digit, queue: label('queue', queue) }) })));
    case 'answer':
      return t('setting.answerRule', { rings: value.maxRings, ring: duration(value.ringSeconds),
        total: duration(value.maxRings * value.ringSeconds) });
    case 'apology':
      return t('setting.apologyRule', { rings: value.afterRings, total: duration(value.afterRings * value.ringSeconds) });
    case 'agentRing':
      return t('setting.agentRingRule', { rings: value.rings, total: duration(value.rings * value.ringSeconds) });
    case 'talk':
      return t('setting.talkRule', { warning: duration(value.warningSeconds), limit: duration(value.limitSeconds) });
    case 'replyWithinDays':
      return t('setting.replyRule', { days: value });
    default:
      return oneLine(value);
  }
}
