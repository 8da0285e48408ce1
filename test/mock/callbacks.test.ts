import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { validate } from '../../src/contracts';
import { CREATE, line, order, smallApp } from './helpers';
import { OmniChatStandIn } from './receiver';

const receiver = new OmniChatStandIn();
let api = '';
beforeAll(async () => {
  api = await receiver.start();
});
afterAll(() => receiver.stop());
beforeEach(() => {
  receiver.calls.length = 0;
  receiver.statuses = [];
});

// A per-attempt timeout no loaded machine reaches: these stand-ins answer, or are held and released.
const retry = { attempts: 3, baseDelayMs: 5, timeoutMs: 60_000 };
const adminView = async (app: ReturnType<typeof smallApp>, id: string) =>
  (await request(app).get(`/__admin/orders/${id}`)).body;

describe('callbacks to OmniChat', () => {
  it('checkout omni: posts statusChange ORDER_GATEWAY_PROVISIONED with the bearer token, once per order', async () => {
    const app = smallApp({ omnichatApi: api, omnichatToken: 'r:tok-123', callbackRetry: retry });
    const body = order('CB-1', [line('L1', '2001-P')]);
    await request(app).post(CREATE).send(body).expect(200);
    await request(app).post(CREATE).send(body).expect(200);
    await app.mock.idle();
    expect(receiver.calls).toEqual([
      {
        path: '/v2/orders/CB-1/statusChange',
        authorization: 'Bearer r:tok-123',
        body: expect.objectContaining({ status: 'ORDER_GATEWAY_PROVISIONED' }),
      },
    ]);
    expect(validate('statusChange', 'request', receiver.calls[0].body)).toEqual([]);
    const view = await adminView(app, 'CB-1');
    expect(view.callbacks).toEqual([
      expect.objectContaining({
        callback: 'statusChange',
        outcome: 'delivered',
        attempts: [expect.objectContaining({ status: 200 })],
      }),
    ]);
    expect(view.statusHistory.at(-1)).toMatchObject({
      event: 'callback',
      status: 'ORDER_GATEWAY_PROVISIONED',
      message: 'delivered after 1 attempt',
    });
    expect(JSON.stringify(view)).not.toContain('tok-123');
    await app.mock.close();
  });

  it('own checkout: posts provisions code 200 with a checkoutUrl that the mock itself serves', async () => {
    const app = smallApp({
      omnichatApi: api,
      checkout: 'own',
      publicUrl: 'http://127.0.0.1:4010',
      callbackRetry: retry,
    });
    await request(app)
      .post(CREATE)
      .send(order('CB-2', [line('L1', '2001-P')]))
      .expect(200);
    await app.mock.idle();
    const [call] = receiver.calls;
    expect(call.path).toBe('/v2/orders/CB-2/provisions');
    expect(call.body).toMatchObject({ code: 200, checkoutUrl: 'http://127.0.0.1:4010/__checkout/CB-2' });
    expect(validate('provisions', 'request', call.body)).toEqual([]);
    const page = await request(app).get('/__checkout/CB-2');
    expect(page.status).toBe(200);
    expect(page.text).toContain('CB-2');
    await app.mock.close();
  });

  it('retries with backoff after a failure and records every attempt', async () => {
    receiver.statuses = [503, 500];
    const app = smallApp({ omnichatApi: api, callbackRetry: retry });
    await request(app).post(CREATE).send(order('CB-3', [])).expect(200);
    await app.mock.idle();
    expect(receiver.calls).toHaveLength(3);
    const [callback] = (await adminView(app, 'CB-3')).callbacks;
    expect(callback.attempts.map((a: { status: number }) => a.status)).toEqual([503, 500, 200]);
    expect(callback.outcome).toBe('delivered');
    await app.mock.close();
  });

  it('gives up after the configured attempts and marks the callback failed', async () => {
    receiver.statuses = [500, 500, 500, 500];
    const app = smallApp({ omnichatApi: api, callbackRetry: retry });
    await request(app).post(CREATE).send(order('CB-4', [])).expect(200);
    await app.mock.idle();
    expect(receiver.calls).toHaveLength(3);
    const view = await adminView(app, 'CB-4');
    expect(view.callbacks[0].outcome).toBe('failed');
    expect(view.statusHistory.at(-1).message).toBe('failed after 3 attempts');
    await app.mock.close();
  });

  it('does not retry a 4xx answer (it would not change)', async () => {
    receiver.statuses = [401];
    const app = smallApp({ omnichatApi: api, callbackRetry: retry });
    await request(app).post(CREATE).send(order('CB-5', [])).expect(200);
    await app.mock.idle();
    expect(receiver.calls).toHaveLength(1);
    expect((await adminView(app, 'CB-5')).callbacks[0].outcome).toBe('failed');
    await app.mock.close();
  });

  it('records a refused connection as an attempt error', async () => {
    const closed = new OmniChatStandIn();
    const url = await closed.start();
    await closed.stop();
    const app = smallApp({ omnichatApi: url, callbackRetry: { ...retry, attempts: 2 } });
    await request(app).post(CREATE).send(order('CB-6', [])).expect(200);
    await app.mock.idle();
    const [callback] = (await adminView(app, 'CB-6')).callbacks;
    expect(callback.attempts).toEqual([
      expect.objectContaining({ error: 'ECONNREFUSED' }),
      expect.objectContaining({ error: 'ECONNREFUSED' }),
    ]);
    await app.mock.close();
  });

  it('sends no callback without --omnichat-api', async () => {
    const app = smallApp();
    await request(app).post(CREATE).send(order('CB-7', [])).expect(200);
    await app.mock.idle();
    expect((await adminView(app, 'CB-7')).callbacks).toEqual([]);
    await app.mock.close();
  });
});

