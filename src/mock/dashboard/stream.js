// @ts-check
// The live stream of one store (GET .../events, server-sent events), read with fetch so that the admin
// token travels in a header. It resumes after the last request it saw when the connection drops.

import { authHeaders, renewToken } from './api.js';

const RETRY_MS = 2000;

/**
 * @typedef {{ onEvent: (event: string, data: any) => void, onState: (state: 'live' | 'reconnecting') => void }} StreamHandlers
 */

/**
 * Watches a store from request number `since` on (without `since`, only what happens from now on);
 * returns the function that stops watching.
 * @param {string} base the store's admin base (/__admin or /__admin/sandboxes/NAME)
 * @param {number | undefined} since
 * @param {StreamHandlers} handlers
 * @returns {() => void}
 */
export function watch(base, since, handlers) {
  const stop = new AbortController();
  let last = since;
  const run = async () => {
    while (!stop.signal.aborted) {
      try {
        const query = last === undefined ? '' : `?since=${last}`;
        const res = await fetch(`${base}/events${query}`, { headers: authHeaders(), signal: stop.signal });
        if (res.status === 401) {
          await renewToken();
          continue;
        }
        if (res.ok && res.body) {
          handlers.onState('live');
          await read(res.body, (event, data, id) => {
            if (id !== undefined && last !== undefined) last = Math.max(last, Number(id));
            handlers.onEvent(event, data);
          });
        }
      } catch {
        // A dropped connection or a stopped watch: retried below unless stopped.
      }
      if (stop.signal.aborted) return;
      handlers.onState('reconnecting');
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    }
  };
  void run();
  return () => stop.abort();
}

/**
 * Reads text/event-stream blocks until the stream ends.
 * @param {ReadableStream<Uint8Array>} body
 * @param {(event: string, data: any, id: string | undefined) => void} deliver
 */
async function read(body, deliver) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let cut = buffer.indexOf('\n\n');
    while (cut >= 0) {
      const block = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      let event = 'message';
      let data = '';
      /** @type {string | undefined} */
      let id;
      for (const line of block.split('\n')) {
        if (line.startsWith('event: ')) event = line.slice(7);
        else if (line.startsWith('data: ')) data += line.slice(6);
        else if (line.startsWith('id: ')) id = line.slice(4);
      }
      if (data !== '') deliver(event, JSON.parse(data), id);
      cut = buffer.indexOf('\n\n');
    }
  }
}
