// Users: the list, a new user, a role changed, an account disabled or enabled, a password reset.
// Only admins may (the server refuses anyone else); every change lands in the audit log.
import { api, explain } from './api.js';
import { $, el, formValues, replace } from './dom.js';
import { label, onLanguageChange, t } from './i18n.js';

const ROLES = ['agent', 'supervisor', 'admin'];

/** @param me who is logged in: their own account is never offered to disable (they would lock themselves out). */
export function users(me) {
  let list = [];
  const message = $('#users-message');
  const formMessage = $('#form-message');

  async function load() {
    const answer = await api('/api/users');
    list = Array.isArray(answer) ? answer : answer.users;
    draw();
  }

  function draw() {
    replace($('#users tbody'), list.map((u) => el('tr', { dataset: { user: u.name, role: u.role, disabled: String(!!u.disabled) } },
      el('td', { className: 'name', text: u.name }),
      el('td', { className: 'display-name', text: u.displayName ?? '' }),
      el('td', {}, el('select', {
        className: 'role', attrs: { 'aria-label': t('user.role') },
        on: { change: (event) => change(u, { role: event.target.value }) },
      }, ROLES.map((role) => el('option', { value: role, text: label('role', role), selected: role === u.role })))),
      el('td', { className: 'agent', text: u.agent ?? '' }),
      el('td', { className: 'status', text: t(u.disabled ? 'user.disabled' : 'user.active') }),
      el('td', { className: 'actions' }, u.name === me.user ? el('span', { className: 'muted', text: t('admin.you') })
        : el('button', {
          type: 'button', className: u.disabled ? 'enable secondary' : 'disable danger', text: t(u.disabled ? 'admin.enable' : 'admin.disable'),
          on: { click: () => change(u, { disabled: !u.disabled }) },
        })))));
    const chosen = $('#password-user').value;
    replace($('#password-user'), list.map((u) => el('option', { value: u.name, text: u.name })));
    if (chosen) $('#password-user').value = chosen;
  }

  async function change(user, fields) {
    message.className = 'message';
    try {
      await api(`/api/users/${encodeURIComponent(user.name)}`, { method: 'PUT', json: fields });
      message.textContent = t('admin.changed', { user: user.name });
    } catch (failure) {
      explain(message, failure);
    }
    await load().catch(() => {});
  }

  $('#user-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    formMessage.className = 'message';
    const fields = formValues(event.target);
    try {
      await api('/api/users', { method: 'POST', json: { ...fields, password: event.target.password.value } });
      formMessage.textContent = t('admin.created', { user: fields.name });
      event.target.reset();
      await load();
    } catch (failure) {
      explain(formMessage, failure);
    }
  });

  $('#password-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    formMessage.className = 'message';
    const name = $('#password-user').value;
    try {
      await api(`/api/users/${encodeURIComponent(name)}/password`, { method: 'POST', json: { password: $('#password-new').value } });
      formMessage.textContent = t('admin.passwordSet', { user: name });
      event.target.reset();
    } catch (failure) {
      explain(formMessage, failure);
    }
  });

  onLanguageChange(draw);
  return { load };
}
