// A call's recording on a row that names the call: a button that, clicked, puts the player there
// (the server decides who may hear it and audits each play; a call not recorded says so).
import { el } from './dom.js';
import { t } from './i18n.js';

/** A table cell playing call {@code call}'s recording on demand. */
export function recordingCell(call) {
  const cell = el('td', { className: 'recording' });
  const button = el('button', {
    type: 'button',
    className: 'secondary',
    text: `▶ ${t('recording.play')}`,
    on: {
      click: () => {
        const player = el('audio', { attrs: { controls: '', preload: 'auto', src: `/api/calls/${encodeURIComponent(call)}/recording` } });
        player.addEventListener('error', () => cell.replaceChildren(el('span', { className: 'muted', text: '—' })));
        cell.replaceChildren(player);
        player.play().catch(() => {}); // a page without a user gesture to play keeps the controls
      },
    },
  });
  cell.append(button);
  return cell;
}
