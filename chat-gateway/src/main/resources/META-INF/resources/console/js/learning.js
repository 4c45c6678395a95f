// Learning: whether my conversations update my persona, after how many sessions (k), and the badge that counts the
// ended sessions toward the next update ("2 of 3"). Kept by persona-updater, reached through the gateway's /api/learning.

import { api } from './api.js';
import { $ } from './dom.js';

// an ended session reaches the updater through Kafka a moment after the gateway answered: read again a few times
const RECOUNTS = 6;
const RECOUNT_DELAY_MS = 1000;

function badgeText(state) {
  if (!state.learning) {
    return 'Learning is off: your persona changes only when you edit it';
  }
  return `${state.sessionsTowardNextUpdate} of ${state.sessionsPerUpdate} sessions toward your next persona update`;
}

function showBadge(state) {
  const badge = $('#learning-badge');
  badge.dataset.state = state ? (state.learning ? 'on' : 'off') : 'unavailable';
  badge.textContent = state ? badgeText(state) : 'Learning status unavailable';
}

/** Reads the learning state and shows it; the page keeps working when the updater is away. */
export async function refreshLearning() {
  try {
    const state = await api.learning();
    showBadge(state);
    return state;
  } catch {
    showBadge(null);
    return null;
  }
}

/** After I end a session: reads again until the count moves (or an update consumed the batch, which resets it). */
export async function sessionEnded() {
  const before = await refreshLearning();
  for (let i = 0; before?.learning && i < RECOUNTS; i++) {
    await new Promise((resolve) => setTimeout(resolve, RECOUNT_DELAY_MS));
    const now = await refreshLearning();
    if (!now || now.sessionsTowardNextUpdate !== before.sessionsTowardNextUpdate) {
      return;
    }
  }
}

function showForm(state) {
  $('#learning').checked = state.learning;
  $('#sessions-per-update').value = state.sessionsPerUpdate;
  $('#learning-default').textContent = state.defaultSessionsPerUpdate ? '(the default)' : '(your choice)';
}

export async function showLearning() {
  $('#learning-status').textContent = '';
  const state = await refreshLearning();
  $('#learning-form button[type="submit"]').disabled = !state;
  if (state) {
    showForm(state);
  } else {
    $('#learning-status').textContent = 'The learning settings cannot be reached right now.';
  }
}

async function save(event) {
  event.preventDefault();
  const status = $('#learning-status');
  status.textContent = 'Saving…';
  try {
    const saved = await api.changeLearning({
      learning: $('#learning').checked, sessionsPerUpdate: Number($('#sessions-per-update').value),
    });
    showForm(saved);
    showBadge(saved);
    status.textContent = saved.learning
      ? `Saved: your persona is updated after every ${saved.sessionsPerUpdate} sessions.`
      : 'Saved: learning is off.';
  } catch (e) {
    status.textContent = `Not saved: ${e.message}`;
  }
}

export function initLearning() {
  $('#learning-form').addEventListener('submit', save);
}
