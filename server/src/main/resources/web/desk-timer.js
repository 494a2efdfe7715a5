// The talk timer: how long the agent has been on this call, amber from the handbook's 3 minutes
// and red past its 5. The server's talk-time-warning and talk-time-breach events turn it too, so
// its own limits (routing.talkWarningSeconds / talkLimitSeconds) win over the defaults here.
import { $ } from './dom.js';
import { clock } from './format.js';

const DEFAULT_WARNING = 180;
const DEFAULT_LIMIT = 300;

export function talkTimer({ warning = DEFAULT_WARNING, limit = DEFAULT_LIMIT } = {}) {
  const node = $('#talk-timer');
  let startedAt = null;
  let warned = false;
  let breached = false;

  function tick() {
    if (startedAt === null) return;
    const seconds = (Date.now() - startedAt) / 1000;
    node.textContent = clock(seconds);
    const red = breached || seconds >= limit;
    node.classList.toggle('red', red);
    node.classList.toggle('amber', !red && (warned || seconds >= warning));
  }

  setInterval(tick, 500);

  return {
    /** An agent state: the timer runs while they are on a call. */
    state({ state, since }) {
      if (state === 'on-call' && startedAt === null) {
        startedAt = since ? Date.parse(since) : Date.now();
        warned = false;
        breached = false;
        node.classList.add('running');
        tick();
      } else if (state !== 'on-call' && startedAt !== null) {
        tick();
        startedAt = null; // the last reading stays until the next call
        node.classList.remove('running');
      }
    },
    warn() {
      warned = true;
      tick();
    },
    breach() {
      breached = true;
      tick();
    },
  };
}
