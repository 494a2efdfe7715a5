// Outbound campaigns: create one, start, pause, resume or stop it, and watch its progress
// live (campaign-progress on the live channel).
import { api, explain } from './api.js';
import { $, el, replace } from './dom.js';
import { dateTime } from './format.js';
import { label, onLanguageChange, t } from './i18n.js';
import { follow } from './live.js';
import { startPage } from './shell.js';
import { campaignForm } from './campaign-form.js';

/** Which commands a campaign in each status takes. */
const COMMANDS = { ready: ['start', 'stop'], running: ['pause', 'stop'], paused: ['resume', 'stop'] };
const DETAILS_READ = 30; // the newest campaigns get their progress read at once; the rest follow live

await startPage();
const campaigns = new Map(); // id → campaign JSON with its progress

follow(null, {
  'campaign-progress': (event) => {
    const campaign = campaigns.get(event.campaign);
    if (!campaign) {
      reload(); // made elsewhere: read the list again
      return;
    }
    Object.assign(campaign, { status: event.status, progress: event });
    draw(campaign);
  },
});
campaignForm(reload);
fillSkills();
await reload();
onLanguageChange(() => campaigns.forEach(draw));

/** Reads the list again; a refusal is shown by the banner, a failure leaves the list as it was. */
function reload() {
  return load().catch(() => {});
}

async function load() {
  const list = (await api('/api/campaigns')).campaigns;
  for (const c of list) campaigns.set(c.id, { ...campaigns.get(c.id), ...c });
  replace($('#campaigns tbody'), list.map((c) => rowOf(c.id)));
  list.forEach((c) => draw(campaigns.get(c.id)));
  await Promise.all(list.slice(0, DETAILS_READ).map(async (c) => {
    const one = await api(`/api/campaigns/${encodeURIComponent(c.id)}`).catch(() => null);
    if (one) draw(Object.assign(campaigns.get(c.id), one));
  }));
}

async function fillSkills() {
  try {
    const { queues } = await api('/api/queues');
    replace($('#campaign-skill'), queues.map((q) => el('option', { value: q.queue, text: label('queue', q.queue) })));
  } catch {
    // a callback campaign then cannot be made here; the others can
  }
}

function rowOf(id) {
  return el('tr', { dataset: { campaign: id } },
    el('td', { className: 'name' }), el('td', { className: 'kind' }), el('td', { className: 'status' }),
    el('td', { className: 'progress' }), el('td', { className: 'created' }),
    el('td', { className: 'actions' }, ['start', 'pause', 'resume', 'stop'].map((command) => el('button', {
      type: 'button', className: command, dataset: { i18n: `command.${command}` }, text: t(`command.${command}`),
      on: { click: () => run(id, command) },
    }))));
}

function draw(c) {
  const tr = $(`#campaigns tr[data-campaign="${CSS.escape(c.id)}"]`);
  if (!tr) return;
  tr.querySelector('.name').textContent = c.name;
  tr.querySelector('.kind').textContent = label('kind', c.kind);
  const status = tr.querySelector('.status');
  status.dataset.status = c.status;
  status.textContent = label('campaignStatus', c.status);
  tr.querySelector('.created').textContent = dateTime(c.createdAt);
  const allowed = COMMANDS[c.status] || [];
  for (const button of tr.querySelectorAll('.actions button')) button.disabled = !allowed.includes(button.className);
  drawProgress(tr.querySelector('.progress'), c.progress);
}

/** Contacts finished of all, with how many were reached. */
function drawProgress(cell, progress) {
  if (!progress) return;
  const contacts = progress.contacts || {};
  const open = (contacts.pending || 0) + (contacts.dialling || 0);
  const finished = Math.max(0, progress.total - open);
  cell.dataset.finished = String(finished);
  cell.dataset.total = String(progress.total);
  replace(cell, el('progress', { max: progress.total || 1, value: finished }), ' ',
    t('campaigns.progressText', { finished, total: progress.total, done: contacts.done || 0 }));
}

async function run(id, command) {
  try {
    const campaign = await api(`/api/campaigns/${encodeURIComponent(id)}/${command}`, { method: 'POST' });
    draw(Object.assign(campaigns.get(id), campaign));
  } catch (failure) {
    explain($('#campaign-message'), failure);
  }
}
