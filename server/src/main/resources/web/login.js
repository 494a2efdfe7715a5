// Logging in: agents go to their desktop, supervisors and admins to the wall board, or back to
// the page that sent them here.
import { ApiError, LOGIN_PAGE, api, logIn, session } from './api.js';
import { language, languageSwitch, onLanguageChange, t, translate } from './i18n.js';

const form = document.getElementById('login-form');
const error = document.getElementById('login-error');
let lastFailure = null;

let company = null;
translate(document);
document.getElementById('lang-place').append(languageSwitch());
onLanguageChange(showFailure);
onLanguageChange(showCompany);
// The company's name heads the page, as callers hear it in the greeting (from the configuration).
api('/api/settings/company').then((answer) => {
  company = answer;
  showCompany();
}, () => {});

// Already logged in (a second tab, the back button): straight on.
session().then(go, () => {});

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const button = document.getElementById('login');
  button.disabled = true;
  try {
    go(await logIn(form.user.value.trim(), form.password.value));
  } catch (failure) {
    lastFailure = failure;
    if (failure instanceof ApiError && failure.status === 429) {
      failure.until = Date.now() + (Number(failure.body.retryAfterSeconds) || 60) * 1000;
    }
    form.password.value = '';
    showFailure();
  } finally {
    button.disabled = false;
  }
});

function showCompany() {
  if (!company) return;
  const name = language() === 'zh' ? company.name : company.nameEn || company.name;
  document.getElementById('company-name').textContent = name;
  document.title = t('login.company', { company: name });
}

function showFailure() {
  if (!lastFailure) return;
  const f = lastFailure;
  error.textContent = !(f instanceof ApiError) ? t('login.unreachable')
    : f.status === 429 ? locked(f.until)
      : f.status === 401 ? t('login.wrong') : f.message;
  error.hidden = false;
}

/** Locked out after repeated failures: when they may try again, as a time and a wait. */
function locked(until) {
  const time = new Date(until).toLocaleTimeString(language() === 'zh' ? 'zh-CN' : 'en-GB', { hour: '2-digit', minute: '2-digit' });
  return t('login.locked', { time, minutes: Math.max(1, Math.ceil((until - Date.now()) / 60000)) });
}

function go(me) {
  const next = new URLSearchParams(location.search).get('next');
  // Only a page of this site: never a link someone crafted to send users elsewhere.
  const safe = next && /^\/web\/[a-z-]+\.html(\?[^\\]*)?$/.test(next) && !next.startsWith(LOGIN_PAGE);
  location.assign(safe ? next : me.role === 'agent' ? '/web/desktop.html' : '/web/wallboard.html');
}
