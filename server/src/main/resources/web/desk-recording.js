// Pausing the recording of the agent's call while a card number is read out, then resuming it.
// Shown only while the agent is on a call; the server answers 409 when the call is not recorded.
// The pause and resume reach the call's record with Asterisk's own times.
import { api, ApiError, explain } from './api.js';
import { $ } from './dom.js';
import { t } from './i18n.js';

export function recordingPause(agent) {
  const box = $('#recording-controls');
  const pause = $('#recording-pause');
  const resume = $('#recording-resume');
  const message = $('#recording-message');
  const path = `/api/agents/${encodeURIComponent(agent)}/recording`;
  let paused = false;

  function draw() {
    pause.hidden = paused;
    resume.hidden = !paused;
  }

  async function send(step) {
    message.textContent = '';
    message.classList.remove('error');
    try {
      await api(`${path}/${step}`, { method: 'POST' });
      paused = step === 'pause';
      message.textContent = t(paused ? 'recording.paused' : 'recording.resumed');
      draw();
    } catch (failure) {
      explain(message, failure);
      if (failure instanceof ApiError && failure.status === 409) box.hidden = true; // not recorded, or the call ended
    }
  }

  pause.addEventListener('click', () => send('pause'));
  resume.addEventListener('click', () => send('resume'));

  return {
    /** The agent's state changed: the controls are there during a call only, not paused at its start. */
    agentState(status) {
      if (!status) return;
      const onCall = status.state === 'on-call';
      if (onCall && box.hidden) {
        paused = false;
        message.textContent = '';
        draw();
      }
      box.hidden = !onCall;
    },
  };
}
