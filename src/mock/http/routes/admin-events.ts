import type { Request, Response, Router } from 'express';
import type { MockContext } from '../../sandboxes/context';
import type { MockEvent } from '../../sandboxes/events';
import { said } from '../../i18n';
import { HttpProblem } from '../../errors/problems';
import { journalView } from './previews';
import type { VerifyEvent } from '../verify-runs';

/** Runs of verify, as far as the live stream is concerned. */
interface VerifyFeed {
  subscribe(listener: (event: VerifyEvent) => void): () => void;
}

/** Live streams open at once, over the whole server (each is a dashboard tab). */
export const MAX_STREAMS = 32;
/** A comment line this often keeps proxies and the browser from closing an idle stream. */
const HEARTBEAT_MS = 15_000;
/** A stream whose client stops reading is ended past this many unsent bytes (it resumes with `since`). */
const STREAM_BUFFER_LIMIT = 512 * 1024;

/** Picks the store an admin request is about (the default one, or a sandbox, which may have to be opened first). */
export type ContextOf = (req: Request, res: Response) => MockContext | Promise<MockContext>;

/**
 * `GET /events`: server-sent events of one store, `request` (a journal entry, `id:` its seq), `order`
 * (an order's callbacks changed), `stock`, `reset` and `deleted` (the sandbox is gone; the stream ends). `?since=SEQ` first replays the journaled requests
 * after SEQ, so a client that read `/requests` (or lost its connection) misses nothing and sees nothing twice.
 */
export function mountEvents(router: Router, contextOf: ContextOf, verify?: VerifyFeed): void {
  router.get('/events', async (req, res) => {
    const ctx = await contextOf(req, res);
    const since = sinceOf(req.originalUrl);
    if (ctx.streams.size >= MAX_STREAMS)
      throw new HttpProblem('too-many-streams', said('admin.tooManyStreams', { max: MAX_STREAMS }));
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-accel-buffering': 'no',
    });
    res.write('retry: 2000\n\n');
    let ended = false;
    const send = (event: MockEvent | { kind: 'verify'; run: VerifyEvent }): void => {
      if (ended) return;
      if (res.writableLength > STREAM_BUFFER_LIMIT) end();
      else res.write(format(event));
      // A deleted sandbox has nothing more to tell.
      if (event.kind === 'deleted') end();
    };
    // Subscribed before the replay is read, so a request journaled meanwhile is held, then sent once.
    let replaying = since !== undefined;
    const held: MockEvent[] = [];
    let lastSent = 0;
    const deliver = (event: MockEvent): void => {
      if (event.kind === 'request') {
        const seq = event.entry.seq ?? 0;
        if (seq <= lastSent) return;
        lastSent = seq;
      }
      send(event);
    };
    const unsubscribe = ctx.events.subscribe((event) => (replaying ? held.push(event) : deliver(event)));
    // Runs of verify are the server's, not a store's: every stream tells them.
    const unsubscribeRuns = verify?.subscribe((run) => send({ kind: 'verify', run })) ?? (() => undefined);
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
    heartbeat.unref();
    const end = (): void => {
      ended = true;
      unsubscribe();
      unsubscribeRuns();
      clearInterval(heartbeat);
      ctx.streams.delete(end);
      if (!res.writableEnded) res.end();
    };
    ctx.streams.add(end);
    res.on('close', end);
    if (since === undefined) return;
    // A since past the last request means the mock restarted: everything it holds is new to the client.
    for (const entry of await ctx.journal.after(since)) deliver({ kind: 'request', entry });
    replaying = false;
    for (const event of held.splice(0)) deliver(event);
  });
}

/** One event in the text/event-stream format; JSON never holds a raw line break, so data is one line. */
function format(event: MockEvent | { kind: 'verify'; run: VerifyEvent }): string {
  switch (event.kind) {
    case 'verify':
      return `event: verify\ndata: ${JSON.stringify(event.run)}\n\n`;
    case 'request':
      return `id: ${event.entry.seq ?? 0}\nevent: request\ndata: ${JSON.stringify(journalView(event.entry))}\n\n`;
    case 'order':
      return `event: order\ndata: ${JSON.stringify({ objectId: event.objectId })}\n\n`;
    case 'stock':
      return `event: stock\ndata: ${JSON.stringify({ productId: event.productId })}\n\n`;
    case 'reset':
      return 'event: reset\ndata: {}\n\n';
    case 'deleted':
      return 'event: deleted\ndata: {}\n\n';
  }
}

function sinceOf(url: string): number | undefined {
  const raw = new URL(url, 'http://mock').searchParams.get('since');
  if (raw === null) return undefined;
  if (!/^\d{1,15}$/.test(raw))
    throw new HttpProblem('bad-admin-request', said('admin.badSince', { found: JSON.stringify(raw.slice(0, 20)) }));
  return Number(raw);
}
