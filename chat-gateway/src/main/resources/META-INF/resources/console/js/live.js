// Live updates: follows GET /api/persona-changes (server-sent events, read with fetch so the token goes along) and
// reconnects when the stream drops, until signed out.

import { api, ApiError, readEvents } from './api.js';
import { $ } from './dom.js';

let controller = null;

function state(value, text) {
  const badge = $('#live');
  badge.dataset.state = value;
  badge.textContent = text;
}

/** onChange gets each persona-changed event; onReconnected runs when the stream is back after a drop (changes made
 * meanwhile were not seen, so the page reads again what it shows). */
export function follow(onChange, onReconnected) {
  stop();
  const mine = new AbortController();
  controller = mine;
  let delay = 1000;
  let connectedBefore = false;
  const connect = async () => {
    while (!mine.signal.aborted) {
      try {
        state('connecting', 'Connecting…');
        const response = await api.personaChanges(mine.signal);
        await readEvents(response, (event) => {
          if (event.type === 'connected') {
            delay = 1000;
            state('on', 'Live');
            if (connectedBefore) {
              onReconnected();
            }
            connectedBefore = true;
          } else if (event.type === 'persona-changed') {
            onChange(event);
          }
        });
      } catch (e) {
        if (mine.signal.aborted || (e instanceof ApiError && e.status === 401)) {
          return;
        }
      }
      if (!mine.signal.aborted) {
        state('off', 'Reconnecting…');
        await new Promise((resolve) => setTimeout(resolve, delay));
        delay = Math.min(delay * 2, 30000);
      }
    }
  };
  connect();
}

export function stop() {
  if (controller) {
    controller.abort();
    controller = null;
  }
  state('off', 'Live updates off');
}
