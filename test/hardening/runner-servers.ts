import http from 'node:http';
import net, { type AddressInfo } from 'node:net';

// Merchants that break at the transport level: every path of each gets the same misbehaviour.

/** What the huge merchant announces and streams, in 64 KiB chunks. */
export const HUGE_BODY_BYTES = 50 * 1024 * 1024;
const CHUNK = Buffer.alloc(64 * 1024, 0x20);

let onHugeClose: ((written: number) => void) | undefined;

/** Resolves with the bytes the next huge-body answer got written into its socket before the runner hung up. */
export function nextHugeClose(): Promise<number> {
  return new Promise((resolve) => {
    onHugeClose = resolve;
  });
}

/** Every request the other origin of the redirect received, with its headers. */
export const redirectTargetHits: http.IncomingHttpHeaders[] = [];

/** Streams 50 MB of JSON-ish spaces with back-pressure, so neither side ever holds 50 MB in memory. */
function streamHuge(_req: http.IncomingMessage, res: http.ServerResponse): void {
  res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(HUGE_BODY_BYTES) });
  let written = 0;
  const pump = (): void => {
    // Bounded: at most HUGE_BODY_BYTES / 64 KiB = 800 writes per request.
    while (written < HUGE_BODY_BYTES && !res.destroyed) {
      written += CHUNK.length;
      if (!res.write(CHUNK)) return;
    }
    if (!res.destroyed) res.end();
  };
  res.on('drain', pump);
  res.on('close', () => {
    onHugeClose?.(written);
  });
  res.on('error', () => undefined);
  pump();
}

/** Sends headers and half of the announced body, then destroys the socket. */
function dropMidBody(_req: http.IncomingMessage, res: http.ServerResponse): void {
  const body = JSON.stringify([{ objectId: '1', name: 'Camiseta', variants: [] }]).padEnd(2000, ' ');
  res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(body.length) });
  res.write(body.slice(0, body.length / 2), () => res.socket?.destroy());
}

/** Sends a byte a second (at most 60), as a merchant stuck behind a slow proxy would. */
function dribble(_req: http.IncomingMessage, res: http.ServerResponse): void {
  res.writeHead(200, { 'Content-Type': 'application/json' });
  res.write('[');
  let sent = 1;
  const timer = setInterval(() => {
    if (sent++ >= 60 || res.destroyed) clearInterval(timer);
    else res.write(' ');
  }, 1000);
  res.on('close', () => clearInterval(timer));
}

export type Misbehaviour =
  | 'never answers'
  | 'sends 50 MB'
  | 'drops mid-body'
  | 'dribbles a byte a second'
  | 'redirects to another origin'
  | 'answers HTML with 200'
  | 'answers invalid JSON with 200';

/** A set of misbehaving merchants on 127.0.0.1, closed together. */
export class BrokenMerchants {
  private readonly servers: http.Server[] = [];
  private readonly rawServers: net.Server[] = [];
  private redirectTarget?: string;

  /** Starts one merchant that misbehaves the named way; returns its base URL (…/v1). */
  async start(kind: Misbehaviour): Promise<string> {
    switch (kind) {
      case 'never answers':
        return this.listen(() => undefined);
      case 'sends 50 MB':
        return this.listen(streamHuge);
      case 'drops mid-body':
        return this.listen(dropMidBody);
      case 'dribbles a byte a second':
        return this.listen(dribble);
      case 'redirects to another origin': {
        this.redirectTarget ??= await this.listen((req, res) => {
          redirectTargetHits.push(req.headers);
          res.writeHead(200, { 'Content-Type': 'application/json' }).end('[]');
        });
        const target = this.redirectTarget;
        return this.listen((req, res) =>
          res.writeHead(302, { Location: `${target}${req.url?.replace(/^\/v1/, '') ?? ''}` }).end(),
        );
      }
      case 'answers HTML with 200':
        return this.listen((_req, res) =>
          res
            .writeHead(200, { 'Content-Type': 'text/html' })
            .end('<!doctype html><html><body><h1>Loja em manutenção</h1></body></html>'),
        );
      case 'answers invalid JSON with 200':
        return this.listen((_req, res) =>
          res.writeHead(200, { 'Content-Type': 'application/json' }).end('[{"objectId": "1", "name": '),
        );
    }
  }

  /** Starts a merchant with any handler; returns its base URL (…/v1). */
  async listen(handler: http.RequestListener): Promise<string> {
    const server = http.createServer(handler);
    this.servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  }

  /** Starts a raw TCP merchant that answers the first bytes of each request with `reply` and hangs up; returns its base URL. */
  async listenRaw(reply: string): Promise<string> {
    const server = net.createServer((socket) => {
      socket.on('error', () => undefined);
      socket.once('data', () => socket.end(reply));
    });
    this.rawServers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  }

  /** Closes every server and every connection still open (the silent and dribbling ones keep theirs). */
  async close(): Promise<void> {
    for (const server of this.servers) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    // Raw servers end each socket after one reply, so closing the listener is enough.
    for (const server of this.rawServers) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
