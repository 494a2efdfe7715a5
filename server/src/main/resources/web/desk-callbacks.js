// Callback tasks: the callback requests waiting for the floor, and the campaign contact the
// floor gave this agent, with the handbook's outbound script filled in (who they are, the agent
// ID, the date and subject of the customer's first call). With preview pacing the agent accepts
// or declines; after a call a difficult customer is marked so another agent calls another time.
import { api, explain } from './api.js';
import { $, el, replace, row } from './dom.js';
import { dateTime } from './format.js';
import { label, language, onLanguageChange, t } from './i18n.js';
import { messageCell } from './callback-messages.js';

const REFRESH_MS = 30000;

export function callbackTasks(agent) {
  const card = $('#campaign-offer');
  let offer = null; // the campaign contact on screen
  let state = null;
  let open = [];

  function offered(pop) {
    offer = pop.campaign ? { ...pop, decided: !pop.preview } : offer; // progressive: dialled at once
    if (pop.callback) load();
    draw();
  }

  function agentState(status) {
    state = status.state;
    if (offer && state === 'ready' && offer.decided) offer = null; // that contact is over
    draw();
  }

  function draw() {
    replace($('#callback-list tbody'), open.map((c) => row([c.number, label('queue', c.queue),
      dateTime(c.deadline), c.dialling ? t('callbacks.dialling') : `#${c.position}`, messageCell(c)],
    { dataset: { call: c.call } })));
    $('#callbacks-none').hidden = open.length > 0 || offer !== null;
    card.hidden = offer === null;
    if (!offer) return;
    const script = offer.script?.[language()] ?? offer.script?.zh ?? '';
    replace(card,
      el('h3', { text: `${t('callbacks.campaign')}: ${offer.campaign.name}` }),
      el('p', {}, el('span', { className: 'number', text: offer.caller?.number }), ' ',
        el('span', { className: 'name', text: offer.caller?.name })),
      offer.subject ? el('p', { text: `${t('pop.subject')}: ${offer.subject}` }) : null,
      el('blockquote', { id: 'campaign-script', text: script }),
      el('div', { className: 'controls' }, buttons()),
      el('p', { id: 'campaign-offer-message', className: 'message' }));
  }

  function buttons() {
    if (offer.preview && !offer.decided) {
      return [el('button', { id: 'campaign-accept', type: 'button', text: t('callbacks.accept'), on: { click: () => decide('accept') } }),
        el('button', { id: 'campaign-decline', type: 'button', text: t('callbacks.decline'), on: { click: () => decide('decline') } })];
    }
    if (state === 'wrap-up') {
      return [el('button', { id: 'mark-difficult', type: 'button', text: t('callbacks.difficult'), on: { click: difficult } })];
    }
    return [];
  }

  async function decide(decision) {
    try {
      await api(`/api/agents/${encodeURIComponent(agent)}/campaign-contact/${decision}`, { method: 'POST' });
      offer.decided = true;
      if (decision === 'decline') offer = null;
      draw();
    } catch (failure) {
      explain($('#campaign-offer-message'), failure);
    }
  }

  async function difficult() {
    try {
      await api(`/api/campaigns/${encodeURIComponent(offer.campaign.id)}/contacts/${encodeURIComponent(offer.contact)}/outcome`,
        { method: 'POST', json: { outcome: 'difficult-customer', agent } });
      offer = null;
      draw();
    } catch (failure) {
      explain($('#campaign-offer-message'), failure);
    }
  }

  async function load() {
    try {
      open = (await api('/api/callbacks')).callbacks;
      draw();
    } catch {
      // shown again at the next refresh
    }
  }

  setInterval(load, REFRESH_MS);
  onLanguageChange(draw);
  return { load, offered, agentState };
}
