// Small helpers for building the page from data: elements, text, and how persona values read to a person.

/** An element with attributes (on* are listeners) and children (strings become text, never HTML). */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (name.startsWith('on')) {
      node.addEventListener(name.slice(2), value);
    } else if (name === 'className') {
      node.className = value;
    } else {
      node.setAttribute(name, value === true ? '' : value);
    }
  }
  node.append(...children.flat(Infinity).filter((child) => child !== null && child !== undefined));
  return node;
}

export const $ = (selector) => document.querySelector(selector);

/** "Career_Information" reads "Career information". */
export function label(name) {
  const words = String(name).replace(/_/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1).toLowerCase();
}

/** A value as a sentence fragment: lists joined, nothing shown as a dash. */
export function show(value) {
  if (value === undefined || value === null || value === '') {
    return '—';
  }
  if (Array.isArray(value)) {
    return value.map(show).join(', ');
  }
  if (typeof value === 'object') {
    return Object.entries(value).map(([k, v]) => `${label(k)}: ${show(v)}`).join('; ');
  }
  return String(value);
}

export function when(instant) {
  if (!instant) {
    return '';
  }
  return new Date(instant).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export function showError(node, error) {
  if (!error) {
    node.hidden = true;
    node.textContent = '';
    return;
  }
  node.hidden = false;
  node.textContent = error.message ?? String(error);
}

/** A short notice in the corner that leaves by itself. */
export function toast(text) {
  const note = el('div', { className: 'toast' }, text);
  $('#toasts').append(note);
  setTimeout(() => note.remove(), 6000);
}

/** Asks in a modal dialog; resolves true when confirmed. */
export function confirmDialog(title, text, okLabel) {
  const dialog = $('#confirm-dialog');
  $('#confirm-title').textContent = title;
  $('#confirm-text').textContent = text;
  $('#confirm-ok').textContent = okLabel;
  dialog.returnValue = '';
  dialog.showModal();
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'ok'), { once: true });
  });
}
