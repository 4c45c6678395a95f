// Timeline: every version with where it came from, when, the sessions it was learned from, and what changed (old →
// new) with the reason for each change; any earlier version can be made current again.

import { api, ApiError, history } from './api.js';
import { $, confirmDialog, el, label, show, showError, when } from './dom.js';
import { at, tokens } from './pointer.js';

const SOURCES = {
  OPTIMIZER: 'Learned from your conversations',
  USER_EDIT: 'Your edit',
  ROLLBACK: 'Rollback',
  IMPORT: 'Import',
  EXPIRY: 'Expired (a temporary value)',
};

/** The operations to show: the ones with reasons when the version has them, else the diff itself. */
function changesOf(version, previous) {
  const operations = Array.isArray(version.operations) && version.operations.length > 0
    ? version.operations
    : (version.patch ?? []);
  return operations
    .filter((op) => op.op !== 'test')
    .map((op) => {
      const path = op.path.endsWith('/-') ? op.path.slice(0, -2) : op.path;
      const before = at(previous, path);
      const after = at(version.persona, path);
      const kind = op.op === 'remove' ? 'removed' : before === undefined ? 'added' : 'changed';
      return { kind, path, before, after: op.op === 'remove' ? undefined : after, reason: op.reason };
    });
}

function changeItem(change) {
  const where = tokens(change.path).map(label).join(' › ');
  return el('li', { className: `change ${change.kind}` },
    el('span', { className: `kind ${change.kind}` }, change.kind),
    el('span', { className: 'where' }, where),
    el('span', { className: 'values' },
      change.kind === 'added' ? el('ins', {}, show(change.after))
        : change.kind === 'removed' ? el('del', {}, show(change.before))
          : [el('del', {}, show(change.before)), ' → ', el('ins', {}, show(change.after))]),
    change.reason ? el('p', { className: 'reason' }, el('span', { className: 'muted' }, 'Why: '), change.reason) : null);
}

async function rollback(currentVersion, toVersion) {
  const ok = await confirmDialog(`Roll back to version ${toVersion}?`,
    `Your persona becomes what it was at version ${toVersion}, as a new version ${currentVersion + 1}. `
      + 'Nothing is lost: every version stays on the timeline.', `Roll back to version ${toVersion}`);
  if (!ok) {
    return;
  }
  const box = $('#timeline-conflict');
  box.hidden = true;
  try {
    await api.rollback(currentVersion, toVersion);
    await showTimeline();
  } catch (e) {
    if (e instanceof ApiError && e.status === 412) {
      box.hidden = false;
      box.replaceChildren(el('strong', {}, 'Not rolled back: '),
        `your persona changed after version ${currentVersion}. Look at the newest version and try again. `,
        el('button', { type: 'button', className: 'secondary', onclick: () => showTimeline() }, 'Refresh'));
    } else {
      showError($('#timeline-error'), e);
    }
  }
}

function versionItem(version, previous, currentVersion) {
  const changes = changesOf(version, previous);
  const sessions = version.sourceSessionIds ?? [];
  return el('li', { className: 'card version', id: `version-${version.version}` },
    el('div', { className: 'row' },
      el('h3', {}, `Version ${version.version}`, version.version === currentVersion
        ? el('span', { className: 'badge current' }, 'current') : null),
      el('span', { className: `source ${version.source}` }, SOURCES[version.source] ?? version.source),
      el('time', { datetime: version.createdAt, className: 'muted' }, when(version.createdAt))),
    sessions.length > 0
      ? el('p', { className: 'small' }, 'From sessions: ',
        sessions.map((id, i) => [i > 0 ? ', ' : '', el('a', { href: `#chat/${encodeURIComponent(id)}` }, id)]))
      : null,
    version.model ? el('p', { className: 'small muted' }, `Proposed by ${version.model}`) : null,
    changes.length > 0
      ? el('ul', { className: 'changes' }, changes.map(changeItem))
      : el('p', { className: 'muted' }, 'No change.'),
    version.version !== currentVersion
      ? el('button', {
        type: 'button', className: 'secondary', onclick: () => rollback(currentVersion, version.version),
      }, `Roll back to version ${version.version}`)
      : null);
}

let newestShown = -1;

/** A new version arrived (live updates): read the timeline again unless it already shows it. */
export async function timelineChanged(version) {
  if (version > newestShown) {
    await showTimeline();
  }
}

export async function showTimeline() {
  showError($('#timeline-error'), null);
  try {
    const versions = await history();
    const list = $('#versions');
    if (versions.length === 0) {
      newestShown = -1;
      list.replaceChildren(el('li', { className: 'muted' },
        'No versions yet. After a batch of ended sessions (three by default) the optimizer writes the first one; or edit your persona.'));
      return;
    }
    const byNumber = new Map(versions.map((v) => [v.version, v.persona]));
    const currentVersion = versions[0].version;
    newestShown = currentVersion;
    list.replaceChildren(...versions.map((v) => versionItem(v, byNumber.get(v.version - 1) ?? {}, currentVersion)));
  } catch (e) {
    showError($('#timeline-error'), e);
  }
}
