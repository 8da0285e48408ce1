import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { realClock, waitUntil, type Clock } from '../clock';

/** One call the merchant made to the stand-in for OmniChat's orders API. */
export interface ReceivedCallback {
  orderId: string;
  action: string;
  /** Parsed JSON body, or undefined when the body was not JSON. */
  body: unknown;
  /** The body as received, cut to PREVIEW_CHARS, for messages. */
  preview: string;
  /** How the call authenticated: the scheme word of its Authorization header only; the secret is never kept. */
  authorization: 'missing' | 'bearer' | 'other';
  /** When it arrived (the run's clock), to time it against the order. */
  at: number;
  /**
   * True when it arrived while the creation of its order was still unanswered, and that answer did
   * not come while the receiver held its own reply back (holdMs): the merchant waits for OmniChat's
   * reply before answering the creation, so the callback comes before the order exists for OmniChat.
   */
  beforeAnswer: boolean;
}

/** How the receiver is set up; every field has a default. */
export interface ReceiverOptions {
  /** The run's clock (a test's clock can jump). */
  clock?: Clock;
  /**
   * How long the reply to a callback is held back when its order's creation is still unanswered, to
   * tell a merchant that calls back after answering (the answer comes meanwhile) from one that waits
   * for the callback's reply before answering (it cannot). 1 s by default.
   */
  holdMs?: number;
}

/** For an order whose creation is unanswered, a promise that settles when it is answered; else undefined. */
export type PendingCreation = (orderId: string) => Promise<unknown> | undefined;

/** What the receiver kept and refused, to tell a flood from silence. */
interface ReceiverStats {
  kept: number;
  keptBytes: number;
  /** Refused: over MAX_CALLBACK_BYTES (413), over the MAX_KEPT limits (429) or a malformed path (400). */
  refused: number;
}

