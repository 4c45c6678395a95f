// Persona: the current version by section, read like a profile, each line editable in place. An edit is a JSON Patch
// sent with If-Match: the version shown; a 412 means someone (the optimizer, another tab) changed it meanwhile. A field
// or a whole section can be pinned: the optimizer's learning then leaves it as it is (the person's own edits do not).

import { api, ApiError } from './api.js';
import { $, el, label, show, showError } from './dom.js';
import { pointer } from './pointer.js';

const SECTIONS = ['Demographics', 'Personality', 'Pattern', 'Preference'];

let current = { version: 0, persona: {} };
let pins = new Set();
const listeners = [];

export const personaState = () => current;
export function onPersona(listener) {
  listeners.push(listener);
}

function setCurrent(record) {
  current = record;
  listeners.forEach((listener) => listener(record));
}

/** The text a person types for a value: one list item per line. */
function asText(value) {
  return Array.isArray(value) ? value.join('\n') : String(value ?? '');
}

/** What the person typed, in the type the value had: a list stays a list, a number a number. */
function fromText(text, previous) {
  if (Array.isArray(previous)) {
    return text.split('\n').map((line) => line.trim()).filter(Boolean);
  }
  if (typeof previous === 'number' && text.trim() !== '' && !Number.isNaN(Number(text))) {
    return Number(text);
  }
  return text.trim();
}

function conflictNotice(error, editedVersion) {
  $('#persona-notice').hidden = true;
  const box = $('#persona-conflict');
  box.hidden = false;
  box.replaceChildren(
    el('strong', {}, 'Not saved: your persona changed meanwhile. '),
    `You edited version ${editedVersion}, but a newer version exists. `,
    error.problem?.detail ? el('span', { className: 'muted' }, `(${error.problem.detail}) `) : null,
    el('button', {
      type: 'button', className: 'secondary', onclick: async () => { box.hidden = true; await showPersona(); },
    }, 'Show the current version'));
  box.focus?.();
}

async function applyPatch(patch, editedVersion) {
  showError($('#persona-error'), null);
  $('#persona-conflict').hidden = true;
  try {
    const saved = await api.editPersona(editedVersion, patch);
    setCurrent(saved);
    render();
    return true;
  } catch (e) {
    if (e instanceof ApiError && e.status === 412) {
      conflictNotice(e, editedVersion);
    } else {
      showError($('#persona-error'), e);
    }
    return false;
  }
}

function editor(section, field, value, row) {
  const editedVersion = current.version;
  const id = `edit-${section}-${field}`;
  const multiline = Array.isArray(value);
  const input = multiline
    ? el('textarea', { id, rows: Math.max(2, value.length) })
    : el('input', { id, type: typeof value === 'number' ? 'number' : 'text' });
  input.value = asText(value);
  const form = el('form', { className: 'field-editor' },
    el('label', { for: id, className: 'visually-hidden' }, `${label(field)}${multiline ? ' (one per line)' : ''}`),
    input,
    el('div', { className: 'row' },
      el('button', { type: 'submit' }, 'Save'),
      el('button', { type: 'button', className: 'secondary', onclick: () => showPersona() }, 'Cancel'),
      el('button', {
        type: 'button', className: 'danger-link',
        onclick: () => applyPatch([{ op: 'remove', path: pointer(section, field) }], editedVersion),
      }, 'Remove')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    applyPatch([{ op: 'replace', path: pointer(section, field), value: fromText(input.value, value) }], editedVersion);
  });
  form.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      showPersona();
    }
  });
  row.querySelector('dd').replaceChildren(form);
  input.focus();
}

async function togglePin(path) {
  showError($('#persona-error'), null);
  const next = new Set(pins);
  if (!next.delete(path)) {
    next.add(path);
  }
  try {
    pins = new Set((await api.setPins([...next])).pins);
    render();
  } catch (e) {
    showError($('#persona-error'), e);
  }
}

function pinButton(path, name) {
  const pinned = pins.has(path);
  return el('button', {
    type: 'button', className: 'link pin', 'aria-pressed': String(pinned), 'aria-label': `${pinned ? 'Unpin' : 'Pin'} ${name}`,
    title: pinned ? 'Pinned: learning leaves it as it is' : 'Pin: learning will leave it as it is',
    onclick: () => togglePin(path),
  }, pinned ? 'Unpin' : 'Pin');
}

function fieldRow(section, field, value) {
  const path = pointer(section, field);
  const pinned = pins.has(path) || pins.has(pointer(section));
  const row = el('div', { className: 'field', 'data-field': `${section}/${field}` },
    el('dt', {}, label(field), pinned ? el('span', { className: 'badge pinned' }, 'pinned') : null),
    el('dd', {},
      el('span', { className: 'value' }, show(value)),
      el('span', { className: 'actions' },
        el('button', {
          type: 'button', className: 'link', 'aria-label': `Edit ${label(field)}`,
          onclick: () => editor(section, field, value, row),
        }, 'Edit'),
        pinButton(path, label(field)))));
  return row;
}

function render() {
  const { version, persona } = current;
  $('#persona-version').textContent = `version ${version}`;
  const names = [...SECTIONS, ...Object.keys(persona).filter((name) => !SECTIONS.includes(name))];
  const sections = names.map((section) => {
    const fields = persona[section] && typeof persona[section] === 'object' ? Object.entries(persona[section]) : [];
    return el('section', { className: 'card persona-section', 'aria-labelledby': `section-${section}` },
      el('h3', { id: `section-${section}` }, label(section), ' ', pinButton(pointer(section), `section ${label(section)}`)),
      fields.length === 0
        ? el('p', { className: 'muted' }, 'Nothing learned yet.')
        : el('dl', {}, fields.map(([field, value]) => fieldRow(section, field, value))));
  });
  $('#persona-sections').replaceChildren(...sections);
}

export async function showPersona() {
  showError($('#persona-error'), null);
  $('#persona-notice').hidden = true;
  try {
    const [record, pinned] = await Promise.all([api.persona(), api.pins()]);
    pins = new Set(pinned.pins);
    setCurrent(record);
    render();
  } catch (e) {
    showError($('#persona-error'), e);
  }
}

/**
 * A new version arrived (live updates). An edit in progress is left alone: saving it then reports the conflict, rather
 * than the page throwing away what the person typed.
 */
export async function personaChanged(version) {
  if (version <= current.version) {
    return; // already shown: the page's own edit, or a change read meanwhile
  }
  if (document.querySelector('.field-editor')) {
    const notice = $('#persona-notice');
    notice.hidden = false;
    notice.textContent = `Version ${version} arrived while you were editing version ${current.version}. `
      + 'Saving your edit will report a conflict; cancel it to see the new version.';
    return;
  }
  await showPersona();
}

export function initPersona() {
  $('#add-field-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const form = event.target;
    const section = form.section.value;
    // a section's first field creates the section (the persona schema's sections are implicit)
    const patch = [{ op: 'add', path: pointer(section, form.name.value.trim()), value: form.value.value.trim() }];
    if (await applyPatch(patch, current.version)) {
      form.reset();
    }
  });
}