describe('callbacks stay bounded', () => {
  it.each([
    ['..', '/v2/orders/%2E%2E/statusChange'],
    ['.', '/v2/orders/%2E/statusChange'],
    ['a/../b', '/v2/orders/a%2F..%2Fb/statusChange'],
    ['x?y#z', '/v2/orders/x%3Fy%23z/statusChange'],
  ])('keeps an objectId of %p inside its one path segment', async (objectId, path) => {
    const app = smallApp({ omnichatApi: `${api}/base`, callbackRetry: retry });
    await request(app).post(CREATE).send(order(objectId, [])).expect(200);
    await app.mock.idle();
    expect(receiver.calls.map((c) => c.path)).toEqual([`/base${path}`]);
    await app.mock.close();
  });

  it('reads at most 64 KB of an answer and still records its status', async () => {
    let written = 0;
    let ended = false;
    const flood = http.createServer((req, res) => {
      req.resume();
      res.writeHead(200, { 'content-type': 'application/json' });
      const piece = Buffer.alloc(16 * 1024, 'x');
      const pump = (): void => {
        while (written < 20 * 1024 * 1024 && !res.destroyed) {
          written += piece.length;
          if (!res.write(piece)) return void res.once('drain', pump);
        }
        if (!res.destroyed) res.end(() => (ended = true));
      };
      pump();
    });
    await new Promise<void>((resolve) => flood.listen(0, '127.0.0.1', resolve));
    const app = smallApp({
      omnichatApi: `http://127.0.0.1:${(flood.address() as AddressInfo).port}`,
      callbackRetry: retry,
    });
    await request(app).post(CREATE).send(order('CB-BIG', [])).expect(200);
    await app.mock.idle();
    const [callback] = (await adminView(app, 'CB-BIG')).callbacks;
    expect(callback).toMatchObject({ outcome: 'delivered', attempts: [expect.objectContaining({ status: 200 })] });
    // The mock hung up after 64 KB: the target could not hand over its 20 MB.
    expect(ended).toBe(false);
    expect(written).toBeLessThan(20 * 1024 * 1024);
    await app.mock.close();
    flood.closeAllConnections();
    await new Promise((resolve) => flood.close(resolve));
  });

  it('holds at most N callbacks in flight and M queued; past that the order records the full queue', async () => {
    let open = 0;
    let mostOpen = 0;
    // Holds every callback unanswered until all 20 orders are in, so nothing finishes early; then 503s.
    let holding = true;
    const held: http.ServerResponse[] = [];
    const silent = http.createServer((req, res) => {
      req.resume();
      if (holding) held.push(res);
      else res.writeHead(503).end();
    });
    silent.on('connection', (socket) => {
      open += 1;
      mostOpen = Math.max(mostOpen, open);
      socket.on('close', () => (open -= 1));
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const app = smallApp({
      omnichatApi: `http://127.0.0.1:${(silent.address() as AddressInfo).port}`,
      callbackRetry: { attempts: 2, baseDelayMs: 5, timeoutMs: 20_000 },
      callbackLimits: { inFlight: 3, queued: 5 },
    });
    for (let i = 0; i < 20; i += 1)
      await request(app)
        .post(CREATE)
        .send(order(`CQ-${i}`, []))
        .expect(200);
    holding = false;
    for (const res of held.splice(0)) res.writeHead(503).end();
    await app.mock.idle();
    expect(mostOpen).toBeLessThanOrEqual(3);
    const views = await Promise.all(Array.from({ length: 20 }, (_, i) => adminView(app, `CQ-${i}`)));
    const sent = views.filter((v) => v.callbacks[0].attempts.some((a: { status?: number }) => a.status === 503));
    const refused = views.filter((v) => /queue is full/.test(v.callbacks[0].attempts[0]?.error ?? ''));
    expect(sent).toHaveLength(8);
    expect(refused).toHaveLength(12);
    for (const view of [...sent, ...refused]) expect(view.callbacks[0].outcome).toBe('failed');
    expect(refused[0].statusHistory.at(-1).message).toMatch(/^not sent: the callback queue is full/);
    await app.mock.close();
    silent.closeAllConnections();
    await new Promise((resolve) => silent.close(resolve));
  });
});
