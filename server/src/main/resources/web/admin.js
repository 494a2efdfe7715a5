// Administration: users, the audit log, and the settings the server runs with: service hours are
// changed here; the rest is changed in config/ (the greeting is recorded audio of the company name).
import { api, explain } from './api.js';
import { $, el, formValues, replace, row } from './dom.js';
import { dateTime } from './format.js';
import { label, onLanguageChange, t } from './i18n.js';
import { startPage } from './shell.js';
import { users } from './admin-users.js';
import { serviceHours } from './admin-hours.js';

await startPage();
let settings = null;
let entries = [];
const accounts = users();
const hours = serviceHours((changed) => {
  settings = changed;
  drawSettings();
});

$('#audit-form').addEventListener('submit', (event) => {
  event.preventDefault();
  audit();
});
onLanguageChange(() => {
  drawSettings();
  drawAudit();
});
await Promise.all([accounts.load(), readSettings(), audit()].map((p) => p.catch(() => {})));

async function readSettings() {
  settings = await api('/api/settings');
  drawSettings();
  hours.show(settings.hours);
  replace($('#new-agent'), el('option', { value: '' }),
    (settings.agents || []).map((a) => el('option', { value: a.id, text: `${a.id} ${a.name}` })));
}

function drawSettings() {
  if (!settings) return;
  const { agents = [], ...rest } = settings;
  replace($('#settings'), Object.entries(rest).flatMap(([key, value]) => [el('dt', { text: label('setting', key) }),
    el('dd', { text: describe(value) })]));
  replace($('#settings-agents thead'), el('tr', {}, ['user.agent', 'user.displayName', 'setting.tier', 'setting.skills']
    .map((key) => el('th', { text: t(key) }))));
  replace($('#settings-agents tbody'), agents.map((a) => row([a.id, a.name, label('tier', a.tier),
    Object.entries(a.skills || {}).map(([skill, level]) => `${label('queue', skill)} ${level}`).join(', ')],
  { dataset: { agent: a.id } })));
}

/** A setting's value in one line: objects as "key: value" pairs, lists joined. */
function describe(value) {
  if (value === null || value === undefined) return '—';
  if (Array.isArray(value)) return value.map(describe).join(', ');
  if (typeof value === 'object') return Object.entries(value).map(([k, v]) => `${k}: ${describe(v)}`).join('; ');
  return String(value);
}

async function audit() {
  const { user, from, to } = formValues($('#audit-form'));
  const query = new URLSearchParams();
  if (user) query.set('user', user);
  if (from) query.set('from', new Date(`${from}T00:00`).toISOString());
  if (to) query.set('to', new Date(new Date(`${to}T00:00`).getTime() + 86400000).toISOString());
  try {
    entries = (await api(`/api/audit?${query}`)).entries;
    drawAudit();
  } catch (failure) {
    explain($('#users-message'), failure);
  }
}

function drawAudit() {
  replace($('#audit thead'), el('tr', {}, ['audit.at', 'user.name', 'audit.action', 'audit.target', 'audit.detail']
    .map((key) => el('th', { text: t(key) }))));
  replace($('#audit tbody'), entries.map((e) => row([dateTime(e.at), e.user, e.action, e.target,
    typeof e.detail === 'object' && e.detail !== null ? describe(e.detail) : e.detail])));
}
