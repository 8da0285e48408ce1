import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One call the merchant made to the stand-in for OmniChat's orders API. */
export interface ReceivedCallback {
  orderId: string;
  action: string;
  /** Parsed JSON body, or undefined when the body was not JSON. */
  body: unknown;
  rawBody: string;
}

const CALLBACK_PATH = /^\/v2\/orders\/([^/]+)\/([A-Za-z]+)\/?$/;
const MAX_CALLBACK_BYTES = 1024 * 1024;

/**
 * A local stand-in for OmniChat's orders API (`POST /v2/orders/{id}/statusChange|provisions|...`) on
 * 127.0.0.1: it answers 200 like OmniChat and records what the merchant sent, for callback-received.
 */
export class CallbackReceiver {
  private readonly received: ReceivedCallback[] = [];
  private readonly waiters = new Set<() => void>();
  private readonly server: http.Server;

  private constructor(server: http.Server) {
    this.server = server;
  }

  /** Starts listening on 127.0.0.1:port (0 picks a free port). */
  static async start(port: number): Promise<CallbackReceiver> {
    const server = http.createServer();
    const receiver = new CallbackReceiver(server);
    server.on('request', (req, res) => receiver.handle(req, res));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    return receiver;
  }

  /** The base URL a merchant must call back (what it uses instead of https://orders-api.omni.chat). */
  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const match = CALLBACK_PATH.exec(req.url ?? '');
    if (req.method !== 'POST' || !match) {
      res.writeHead(404, { 'Content-Type': 'application/json' }).end('{"error":"not an OmniChat orders API path"}');
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    // A merchant that drops the connection mid-body must not crash the run.
    req.on('error', () => undefined);
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_CALLBACK_BYTES) req.destroy();
      else chunks.push(chunk);
    });
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      let body: unknown;
      try {
        body = JSON.parse(rawBody);
      } catch {
        body = undefined;
      }
      this.received.push({ orderId: decodeURIComponent(match[1]), action: match[2], body, rawBody });
      for (const wake of this.waiters) wake();
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"result":"ok"}');
    });
  }

  /** The first callback about an order, waiting up to `ms` for it; undefined when none came. */
  waitFor(orderId: string, ms: number): Promise<ReceivedCallback | undefined> {
    const find = (): ReceivedCallback | undefined => this.received.find((c) => c.orderId === orderId);
    const now = find();
    if (now) return Promise.resolve(now);
    return new Promise((resolve) => {
      const done = (): void => {
        const found = find();
        if (!found && !timedOut) return;
        clearTimeout(timer);
        this.waiters.delete(done);
        resolve(found);
      };
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        done();
      }, ms);
      this.waiters.add(done);
    });
  }

  /** Stops listening and drops open connections so nothing outlives the run. */
  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
