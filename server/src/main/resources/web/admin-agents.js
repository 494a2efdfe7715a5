// The roster: agents added, changed, disabled, enabled and removed from the console, live (the floor and
// Asterisk's SIP accounts change at once). A new agent's first passwords are shown here once: the server
// keeps only a digest and a hash of them, so they cannot be shown again.
import { api, explain } from './api.js';
import { $, el, formValues, replace } from './dom.js';
import { label, onLanguageChange, t } from './i18n.js';

const TIERS = ['front-line', 'senior', 'team-lead'];

/** "orders:3, agent 2" → {orders: 3, agent: 2}; a word without a level counts as 1. */
function skillsOf(text) {
  const skills = {};
  for (const part of (text ?? '').split(/[,，;\s]+/).filter(Boolean)) {
    const [name, level] = part.split(/[:=]/);
    skills[name] = level === undefined ? 1 : Number(level);
  }
  return skills;
}

const skillsText = (skills) => Object.entries(skills ?? {}).map(([name, level]) => `${name}:${level}`).join(', ');

export function roster() {
  let list = [];
  let editing = null; // the ID being changed, or null when the form adds
  const message = $('#agents-message');
  const form = $('#agent-form');

  async function load() {
    list = (await api('/api/roster')).agents;
    draw();
  }

  function draw() {
    replace($('#agents tbody'), list.map((a) => el('tr', { dataset: { agent: a.id, standing: a.standing } },
      el('td', { className: 'id', text: a.id }),
      el('td', { className: 'name', text: a.name }),
      el('td', { className: 'tier', text: label('tier', a.tier) }),
      el('td', { className: 'team-lead', text: a.teamLead ?? '' }),
      el('td', { className: 'skills', text: skillsText(a.skills) }),
      el('td', { className: 'standing', text: label('agentStanding', a.standing) }),
      el('td', { className: 'actions' }, a.standing === 'removed' ? null : [
        el('button', { type: 'button', className: 'edit secondary', text: t('agents.edit'), on: { click: () => edit(a) } }),
        el('button', {
          type: 'button', className: a.standing === 'active' ? 'disable secondary' : 'enable secondary',
          text: t(a.standing === 'active' ? 'admin.disable' : 'admin.enable'),
          on: { click: () => act(a, a.standing === 'active' ? 'POST disable' : 'POST enable') },
        }),
        el('button', { type: 'button', className: 'phone-password secondary', text: t('agents.newPhonePassword'), on: { click: () => renew(a) } }),
        el('button', { type: 'button', className: 'remove danger', text: t('agents.remove'), on: { click: () => act(a, 'DELETE') } }),
      ]))));
    const lead = $('#agent-lead').value;
    replace($('#agent-lead'), el('option', { value: '' }), list.filter((a) => a.tier === 'team-lead' && a.standing !== 'removed')
      .map((a) => el('option', { value: a.id, text: `${a.id} ${a.name}` })));
    $('#agent-lead').value = lead;
    replace($('#agent-tier'), TIERS.map((tier) => el('option', { value: tier, text: label('tier', tier) })));
    if (editing) $('#agent-tier').value = list.find((a) => a.id === editing)?.tier ?? 'front-line';
  }

  function edit(agent) {
    editing = agent.id;
    $('#agent-id').value = agent.id;
    $('#agent-id').disabled = true;
    $('#agent-name').value = agent.name;
    $('#agent-tier').value = agent.tier;
    $('#agent-lead').value = agent.teamLead ?? '';
    $('#agent-skills').value = skillsText(agent.skills);
    $('#agent-save').textContent = t('agents.save');
  }

  function reset() {
    editing = null;
    form.reset();
    $('#agent-id').disabled = false;
    $('#agent-save').textContent = t('agents.add');
  }

  async function act(agent, how) {
    const [method, action] = how.split(' ');
    if (method === 'DELETE' && !window.confirm(t('agents.confirmRemove', { agent: `${agent.id} ${agent.name}` }))) return;
    message.className = 'message';
    $('#agent-passwords').hidden = true;
    try {
      await api(`/api/agents/${encodeURIComponent(agent.id)}${action ? `/${action}` : ''}`, { method });
      message.textContent = t('agents.changed', { agent: agent.id });
    } catch (failure) {
      explain(message, failure);
    }
    await load().catch(() => {});
  }

  /** Shows the passwords of this once (a new agent's both, a renewed phone password alone). */
  function showOnce(id, { login = '—', phone, desktop = '—' }) {
    $('#agent-login').textContent = login;
    $('#agent-phone-account').textContent = `agent-${id}`;
    $('#agent-phone-password').textContent = phone;
    $('#agent-desk-password').textContent = desktop;
    $('#agent-passwords').hidden = false;
  }

  async function renew(agent) {
    message.className = 'message';
    $('#agent-passwords').hidden = true;
    try {
      const renewed = await api(`/api/agents/${encodeURIComponent(agent.id)}/phone-password`, { method: 'POST' });
      showOnce(agent.id, { phone: renewed.phonePassword });
      message.textContent = t('agents.phonePasswordRenewed', { agent: agent.id });
    } catch (failure) {
      explain(message, failure);
    }
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    message.className = 'message';
    $('#agent-passwords').hidden = true;
    const fields = formValues(form);
    const body = { name: fields.name, tier: fields.tier, teamLead: fields.teamLead ?? null, skills: skillsOf(fields.skills) };
    try {
      if (editing) {
        await api(`/api/agents/${encodeURIComponent(editing)}`, { method: 'PUT', json: body });
        message.textContent = t('agents.changed', { agent: editing });
      } else {
        const made = await api('/api/agents', { method: 'POST', json: { id: fields.id, ...body } });
        // Shown once: nothing keeps them but this box, emptied by the next action or a reload.
        showOnce(made.id, { login: made.login, phone: made.firstPasswords.phone, desktop: made.firstPasswords.desktop });
        message.textContent = t('agents.added', { agent: made.id });
      }
      reset();
      await load();
    } catch (failure) {
      explain(message, failure);
    }
  });
  $('#agent-cancel').addEventListener('click', reset);

  onLanguageChange(draw);
  return { load };
}
