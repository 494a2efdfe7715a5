// The one way the pages talk to the server: same-origin requests carrying the session cookie,
// the CSRF token on every change, the login page on 401 and the #refused banner on 403. The
// server decides what a role may do; the pages only show its answer.
import { label, onLanguageChange, t } from './i18n.js';

const TOKEN = 'hotline.csrf';
const CHANGES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
export const LOGIN_PAGE = '/web/login.html';
let role = null; // who is logged in, to say what their role may not do
let refusal = null; // what the #refused banner says: {key, page}
onLanguageChange(() => refusal && showRefusal());

/** A refusal or failure, with the server's own words. */
export class ApiError extends Error {
  constructor(status, message, body) {
    super(message);
    this.status = status;
    this.body = body;
  }
}

/**
 * fetch() for the API. json: a body to send as JSON; form: a FormData (multipart, the browser
 * writes the boundary). Answers the parsed JSON, a Blob for anything else (CSV), null for 204.
 */
export async function api(path, { method = 'GET', json, form } = {}) {
  const headers = { accept: 'application/json, text/csv;q=0.9' };
  let body;
  if (json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(json);
  } else if (form) {
    body = form;
  }
  if (CHANGES.has(method)) {
    const token = sessionStorage.getItem(TOKEN);
    if (token) headers['x-csrf-token'] = token;
  }
  const response = await fetch(path, { method, headers, body, credentials: 'same-origin', cache: 'no-store' });
  if (response.ok) {
    if (response.status === 204) return null;
    const type = response.headers.get('content-type') || '';
    return type.includes('json') ? response.json() : response.blob();
  }
  const answer = await response.json().catch(() => ({}));
  const message = typeof answer.error === 'string' ? answer.error : `HTTP ${response.status}`;
  if (response.status === 401 && location.pathname !== LOGIN_PAGE) {
    toLogin();
  } else if (response.status === 403) {
    refused(message);
  }
  throw new ApiError(response.status, message, answer);
}

/** Who is logged in (the session JSON); keeps its CSRF token for the changes to come. */
export async function session() {
  const me = await api('/api/session');
  sessionStorage.setItem(TOKEN, me.csrfToken);
  role = me.role;
  return me;
}

export async function logIn(user, password) {
  const me = await api('/api/session', { method: 'POST', json: { user, password } });
  sessionStorage.setItem(TOKEN, me.csrfToken);
  return me;
}

export async function logOut() {
  try {
    await api('/api/session', { method: 'DELETE' });
  } finally {
    sessionStorage.removeItem(TOKEN);
    location.assign(LOGIN_PAGE);
  }
}

/** To the login page, which brings the user back here afterwards. */
export function toLogin() {
  location.assign(`${LOGIN_PAGE}?next=${encodeURIComponent(location.pathname + location.search)}`);
}

/**
 * The banner every page has: what the server refused, said in the page's language (the server's
 * own words, in English, are kept in its title for whoever looks closer).
 */
function refused(reason) {
  if (refusal?.page) return; // the whole page is refused: said once, nothing more
  const key = reason.startsWith('csrf:') ? 'refused.csrf' : / may not export /.test(reason) ? 'refused.export' : 'refused.action';
  refusal = { key, reason };
  showRefusal();
}

/** The whole page is not for this user: the banner says so, in one language, and the page's forms are not shown. */
export function refusePage(key = 'refused.page') {
  refusal = { key, page: true };
  document.body.dataset.refused = 'page';
  for (const main of document.querySelectorAll('main')) main.hidden = true;
  showRefusal();
}

function showRefusal() {
  const banner = document.getElementById('refused');
  if (!banner) return;
  banner.textContent = t(refusal.key, { role: role ? label('role', role) : '' });
  if (refusal.reason) banner.title = refusal.reason;
  banner.hidden = false;
}

/** Shows a failure where the user is looking (a form's message line), unless the banner said it already. */
export function explain(node, error) {
  node.textContent = error instanceof ApiError && error.status === 403 ? '' : String(error.message || error);
  node.classList.add('error');
}

/** Saves a CSV (or any Blob) the API answered, under a file name. */
export function saveFile(blob, name) {
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
