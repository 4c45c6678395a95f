// The gateway's public API, called with the signed-in user's own token. Nothing here knows another user.

const TOKEN_KEY = 'ai-persona.token';

export const token = {
  get: () => sessionStorage.getItem(TOKEN_KEY),
  set: (value) => sessionStorage.setItem(TOKEN_KEY, value),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};

/** The token's subject, for display only: the server reads the user from the verified token itself. */
export function subjectOf(jwt) {
  try {
    const payload = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(decodeURIComponent(escape(atob(payload)))).sub ?? null;
  } catch {
    return null;
  }
}

/** A failed call: its status and RFC 9457 problem body (title, detail) when the server sent one. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

let onUnauthorized = () => {};
export function whenUnauthorized(handler) {
  onUnauthorized = handler;
}

/** A fetch with the bearer token; throws ApiError for any status but 2xx. */
export async function call(path, { method = 'GET', body, headers = {}, contentType, signal } = {}) {
  const init = { method, headers: { Authorization: `Bearer ${token.get()}`, ...headers }, signal };
  if (body !== undefined) {
    init.headers['Content-Type'] = contentType ?? 'application/json';
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
  }
  const response = await fetch(path, init);
  if (!response.ok) {
    let problem = null;
    try {
      problem = await response.json();
    } catch {
      // no body, or not JSON
    }
    if (response.status === 401) {
      onUnauthorized();
    }
    throw new ApiError(response.status, problem);
  }
  return response;
}

export async function json(path, options) {
  const response = await call(path, options);
  return response.status === 204 ? null : response.json();
}

/**
 * Reads a server-sent-events body (fetch + ReadableStream: EventSource cannot send the Authorization header) and
 * hands each event's parsed data to onEvent. Resolves when the stream ends.
 */
export async function readEvents(response, onEvent) {
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) {
      return;
    }
    buffer += value.replace(/\r\n/g, '\n');
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const frame = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = frame.split('\n')
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(5).replace(/^ /, ''))
        .join('\n');
      if (data) {
        onEvent(JSON.parse(data));
      }
    }
  }
}

export const api = {
  // a user the session store does not know yet (404) has no sessions
  sessions: () => json('/api/sessions?size=100').catch((e) => {
    if (e instanceof ApiError && e.status === 404) {
      return { items: [] };
    }
    throw e;
  }),
  session: (id) => json(`/api/sessions/${encodeURIComponent(id)}`),
  startSession: () => json('/api/sessions', { method: 'POST' }),
  endSession: (id) => json(`/api/sessions/${encodeURIComponent(id)}/end`, { method: 'POST' }),
  say: (id, content, signal) => call(`/api/sessions/${encodeURIComponent(id)}/messages`, {
    method: 'POST', body: { content }, headers: { Accept: 'text/event-stream' }, signal,
  }),
  persona: () => json('/api/persona'),
  editPersona: (version, patch) => json('/api/persona', {
    method: 'PATCH', body: patch, contentType: 'application/json-patch+json', headers: { 'If-Match': `"${version}"` },
  }),
  rollback: (currentVersion, toVersion) => json('/api/persona/rollback', {
    method: 'POST', body: { toVersion }, headers: { 'If-Match': `"${currentVersion}"` },
  }),
  pins: () => json('/api/persona/pins'),
  setPins: (pins) => json('/api/persona/pins', { method: 'PUT', body: { pins } }),
  historyPage: (page) => json(`/api/persona/history?page=${page}&size=100`),
  settings: () => json('/api/settings'),
  changeSettings: (settings) => json('/api/settings', { method: 'PUT', body: settings }),
  learning: () => json('/api/learning'),
  changeLearning: (learning) => json('/api/learning', { method: 'PUT', body: learning }),
  exportMe: () => json('/api/me/export'),
  deleteMe: () => json('/api/me', { method: 'DELETE' }),
  personaChanges: (signal) => call('/api/persona-changes', { headers: { Accept: 'text/event-stream' }, signal }),
};

/** Every version, newest first; none for a user the session store does not know yet (404). */
export async function history() {
  const versions = [];
  try {
    for (let page = 0; page < 50; page++) {
      const { items } = await api.historyPage(page);
      versions.push(...items);
      if (items.length < 100) {
        break;
      }
    }
  } catch (e) {
    if (!(e instanceof ApiError && e.status === 404)) {
      throw e;
    }
  }
  return versions;
}
