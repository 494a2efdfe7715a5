// Service hours: each weekday's opening time or "closed", and the holidays. Saved hours count from
// the next call and survive a restart; the server checks them and says what is wrong.
import { api, explain } from './api.js';
import { $, el, replace } from './dom.js';
import { onLanguageChange, t } from './i18n.js';

const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** @param saved called with the settings as the server answers after a change */
export function serviceHours(saved) {
  const form = $('#hours-form');
  const message = $('#hours-message');
  let shown = { week: {}, holidays: [] };

  function draw() {
    replace($('#hours-days'), DAYS.map((day) => el('label', {},
      el('span', { text: t(`weekday.${day}`) }),
      el('input', { name: day, attrs: { 'data-day': day, value: form.elements[day]?.value ?? shown.week[day] ?? '' } }))));
  }

  function show(hours) {
    shown = hours;
    replace($('#hours-days'));
    draw();
    $('#hours-holidays').value = (hours.holidays || []).join(', ');
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    message.className = 'message';
    const week = Object.fromEntries(DAYS.map((day) => [day, form.elements[day].value.trim()]));
    const holidays = $('#hours-holidays').value.split(/[\s,，]+/).filter(Boolean);
    try {
      const settings = await api('/api/settings/hours', { method: 'PUT', json: { week, holidays } });
      message.textContent = t('admin.hoursSaved');
      show(settings.hours);
      saved(settings);
    } catch (failure) {
      explain(message, failure);
    }
  });
  onLanguageChange(draw);
  return { show };
}
