import request from 'supertest';
import { CREATE, line, order, smallApp } from './helpers';
import { OmniChatStandIn } from './receiver';

// The dashboard's re-send button: POST /__admin/orders/{id}/callbacks sends the order's callback to
// OmniChat again, with the same retries, and the order keeps every attempt of both.

const omnichat = new OmniChatStandIn();
let api = '';
beforeAll(async () => {
  api = await omnichat.start();
});
afterAll(() => omnichat.stop());

// A per-attempt timeout no loaded machine reaches: the stand-in answers, or is held and released.
const retry = { attempts: 2, baseDelayMs: 5, timeoutMs: 60_000 };

describe('re-sending a callback', () => {
  it('sends a failed callback again and records the new outcome beside the old one', async () => {
    const app = smallApp({ omnichatApi: api, callbackRetry: retry });
    omnichat.statuses = [500, 500];
    await request(app)
      .post(CREATE)
      .send(order('RS-1', [line('L1', '2001-P')]))
      .expect(200);
    await app.mock.idle();
    const res = await request(app).post('/__admin/orders/RS-1/callbacks').type('json').expect(202);
    expect(res.body).toEqual({ objectId: 'RS-1', callback: 1 });
    await app.mock.idle();
    const view = (await request(app).get('/__admin/orders/RS-1')).body;
    expect(view.callbacks.map((c: { outcome: string }) => c.outcome)).toEqual(['failed', 'delivered']);
    expect(view.callbacks[0].attempts.map((a: { status: number }) => a.status)).toEqual([500, 500]);
    expect(view.statusHistory.filter((h: { event: string }) => h.event === 'callback')).toEqual([
      expect.objectContaining({ message: 'failed after 2 attempts' }),
      expect.objectContaining({ message: 'delivered after 1 attempt' }),
    ]);
    expect(omnichat.calls.filter((c) => c.path === '/v2/orders/RS-1/statusChange')).toHaveLength(3);
    await app.mock.close();
  });

  it('refuses while a callback of the order is still being sent', async () => {
    const app = smallApp({ omnichatApi: api, callbackRetry: retry });
    omnichat.hold();
    await request(app)
      .post(CREATE)
      .send(order('RS-2', [line('L1', '2001-P')]))
      .expect(200);
    const res = await request(app).post('/__admin/orders/RS-2/callbacks').type('json').expect(409);
    expect(res.body).toMatchObject({ type: expect.stringContaining('callback-unavailable') });
    expect(res.body.detail).toContain('still being sent');
    omnichat.release();
    await app.mock.idle();
    await app.mock.close();
  });

  it('refuses without an OmniChat API URL, naming the flag', async () => {
    const app = smallApp();
    await request(app)
      .post(CREATE)
      .send(order('RS-3', [line('L1', '2001-P')]))
      .expect(200);
    const res = await request(app).post('/__admin/orders/RS-3/callbacks').type('json').expect(409);
    expect(res.body.detail).toContain('--omnichat-api');
    await app.mock.close();
  });

  it('answers 404 for an unknown order and 409 for one known only from a notification', async () => {
    const app = smallApp({ omnichatApi: api, callbackRetry: retry });
    await request(app).post('/__admin/orders/NOPE/callbacks').type('json').expect(404);
    await request(app)
      .post('/v1/orders/statuschange')
      .send({ order: { objectId: 'RS-4' }, statusChange: { status: 'PAID', updatedAt: '2026-01-01T00:00:00.000Z' } })
      .expect(200);
    await request(app).post('/__admin/orders/RS-4/callbacks').type('json').expect(409);
    await app.mock.close();
  });
});
