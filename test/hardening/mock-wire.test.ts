import http from 'node:http';
import net from 'node:net';
import { validate, validateAgainst } from '../../src/contracts';
import { answerClientErrors } from '../../src/mock';
import { CREATE, SEARCH, smallApp } from '../mock/helpers';
import { listenOn, type Listening } from './real-port';
import { startServe, type ServeChild } from '../support/serve-child';

let mock: Listening;
beforeAll(async () => {
  mock = await listenOn(smallApp());
});
afterAll(() => mock.close());

/** Writes raw bytes on a fresh socket and resolves with everything the server sent before closing it. */
function raw(chunks: string[], endAfter = true): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(mock.port, '127.0.0.1');
    let got = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (got += chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(got));
    socket.on('connect', () => {
      for (const chunk of chunks) socket.write(chunk);
      if (endAfter) socket.end();
      // A half-sent request: drop the connection from our side, as a crashing client would.
      else setImmediate(() => socket.destroy());
    });
  });
}

async function answersASearch(): Promise<void> {
  const res = await mock.send('GET', `${SEARCH}?query=iphone`);
  expect(res.status).toBe(200);
  expect(validate('productSearch', 'response', JSON.parse(res.text))).toEqual([]);
}

function problemOf(response: string): { status: number; type: string; body: Record<string, unknown> } {
  const [head, body] = response.split('\r\n\r\n');
  const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1]);
  const type = /content-type: ([^\r\n]+)/i.exec(head)?.[1] ?? '';
  return { status, type, body: JSON.parse(body) as Record<string, unknown> };
}

describe('the mock on a real port, at the wire', () => {
  it('answers headers over 16 KB with a 431 problem+json naming the limit', async () => {
    const res = await mock
      .send('GET', SEARCH, undefined, { 'x-padding': 'a'.repeat(20 * 1024) })
      .catch(() => undefined);
    expect(res).toBeDefined();
    expect(res?.status).toBe(431);
    expect(res?.type).toMatch(/^application\/problem\+json/);
    const body = JSON.parse(res?.text ?? '') as { detail: string };
    expect(validateAgainst('problem.schema.json', body)).toEqual([]);
    expect(body.detail).toContain('16 KB');
    await answersASearch();
  });

  it.each([
    ['garbage instead of a request line', ['\u0000\u0001GARBAGE \u202e\r\n\r\n']],
    [
      'a chunk size that is not hex',
      [
        'POST /v1/orders/orderprovisioning HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n',
      ],
    ],
    ['a header without a colon', ['GET / HTTP/1.1\r\nHost: x\r\nbroken header\r\n\r\n']],
    [
      'a Content-Length that is not a number',
      ['POST /v1/orders/orderprovisioning HTTP/1.1\r\nHost: x\r\nContent-Length: ten\r\n\r\n'],
    ],
  ])('answers %s with a 400 problem+json and keeps serving', async (_what, chunks) => {
    const answer = problemOf(await raw(chunks));
    expect(answer.status).toBe(400);
    expect(answer.type).toMatch(/^application\/problem\+json/);
    expect(validateAgainst('problem.schema.json', answer.body)).toEqual([]);
    await answersASearch();
  });

  it.each([
    ['in the headers', ['POST /v1/orders/orderprovisioning HTTP/1.1\r\nHost: x\r\nContent-Ty']],
    [
      'in the body',
      [
        'POST /v1/orders/orderprovisioning HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{"objectId":"DROP-1","ite',
      ],
    ],
  ])('survives a connection dropped %s and stores nothing from it', async (_where, chunks) => {
    await raw(chunks, false);
    await answersASearch();
    const orders = JSON.parse((await mock.send('GET', '/__admin/orders')).text) as { objectId: string }[];
    expect(orders.map((o) => o.objectId)).not.toContain('DROP-1');
  });

  it('answers a body over 1 MB sent chunked (no Content-Length) with a 413 problem+json', async () => {
    const chunk = `{"objectId":"BIG-1","items":[],"pad":"${'x'.repeat(600 * 1024)}`;
    const answer = await raw([
      `POST ${CREATE} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`,
      `${chunk.length.toString(16)}\r\n${chunk}\r\n`,
      `${chunk.length.toString(16)}\r\n${chunk}\r\n`,
    ]);
    const problem = problemOf(answer);
    expect(problem.status).toBe(413);
    expect(validateAgainst('problem.schema.json', problem.body)).toEqual([]);
    await answersASearch();
  });

  it('answers a request whose headers never finish with a 408 problem+json once the server times it out', async () => {
    // Node's own timeouts, shortened so the test waits well under a second instead of 60 s.
    const slow = smallApp();
    const server = http.createServer(
      { headersTimeout: 200, requestTimeout: 200, connectionsCheckingInterval: 50 },
      slow,
    );
    answerClientErrors(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const got = await new Promise<string>((resolve, reject) => {
      const socket = net.connect((server.address() as net.AddressInfo).port, '127.0.0.1', () =>
        socket.write('GET /v1/products/productsearch HTTP/1.1\r\nHost: x\r\n'),
      );
      let text = '';
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => (text += chunk));
      socket.on('error', reject);
      socket.on('close', () => resolve(text));
    });
    await slow.mock.close();
    await new Promise((resolve) => server.close(resolve));
    const answer = problemOf(got);
    expect(answer.status).toBe(408);
    expect(validateAgainst('problem.schema.json', answer.body)).toEqual([]);
  });
});

