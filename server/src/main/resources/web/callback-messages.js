// Messages callers left when nobody could take the call: each is a callback task; the desktop's
// list and the wall board show its length and play it (the server checks the role and audits it).
import { api } from './api.js';
import { el, replace, row } from './dom.js';
import { dateTime } from './format.js';
import { label, onLanguageChange, t } from './i18n.js';

const REFRESH_MS = 30000;

/** The message cell of a callback task: a player, "no audio" (hung up at the tone), or nothing. */
export function messageCell(callback) {
  const message = callback.message;
  if (!message) return '';
  if (!message.audio) return el('span', { className: 'muted message-none', text: t('messages.noAudio') });
  return el('span', { className: 'message' },
    el('audio', {
      controls: true,
      preload: 'none',
      src: `/api/callbacks/${encodeURIComponent(callback.call)}/message`,
      attrs: { 'aria-label': t('messages.play') },
    }),
    ` ${Math.round(message.lengthMs / 1000)} s`);
}

/** The wall board's list: the open callback tasks that carry a message, oldest first. */
export function followMessages(tbody, none) {
  let open = [];

  function draw() {
    const left = open.filter((c) => c.message);
    replace(tbody, left.map((c) => row([c.number, label('queue', c.queue), dateTime(c.deadline), messageCell(c)],
      { dataset: { call: c.call } })));
    none.hidden = left.length > 0;
  }

  async function load() {
    try {
      open = (await api('/api/callbacks')).callbacks;
      draw();
    } catch {
      // shown again at the next refresh
    }
  }

  load();
  setInterval(load, REFRESH_MS);
  onLanguageChange(draw);
}
