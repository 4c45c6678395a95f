// Chat: my sessions, one open at a time, replies streamed as the model writes them.

import { api, readEvents } from './api.js';
import { $, el, showError, when } from './dom.js';
import { refreshLearning, sessionEnded } from './learning.js';

let openId = null;
let openEnded = false;
let sending = false;
// sessions ended from this page, by id: session-service records an end a moment after it answered, so a list read
// right away may still show them open
const endedHere = new Map();

function sessionItem(listed) {
  const session = listed.endedAt || !endedHere.has(listed.id) ? listed : { ...listed, ...endedHere.get(listed.id) };
  // an open session's count lags its turns (session-service stores them a moment later): shown once it has ended
  const status = session.endedAt ? `${session.messageCount} messages · ended ${when(session.endedAt)}` : 'open';
  return el('li', {},
    el('button', {
      type: 'button', className: 'session', 'aria-current': session.id === openId ? 'true' : null,
      'data-session-id': session.id, onclick: () => openSession(session.id),
    },
    el('span', { className: 'session-title' }, `Session of ${when(session.startedAt)}`),
    el('span', { className: 'muted small' }, status)));
}

export async function listSessions() {
  const list = $('#session-list');
  try {
    const page = await api.sessions();
    list.replaceChildren(...page.items.map(sessionItem));
    if (page.items.length === 0) {
      list.append(el('li', { className: 'muted' }, 'No sessions yet: start one.'));
    }
  } catch (e) {
    showError($('#chat-error'), e);
  }
}

function messageItem(role, content) {
  return el('li', { className: `message ${role}` },
    el('span', { className: 'who' }, role === 'user' ? 'You' : 'Assistant'),
    el('div', { className: 'text' }, content ?? ''));
}

function showOpen(session) {
  openId = session.id;
  openEnded = Boolean(session.endedAt);
  $('#conversation-title').textContent = `Session of ${when(session.startedAt)}${openEnded ? ' (ended)' : ''}`;
  $('#end-session').hidden = openEnded;
  $('#composer').hidden = openEnded;
  $('#messages').replaceChildren(...(session.messages ?? [])
    .filter((m) => m.role === 'user' || m.role === 'assistant')
    .map((m) => messageItem(m.role, m.content)));
  document.querySelectorAll('.session').forEach((button) => {
    button.setAttribute('aria-current', button.dataset.sessionId === openId ? 'true' : 'false');
  });
}

export async function openSession(id) {
  showError($('#chat-error'), null);
  try {
    showOpen(await api.session(id));
    if (!openEnded) {
      $('#message').focus();
    }
  } catch (e) {
    showError($('#chat-error'), e);
  }
}

async function startSession() {
  showError($('#chat-error'), null);
  try {
    const session = await api.startSession();
    await listSessions();
    showOpen({ ...session, messages: [] });
    $('#message').focus();
  } catch (e) {
    showError($('#chat-error'), e);
  }
}

async function send(event) {
  event.preventDefault();
  const input = $('#message');
  const content = input.value.trim();
  if (!content || sending || !openId) {
    return;
  }
  sending = true;
  $('#send').disabled = true;
  showError($('#chat-error'), null);
  const messages = $('#messages');
  messages.append(messageItem('user', content));
  const reply = messageItem('assistant', '');
  reply.classList.add('streaming');
  reply.setAttribute('aria-busy', 'true');
  messages.append(reply);
  input.value = '';
  const text = reply.querySelector('.text');
  try {
    const response = await api.say(openId, content);
    await readEvents(response, (streamed) => {
      if (streamed.type === 'delta') {
        text.textContent += streamed.content;
      } else if (streamed.type === 'done') {
        text.textContent = streamed.message?.content ?? text.textContent;
      } else if (streamed.type === 'error') {
        throw new Error(streamed.detail ?? 'the reply could not be completed');
      }
      messages.scrollTop = messages.scrollHeight;
    });
  } catch (e) {
    reply.remove();
    input.value = content;
    showError($('#chat-error'), e);
  } finally {
    reply.classList.remove('streaming');
    reply.removeAttribute('aria-busy');
    sending = false;
    $('#send').disabled = false;
    input.focus();
  }
  await listSessions();
}

async function endSession() {
  showError($('#chat-error'), null);
  try {
    const ended = await api.endSession(openId);
    endedHere.set(ended.session.id, ended.session);
    openEnded = true;
    $('#conversation-title').textContent = `Session of ${when(ended.session.startedAt)} (ended)`;
    $('#end-session').hidden = true;
    $('#composer').hidden = true;
    await listSessions();
    sessionEnded();
  } catch (e) {
    showError($('#chat-error'), e);
  }
}

export function initChat() {
  $('#new-session').addEventListener('click', startSession);
  $('#composer').addEventListener('submit', send);
  $('#end-session').addEventListener('click', endSession);
  $('#message').addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey) {
      $('#composer').requestSubmit();
      event.preventDefault();
    }
  });
}

export async function showChat(sessionId) {
  refreshLearning();
  await listSessions();
  if (sessionId) {
    await openSession(sessionId);
  }
}

export function resetChat() {
  openId = null;
  endedHere.clear();
  $('#messages').replaceChildren();
  $('#session-list').replaceChildren();
  $('#learning-badge').textContent = '';
  $('#conversation-title').textContent = 'No session open';
  $('#composer').hidden = true;
  $('#end-session').hidden = true;
}