const CALLBACK_PATH = /^\/v2\/orders\/([^/?#]+)\/([A-Za-z]+)\/?(?:\?.*)?$/;
/** A callback body is a few hundred bytes; anything past this is refused with 413 and not read further. */
export const MAX_CALLBACK_BYTES = 64 * 1024;
/** At most this many callbacks are kept, and at most MAX_KEPT_BYTES of their bodies: a flood gets 429. */
export const MAX_KEPT = 200;
export const MAX_KEPT_BYTES = 2 * 1024 * 1024;
const PREVIEW_CHARS = 300;
/** How much of a too-large body is read (and dropped) before the connection is cut. */
const DISCARD_BYTES = 4 * 1024 * 1024;

const json = (res: http.ServerResponse, status: number, body: object): void => {
  res.writeHead(status, { 'Content-Type': 'application/json', Connection: 'close' }).end(JSON.stringify(body));
};

/**
 * A local stand-in for OmniChat's orders API (`POST /v2/orders/{id}/statusChange|provisions|...`) on
 * 127.0.0.1: it answers 200 like OmniChat and records what the merchant sent, for the callback checks.
 * Whatever a merchant sends, it never throws, and what it keeps is bounded in number and bytes.
 */
export class CallbackReceiver {
  private readonly received: ReceivedCallback[] = [];
  private readonly waiters = new Set<() => void>();
  private keptBytes = 0;
  private refused = 0;
  private pending: PendingCreation = () => undefined;
  readonly clock: Clock;
  private readonly holdMs: number;

  private constructor(
    private readonly server: http.Server | undefined,
    options: ReceiverOptions,
    private readonly attachedUrl?: string,
    private readonly stop?: AbortSignal,
  ) {
    this.clock = options.clock ?? realClock;
    this.holdMs = options.holdMs ?? 1000;
  }

  /**
   * A receiver without a port of its own: the server it belongs to (`merchant-kit serve`, for runs from
   * the QA console) hands it the requests under `url` through handle(). Its bounds are the same. Once
   * `stop` aborts (the run's time limit), nothing more is waited for.
   */
  static attached(url: string, stop?: AbortSignal, options: ReceiverOptions = {}): CallbackReceiver {
    return new CallbackReceiver(undefined, options, url.replace(/\/+$/, ''), stop);
  }

  /** Starts listening on 127.0.0.1:port (0 picks a free port). */
  static async start(port: number, options: ReceiverOptions = {}): Promise<CallbackReceiver> {
    const server = http.createServer({ requestTimeout: 10_000, headersTimeout: 5_000 });
    // Uploads in progress hold up to MAX_CALLBACK_BYTES each: the number of connections bounds them.
    server.maxConnections = 64;
    const receiver = new CallbackReceiver(server, options);
    server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => receiver.handle(req, res));
    server.on('clientError', (_error, socket) => socket.destroy());
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    return receiver;
  }

  /** Tells the receiver which creations are still unanswered (the run that sends them knows). */
  watchCreations(pending: PendingCreation): void {
    this.pending = pending;
  }

  /** The base URL a merchant must call back (what it uses instead of https://orders-api.omni.chat). */
  get url(): string {
    if (this.attachedUrl !== undefined) return this.attachedUrl;
    return `http://127.0.0.1:${((this.server as http.Server).address() as AddressInfo).port}`;
  }

  /** Answers one callback; `path` is its path below the receiver's URL (the request's own on its own port). */
  handle(req: http.IncomingMessage, res: http.ServerResponse, path = req.url ?? ''): void {
    // A merchant that drops the connection mid-body must not crash the run.
    req.on('error', () => undefined);
    res.on('error', () => undefined);
    try {
      this.route(req, res, path);
    } catch {
      this.refused++;
      if (!res.headersSent) json(res, 400, { error: 'the request could not be read' });
    }
  }

  private route(req: http.IncomingMessage, res: http.ServerResponse, path: string): void {
    const match = CALLBACK_PATH.exec(path);
    if (req.method !== 'POST' || !match) {
      json(res, 404, { error: 'not an OmniChat orders API path' });
      return;
    }
    let orderId: string;
    try {
      orderId = decodeURIComponent(match[1]);
    } catch {
      this.refused++;
      json(res, 400, { error: 'the order id in the path is not valid percent-encoding' });
      return;
    }
    if (this.full(res)) return;
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_CALLBACK_BYTES) chunks.push(chunk);
      else if (!res.headersSent) {
        this.refused++;
        chunks.length = 0;
        json(res, 413, { error: `a callback body is at most ${MAX_CALLBACK_BYTES} bytes` });
      } else if (size > DISCARD_BYTES) req.destroy();
      // In between, the rest is read and dropped, so that a sender still sending sees the 413, not a reset.
    });
    req.on('end', () => {
      // Checked again: many uploads may have been in flight when the limit was reached.
      if (size > MAX_CALLBACK_BYTES || res.headersSent || this.full(res)) return;
      const text = Buffer.concat(chunks).toString('utf8');
      const at = this.clock.now();
      void this.whileUnanswered(orderId).then((beforeAnswer) => {
        this.keep(orderId, match[2], text, req.headers.authorization, at, beforeAnswer);
        if (!res.headersSent) json(res, 200, { result: 'ok' });
      });
    });
  }

  /** Answers 429 when the kept callbacks reached their bounds. */
  private full(res: http.ServerResponse): boolean {
    if (this.received.length < MAX_KEPT && this.keptBytes < MAX_KEPT_BYTES) return false;
    this.refused++;
    json(res, 429, { error: `the receiver keeps at most ${MAX_KEPT} callbacks (${MAX_KEPT_BYTES} bytes) per run` });
    return true;
  }

  /**
   * True when the order's creation is unanswered and stays so while the reply is held back (holdMs):
   * then the merchant is waiting for this reply before it answers. Resolves false at once otherwise.
   */
  private async whileUnanswered(orderId: string): Promise<boolean> {
    const creation = this.pending(orderId);
    if (!creation) return false;
    let answered = false;
    const wakers = new Set<() => void>();
    void creation.then(() => {
      answered = true;
      for (const wake of wakers) wake();
    });
    await waitUntil(
      this.clock,
      this.clock.now() + this.holdMs,
      () => answered,
      (check) => {
        wakers.add(check);
        return () => wakers.delete(check);
      },
    );
    return !answered;
  }

  private keep(
    orderId: string,
    action: string,
    text: string,
    authorization: string | undefined,
    at: number,
    beforeAnswer: boolean,
  ): void {
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    const scheme = authorization?.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
    this.received.push({
      orderId: orderId.slice(0, 200),
      action: action.slice(0, 40),
      body,
      preview: text.slice(0, PREVIEW_CHARS),
      authorization: scheme === '' ? 'missing' : scheme === 'bearer' ? 'bearer' : 'other',
      at,
      beforeAnswer,
    });
    this.keptBytes += text.length;
    for (const wake of [...this.waiters]) wake();
  }

  /** Every kept callback about an order, in the order they arrived. */
  about(orderId: string): ReceivedCallback[] {
    return this.received.filter((c) => c.orderId === orderId);
  }

  /** Every kept callback, in the order they arrived (bounded by MAX_KEPT). */
  all(): readonly ReceivedCallback[] {
    return this.received;
  }

  /** What was kept and refused so far. */
  stats(): ReceiverStats {
    return { kept: this.received.length, keptBytes: this.keptBytes, refused: this.refused };
  }

  /** Resolves true as soon as `done()` holds (checked on each callback), or false once the clock is `ms` further. */
  until(done: () => boolean, ms: number): Promise<boolean> {
    return waitUntil(
      this.clock,
      this.clock.now() + ms,
      done,
      (check) => {
        this.waiters.add(check);
        return () => this.waiters.delete(check);
      },
      this.stop,
    );
  }

  /** The first callback about an order, waiting up to `ms` for it; undefined when none came. */
  async waitFor(orderId: string, ms: number): Promise<ReceivedCallback | undefined> {
    await this.until(() => this.about(orderId).length > 0, ms);
    return this.about(orderId)[0];
  }

  /** Stops listening and drops open connections so nothing outlives the run. */
  async close(): Promise<void> {
    const server = this.server;
    // An attached receiver holds no socket: its server closes its own.
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
