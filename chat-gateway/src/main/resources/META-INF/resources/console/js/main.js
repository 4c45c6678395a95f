// The console's shell: sign-in with a pasted token, the four views behind hash links, live persona updates.

import { api, ApiError, subjectOf, token, whenUnauthorized } from './api.js';
import { initChat, resetChat, showChat } from './chat.js';
import { $, showError, toast } from './dom.js';
import { follow, stop } from './live.js';
import { refreshLearning } from './learning.js';
import { initPersona, personaChanged, showPersona } from './persona.js';
import { initSettings, showSettings } from './settings.js';
import { showTimeline, timelineChanged } from './timeline.js';

const VIEWS = {
  chat: showChat,
  persona: showPersona,
  timeline: showTimeline,
  settings: showSettings,
};

let activeView = null;

function route() {
  if (!token.get()) {
    show('sign-in');
    return;
  }
  const [name, argument] = location.hash.slice(1).split('/');
  const view = VIEWS[name] ? name : 'chat';
  show(view);
  VIEWS[view](argument ? decodeURIComponent(argument) : undefined);
}

function show(view) {
  activeView = view;
  document.querySelectorAll('.view').forEach((section) => {
    section.hidden = section.id !== `view-${view}`;
  });
  const signedIn = view !== 'sign-in';
  $('#nav').hidden = !signedIn;
  $('#whoami').hidden = !signedIn;
  document.querySelectorAll('#nav a').forEach((link) => {
    if (link.dataset.view === view) {
      link.setAttribute('aria-current', 'page');
    } else {
      link.removeAttribute('aria-current');
    }
  });
}

function refreshPersonaViews(version) {
  if (activeView === 'persona') {
    return version === undefined ? showPersona() : personaChanged(version);
  }
  if (activeView === 'timeline') {
    return version === undefined ? showTimeline() : timelineChanged(version);
  }
  return undefined;
}

function signedIn() {
  $('#user-id').textContent = subjectOf(token.get()) ?? '';
  follow((change) => {
    const from = change.source === 'OPTIMIZER' ? ' from your conversations' : '';
    toast(`Your persona is now version ${change.version}${from}.`);
    refreshPersonaViews(change.version);
    // an update from my conversations used up the sessions counted toward it
    refreshLearning();
  }, () => refreshPersonaViews(undefined));
}

function signOut(message) {
  stop();
  token.clear();
  resetChat();
  history.replaceState(null, '', location.pathname);
  route();
  showError($('#sign-in-error'), message ? new Error(message) : null);
}

async function signIn(event) {
  event.preventDefault();
  const pasted = $('#token').value.trim();
  showError($('#sign-in-error'), null);
  token.set(pasted);
  try {
    await api.settings();
  } catch (e) {
    token.clear();
    const reason = e instanceof ApiError && e.status === 401 ? 'This token is not accepted (expired, or not signed '
      + 'for this gateway).' : e.message;
    showError($('#sign-in-error'), new Error(reason));
    return;
  }
  $('#token').value = '';
  signedIn();
  if (location.hash === '#chat') {
    route();
  } else {
    location.hash = '#chat';
  }
}

whenUnauthorized(() => signOut('Your session expired or the token was refused: sign in again.'));
initChat();
initPersona();
initSettings({
  userId: () => subjectOf(token.get()),
  onDeleted: () => signOut('You and all your data were deleted.'),
});
$('#sign-in-form').addEventListener('submit', signIn);
$('#sign-out').addEventListener('click', () => signOut());
window.addEventListener('hashchange', route);
if (token.get()) {
  signedIn();
}
route();
