// Settings and privacy: personalization and retrieval, export of everything, and deleting me.

import { api } from './api.js';
import { $, showError } from './dom.js';
import { initLearning, showLearning } from './learning.js';

const CONFIRMATION = 'delete me';

export async function showSettings() {
  $('#settings-status').textContent = '';
  showLearning();
  try {
    const settings = await api.settings();
    $('#personalization').checked = settings.personalization;
    $('#retrieval').value = settings.retrieval;
  } catch (e) {
    $('#settings-status').textContent = `Could not load the settings: ${e.message}`;
  }
}

async function save(event) {
  event.preventDefault();
  const status = $('#settings-status');
  status.textContent = 'Saving…';
  try {
    const saved = await api.changeSettings({
      personalization: $('#personalization').checked, retrieval: $('#retrieval').value,
    });
    $('#personalization').checked = saved.personalization;
    $('#retrieval').value = saved.retrieval;
    status.textContent = `Saved: personalization ${saved.personalization ? 'on' : 'off'}, retrieval ${saved.retrieval}.`;
  } catch (e) {
    status.textContent = `Not saved: ${e.message}`;
  }
}

async function exportData(userId) {
  const status = $('#export-status');
  status.textContent = 'Preparing…';
  try {
    const data = await api.exportMe();
    const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = `ai-persona-export-${userId ?? 'me'}.json`;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10000);
    status.textContent = `Downloaded ${link.download}.`;
  } catch (e) {
    status.textContent = `Export failed: ${e.message}`;
  }
}

export function initSettings({ userId, onDeleted }) {
  $('#settings-form').addEventListener('submit', save);
  initLearning();
  $('#export').addEventListener('click', () => exportData(userId()));
  const confirmInput = $('#delete-confirm');
  confirmInput.addEventListener('input', () => {
    $('#delete-me').disabled = confirmInput.value.trim().toLowerCase() !== CONFIRMATION;
  });
  $('#delete-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    if (confirmInput.value.trim().toLowerCase() !== CONFIRMATION) {
      return;
    }
    showError($('#delete-error'), null);
    try {
      await api.deleteMe();
      confirmInput.value = '';
      $('#delete-me').disabled = true;
      onDeleted();
    } catch (e) {
      showError($('#delete-error'), e);
    }
  });
}
