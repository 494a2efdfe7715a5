// What every page but the login page shares: who is logged in, the pages their role opens, the
// language switch and logging out. Which pages a role may use is the server's to say (403); the
// links only spare users the ones they could not open.
import { logOut, refusePage, session } from './api.js';
import { el, replace } from './dom.js';
import { label, languageSwitch, onLanguageChange, t, translate } from './i18n.js';

const PAGES = [
  { page: 'desktop', roles: ['agent'] },
  { page: 'wallboard', roles: ['supervisor', 'admin'] },
  { page: 'campaigns', roles: ['supervisor', 'admin'] },
  { page: 'reports', roles: ['supervisor', 'admin'], unlisted: ['agent'] }, // an agent's own figures, by address
  { page: 'settings', roles: ['supervisor', 'admin'] },
  { page: 'admin', roles: ['admin'] },
];

/** Puts up the header and answers the session; a browser not logged in goes to the login page. */
export async function startPage() {
  translate(document);
  const me = await session();
  const header = document.getElementById('top');
  const current = document.body.dataset.page;
  const whoami = el('span', { id: 'whoami' });
  const showWho = () => replace(whoami, me.displayName || me.user, ' · ', label('role', me.role),
    me.agent ? ` · ${t('agent.id')} ${me.agent}` : '');
  showWho();
  onLanguageChange(showWho);
  replace(header,
    el('span', { className: 'brand', dataset: { i18n: 'app.name' }, text: t('app.name') }),
    el('nav', {}, PAGES.filter((p) => p.roles.includes(me.role)).map((p) => el('a', {
      href: `/web/${p.page}.html`,
      className: p.page === current ? 'current' : '',
      dataset: { i18n: `nav.${p.page}` },
      text: t(`nav.${p.page}`),
    }))),
    el('span', { id: 'live-status' }),
    whoami,
    languageSwitch(),
    el('button', { id: 'logout', type: 'button', dataset: { i18n: 'logout' }, text: t('logout'), on: { click: logOut } }));
  // A page the role has no use for: one refusal, no forms (the server refuses its data all the same).
  const page = PAGES.find((p) => p.page === current);
  if (page && ![...page.roles, ...(page.unlisted || [])].includes(me.role)) refusePage();
  return me;
}
