// The case form: a question not answered on the call becomes a case with the handbook's
// particulars (when, where, who, what, how, a contact phone). Opened from the call on screen it
// belongs to whoever answered that call first (usually this agent); without a call, to this agent.
import { api, explain } from './api.js';
import { $, formValues, replace, row } from './dom.js';
import { dateTime } from './format.js';
import { label, onLanguageChange, t } from './i18n.js';

export function caseForm(agent, pop) {
  const form = $('#case-form');
  const message = $('#case-message');
  let mine = [];
  let opened = null; // the case just opened, said again in the other language when switched

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    message.className = 'message';
    const fields = formValues(form);
    const call = pop.current()?.call;
    // During the call its record does not name the agent yet (that is written when the call ends),
    // so the agent says it is theirs; a call another agent took first stays theirs (first contact).
    const body = { ...fields, by: agent, owner: agent, ...(call ? { call } : {}) };
    $('#case-submit').disabled = true;
    try {
      opened = await api('/api/cases', { method: 'POST', json: body }).catch((refused) => {
        if (!call || !/^owner: the case belongs to agent/.test(refused.message)) throw refused;
        delete body.owner;
        return api('/api/cases', { method: 'POST', json: body });
      });
      sayOpened();
      form.reset();
      refresh();
    } catch (failure) {
      opened = null;
      explain(message, failure);
    } finally {
      $('#case-submit').disabled = false;
    }
  });

  function sayOpened() {
    if (opened) message.textContent = t('case.opened', { id: opened.id, deadline: dateTime(opened.deadline) });
  }

  function draw() {
    sayOpened();
    replace($('#my-cases tbody'), mine.map((c) => row([c.id, label('caseStatus', c.status),
      { text: c.what, className: 'what' }, { text: dateTime(c.deadline), className: c.overdue ? 'late' : c.dueSoon ? 'soon' : '' }],
    { dataset: { case: c.id } })));
  }

  async function refresh() {
    try {
      mine = (await api(`/api/cases?owner=${encodeURIComponent(agent)}&status=open&limit=10`)).cases;
      draw();
    } catch {
      // the list is a help, not the form: the form still works
    }
  }

  onLanguageChange(draw);
  return { refresh };
}
