import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { validate } from '../../src/contracts';
import { CREATE, line, order, smallApp } from './helpers';

interface Received {
  path: string;
  authorization?: string;
  body: Record<string, unknown>;
}

/** A stand-in for OmniChat's orders API that records calls and answers from a list of statuses. */
class Receiver {
  readonly calls: Received[] = [];
  statuses: number[] = [];
  private readonly server = http.createServer((req, res) => {
    let text = '';
    req.on('data', (c: Buffer) => (text += c.toString()));
    req.on('end', () => {
      this.calls.push({ path: req.url ?? '', authorization: req.headers.authorization, body: JSON.parse(text) });
      res.statusCode = this.statuses.shift() ?? 200;
      res.end('{}');
    });
  });

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

const receiver = new Receiver();
let api = '';
beforeAll(async () => {
  api = await receiver.start();
});
afterAll(() => receiver.stop());
beforeEach(() => {
  receiver.calls.length = 0;
  receiver.statuses = [];
});

const retry = { attempts: 3, baseDelayMs: 5, timeoutMs: 2000 };
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
    const closed = new Receiver();
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
