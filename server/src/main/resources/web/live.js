// The live channel (Server-Sent Events). The browser reconnects by itself and the server replays
// what was missed (Last-Event-ID), so a page opened once stays right without reloading.
import { session } from './api.js';
import { t } from './i18n.js';

/**
 * Follows the live channel: handlers by event type, each given the event's JSON. With an agent,
 * that agent's events and the floor's; without, everything.
 */
export function follow(agent, handlers) {
  const url = agent ? `/api/live?agent=${encodeURIComponent(agent)}` : '/api/live';
  const source = new EventSource(url, { withCredentials: true });
  for (const [type, handle] of Object.entries(handlers)) {
    source.addEventListener(type, (event) => handle(JSON.parse(event.data)));
  }
  source.addEventListener('open', () => status(true));
  source.addEventListener('error', () => {
    status(false);
    // A stream the server refused is not retried by the browser: ask who we are, which sends an
    // expired session to the login page; otherwise the refusal was a server between two active
    // ones (503 during a take-over): follow again shortly.
    if (source.readyState === EventSource.CLOSED) {
      const again = () => setTimeout(() => follow(agent, handlers), REFOLLOW_MS);
      session().then(again, (error) => { if (error.status !== 401) again(); });
    }
  });
  return source;
}

const REFOLLOW_MS = 3000;

function status(connected) {
  const indicator = document.getElementById('live-status');
  if (!indicator) return;
  indicator.dataset.connected = String(connected);
  indicator.dataset.i18n = connected ? 'live.connected' : 'live.reconnecting';
  indicator.textContent = t(indicator.dataset.i18n);
}
