// The agent desktop: state, the caller the moment the phone rings, the talk timer, the case
// form, callback tasks and the agent's own figures, kept current by the live channel.
import { refusePage } from './api.js';
import { follow } from './live.js';
import { startPage } from './shell.js';
import { agentState } from './desk-state.js';
import { screenPop } from './desk-pop.js';
import { talkTimer } from './desk-timer.js';
import { caseForm } from './desk-case.js';
import { callbackTasks } from './desk-callbacks.js';
import { myFigures } from './desk-figures.js';
import { wrapUpCodes } from './desk-wrapup.js';
import { transferPanel } from './desk-transfer.js';
import { recordingPause } from './desk-recording.js';
import { deskPhone } from './desk-phone.js';

const me = await startPage();
if (!me.agent) {
  if (!document.body.dataset.refused) refusePage('desktop.noAgent');
} else {
  const state = agentState(me.agent);
  const pop = screenPop(me.agent);
  const timer = talkTimer();
  const cases = caseForm(me.agent, pop);
  const tasks = callbackTasks(me.agent);
  const figures = myFigures(me.agent);
  const wrapUp = wrapUpCodes(me.agent);
  const transfer = transferPanel(me.agent);
  const recording = recordingPause(me.agent);
  const phone = deskPhone(me.agent);

  const stateChanged = (status) => {
    state.show(status);
    timer.state(state.current());
    tasks.agentState(state.current());
    wrapUp.agentState(state.current());
    transfer.agentState(state.current());
    recording.agentState(state.current());
    if (status.state === 'ready') figures.refresh(); // a call just ended: its figures are in
  };
  // Following first, then reading: nothing that happens in between is missed.
  follow(me.agent, {
    'agent-state': (event) => event.agent === me.agent && stateChanged(event),
    offered: (event) => {
      pop.show(event);
      tasks.offered(event);
      phone.offered();
    },
    'talk-time-warning': () => timer.warn(),
    'wrap-up-coded': () => wrapUp.load(), // coded from the phone too
    'talk-time-breach': () => timer.breach(),
    'case-opened': () => cases.refresh(),
    'case-overdue': () => cases.refresh(),
  });
  const now = await state.load().then(() => state.current(), () => null);
  if (now) {
    timer.state(now);
    tasks.agentState(now);
    transfer.agentState(now);
    recording.agentState(now); // a page opened during a call shows the recording's buttons at once
  }
  pop.load();
  tasks.load();
  wrapUp.load();
  cases.refresh();
  figures.refresh();
}
