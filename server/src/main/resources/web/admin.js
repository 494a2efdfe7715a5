// Administration: users and the audit log. The floor's settings (skills, service hours) are the
// settings page's, which administrators open too.
import { api, explain } from './api.js';
import { $, el, formValues, replace, row } from './dom.js';
import { dateTime, oneLine } from './format.js';
import { onLanguageChange, t } from './i18n.js';
import { startPage } from './shell.js';
import { users } from './admin-users.js';
import { roster } from './admin-agents.js';

const me = await startPage();
let entries = [];
const accounts = users(me);
const agents = roster();

$('#audit-form').addEventListener('submit', (event) => {
  event.preventDefault();
  audit();
});
onLanguageChange(drawAudit);
await Promise.all([accounts.load(), agents.load(), readAgents(), audit()].map((p) => p.catch(() => {})));

/** The agent IDs a new user may be given. */
async function readAgents() {
  const { agents } = await api('/api/agents');
  replace($('#new-agent'), el('option', { value: '' }),
    agents.map((a) => el('option', { value: a.id, text: `${a.id} ${a.name}` })));
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
    typeof e.detail === 'object' && e.detail !== null ? oneLine(e.detail) : e.detail])));
}
