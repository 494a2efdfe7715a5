// Agents and their skills: one row per agent, one level (— or 1 to 5) per queue, saved row by row.
// What another supervisor changes arrives over the live channel; a row being edited is left as is.
import { api, explain } from './api.js';
import { $, el, replace } from './dom.js';
import { label, onLanguageChange, t } from './i18n.js';

const LEVELS = ['', '1', '2', '3', '4', '5'];

/** @param queues the queues' names; @param agents the agents as /api/agents answers them */
export function skillsTable(queues, agents) {
  const message = $('#skills-message');
  const byId = new Map(agents.map((a) => [a.id, a]));
  const editing = new Set();

  function head() {
    replace($('#skills thead'), el('tr', {}, [t('user.agent'), t('user.displayName'), t('setting.tier'), t('wallboard.state')]
      .concat(queues.map((q) => label('queue', q)), ['']).map((text) => el('th', { text }))));
  }

  function drawRow(agent) {
    const cells = [agent.id, agent.name, label('tier', agent.tier), label('state', agent.state)]
      .map((text) => el('td', { text }));
    const levels = queues.map((queue) => el('td', {}, el('select', {
      attrs: { 'data-queue': queue, 'aria-label': `${agent.id} ${label('queue', queue)}` },
      on: { change: () => editing.add(agent.id) },
    }, LEVELS.map((level) => el('option', {
      value: level, text: level || '—', selected: String(agent.skills[queue] ?? '') === level,
    })))));
    const save = el('td', {}, el('button', {
      type: 'button', className: 'save-skills', dataset: { i18n: 'settings.save' }, text: t('settings.save'),
      on: { click: () => saveRow(agent.id) },
    }));
    const row = el('tr', { dataset: { agent: agent.id } }, cells, levels, save);
    const old = $(`#skills tr[data-agent='${CSS.escape(agent.id)}']`);
    if (old) old.replaceWith(row); else $('#skills tbody').append(row);
  }

  async function saveRow(id) {
    message.className = 'message';
    const skills = {};
    for (const select of $(`#skills tr[data-agent='${CSS.escape(id)}']`).querySelectorAll('select')) {
      if (select.value) skills[select.dataset.queue] = Number(select.value);
    }
    try {
      const agent = await api(`/api/agents/${encodeURIComponent(id)}/skills`, { method: 'PUT', json: { skills } });
      editing.delete(id);
      byId.set(id, agent);
      drawRow(agent);
      message.textContent = t('settings.skillsSaved', { agent: `${agent.id} ${agent.name}` });
    } catch (failure) {
      explain(message, failure);
    }
  }

  function draw() {
    head();
    replace($('#skills tbody'));
    byId.forEach(drawRow);
  }

  draw();
  onLanguageChange(draw);
  return {
    /** An agent-state event: the state, and the skills if another console changed them. */
    changed(event) {
      const agent = byId.get(event.agent);
      if (!agent) return;
      Object.assign(agent, { state: event.state }, event.skills ? { skills: event.skills } : {});
      if (!editing.has(agent.id)) drawRow(agent);
    },
  };
}