// The server in its own process, as a client meets it: in one process the client's writes and the
// server's close take turns on one event loop, and the reset never shows.
describe('a body over 1 MB at the wire, served by merchant-kit serve', () => {
  let serve: ServeChild;
  let port = 0;
  beforeAll(async () => {
    serve = await startServe(['--quiet']);
    port = Number(new URL(serve.origin).port);
  });
  afterAll(() => serve.stop());

  /** Sends `bytes` of body as fast as the socket takes it, and resolves with what the client saw. */
  function sendBig(bytes: number, chunked: boolean): Promise<{ status?: number; type?: string; error?: string }> {
    return new Promise((resolve) => {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (!chunked) headers['content-length'] = String(bytes);
      const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: CREATE, headers }, (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode, type: String(res.headers['content-type']) }));
        res.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
      });
      req.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
      // As a careful client sends: the next piece once the socket has taken the last one.
      const piece = Buffer.alloc(16 * 1024, 'x');
      let sent = 0;
      const pump = (): void => {
        while (sent < bytes) {
          const size = Math.min(piece.length, bytes - sent);
          sent += size;
          if (!req.write(piece.subarray(0, size))) {
            req.once('drain', pump);
            return;
          }
        }
        req.end();
      };
      pump();
    });
  }

  it.each([
    ['with a Content-Length of 10 MB', 10 * 1024 * 1024, false],
    ['chunked, 10 MB', 10 * 1024 * 1024, true],
    ['with a Content-Length of 1 MB + 1 byte', 1024 * 1024 + 1, false],
  ])(
    'reaches the client as a 413 problem+json when sent %s, not as a reset connection',
    async (_how, bytes, chunked) => {
      for (let round = 0; round < 3; round += 1) {
        const seen = await sendBig(bytes, chunked);
        expect(seen).toEqual({ status: 413, type: expect.stringMatching(/^application\/problem\+json/) });
      }
      await answersASearch();
    },
  );

  /** Writes a POST with a declared body of `declared` bytes, sends `sent` of them, and resolves with what the server did. */
  function stall(declared: number, sent: number): Promise<{ got: string; closed: boolean }> {
    return new Promise((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      let got = '';
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => (got += chunk));
      socket.on('error', () => undefined);
      socket.on('close', () => resolve({ got, closed: true }));
      socket.on('connect', () => {
        socket.write(
          `POST ${CREATE} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${declared}\r\n\r\n`,
        );
        socket.write(Buffer.alloc(sent, 'x'));
      });
    });
  }

  it('stops discarding after 16 MB more and closes the connection', async () => {
    const outcome = await new Promise<{ status?: number; sentMb: number }>((resolve) => {
      let sent = 0;
      // Past 2 MB the client waits for the 413 before it sends on: the server's close comes with a reset
      // (the client is still sending), and a reset may drop an answer not read yet on a busy machine.
      let answered: (() => void) | undefined;
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.write(
          `POST ${CREATE} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${200 * 1024 * 1024}\r\n\r\n`,
        );
        const piece = Buffer.alloc(64 * 1024, 'x');
        const pump = (): void => {
          while (sent < 200 * 1024 * 1024 && !socket.destroyed) {
            if (sent >= 2 * 1024 * 1024 && !/^HTTP\/1\.1 \d{3}/.test(got)) return void (answered = pump);
            sent += piece.length;
            if (!socket.write(piece)) return void socket.once('drain', pump);
          }
        };
        pump();
      });
      let got = '';
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => {
        got += chunk;
        const resume = answered;
        answered = undefined;
        resume?.();
      });
      socket.on('error', () => undefined);
      socket.on('close', () =>
        resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(got)?.[1]), sentMb: sent / 1024 / 1024 }),
      );
    });
    expect(outcome.status).toBe(413);
    // Closed long before the 200 MB were sent: 1 MB read, 16 MB discarded, and what the sockets buffer.
    expect(outcome.sentMb).toBeLessThan(100);
  });

  it('closes the connection of a client that stops sending after the 413, without waiting for the whole body', async () => {
    const { got, closed } = await stall(3 * 1024 * 1024, 1024 * 1024 + 10);
    expect(closed).toBe(true);
    expect(got).toMatch(/^HTTP\/1\.1 413 /);
  });
});
