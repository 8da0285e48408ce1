import request from 'supertest';
import { createBudgets, type MockApp } from '../../src/mock';
import { CHECKER, CREATE, NOTIFY, SEARCH, line, notification, order, smallApp } from './helpers';

const KB = 1024;
const MB = 1024 * KB;

/** An orderCreation body of about `bytes`, reserving `units` of 12345-1 (30 in stock). */
function paddedOrder(objectId: string, bytes: number, units = 1): Record<string, unknown> {
  return { ...order(objectId, [line('L1', '12345-1', units)]), pad: 'x'.repeat(bytes) };
}

async function stockOf(app: MockApp, sku: string): Promise<number> {
  const res = await request(app).get(SEARCH).query({ searchType: 'SKUID', query: sku });
  return (res.body as { variants: { objectId: string; quantity: number }[] }[])[0].variants.find(
    (v) => v.objectId === sku,
  )?.quantity as number;
}

async function orderIds(app: MockApp): Promise<string[]> {
  return ((await request(app).get('/__admin/orders')).body as { objectId: string }[]).map((o) => o.objectId);
}

describe('byte budgets', () => {
  it('forgets the oldest orders once the store budget is spent, and gives their stock back', async () => {
    const app = smallApp({ storeBudgetBytes: 1 * MB });
    const before = await stockOf(app, '12345-1');
    const sent = Array.from({ length: 10 }, (_, i) => `BUD-${i}`);
    for (const id of sent)
      await request(app)
        .post(CREATE)
        .send(paddedOrder(id, 200 * KB))
        .expect(200);
    const kept = await orderIds(app);
    // 200 KB each: four or five fit in 1 MB, and they are the newest ones, oldest first.
    expect(kept.length).toBeGreaterThanOrEqual(4);
    expect(kept.length).toBeLessThanOrEqual(5);
    expect(kept).toEqual(sent.slice(-kept.length));
    expect(await stockOf(app, '12345-1')).toBe(before - kept.length);
    const budgets = (await request(app).get('/__admin/budgets')).body;
    expect(budgets.store.usedBytes).toBeLessThanOrEqual(1 * MB);
    expect(budgets.store.limitBytes).toBe(1 * MB);
    expect(budgets.store.evictions).toBe(10 - kept.length);
    await app.mock.close();
  });

  it('counts every sandbox sharing one budget together, evicting the oldest order of any of them', async () => {
    const budgets = createBudgets({ storeBytes: 1 * MB });
    const first = smallApp({ budgets });
    const second = smallApp({ budgets });
    for (let i = 0; i < 3; i += 1)
      await request(first)
        .post(CREATE)
        .send(paddedOrder(`A-${i}`, 200 * KB));
    for (let i = 0; i < 3; i += 1)
      await request(second)
        .post(CREATE)
        .send(paddedOrder(`B-${i}`, 200 * KB));
    const [a, b] = [await orderIds(first), await orderIds(second)];
    expect(b).toEqual(['B-0', 'B-1', 'B-2']);
    // Six orders of 200 KB do not fit in 1 MB together: the oldest of the first sandbox went.
    expect(a.length).toBeLessThan(3);
    expect(a).toEqual(['A-0', 'A-1', 'A-2'].slice(3 - a.length));
    expect(budgets.store.usedBytes).toBeLessThanOrEqual(1 * MB);
    await first.mock.close();
    await second.mock.close();
  });

  it("keeps an order's newest history entries up to the limit and says how many were dropped", async () => {
    const app = smallApp({ historyLimit: 5 });
    await request(app).post(CREATE).send(order('HIS-1', [])).expect(200);
    for (let i = 0; i < 12; i += 1) {
      await request(app)
        .post(NOTIFY)
        .send(notification('HIS-1', 'PAID', `2026-11-28T10:00:${String(i).padStart(2, '0')}.000Z`))
        .expect(200);
    }
    const view = (await request(app).get('/__admin/orders/HIS-1')).body;
    expect(view.statusHistory).toHaveLength(5);
    expect(view.statusHistoryDropped).toBe(8);
    expect(view.statusHistory.at(-1)).toMatchObject({ event: 'notified', status: 'PAID' });
    await app.mock.close();
  });

  it('cuts a long status message and says where and how long it was', async () => {
    const app = smallApp();
    const body = notification('HIS-2', 'PAID');
    (body.statusChange as Record<string, unknown>).message = 'm'.repeat(200 * KB);
    await request(app).post(NOTIFY).send(body).expect(200);
    const [entry] = (await request(app).get('/__admin/orders/HIS-2')).body.statusHistory;
    expect(entry.message.length).toBeLessThan(1100);
    expect(entry.message).toContain(`${200 * KB} characters`);
    await app.mock.close();
  });

  it('bounds the request journal in bytes as well as in entries, keeping the newest', async () => {
    const app = smallApp({ journalBudgetBytes: 64 * KB });
    for (let i = 0; i < 40; i += 1) await request(app).get(`${SEARCH}/${'p'.repeat(4 * KB)}/${i}`);
    const entries = (await request(app).get('/__admin/requests')).body as { path: string }[];
    expect(entries.length).toBeGreaterThan(5);
    expect(entries.length).toBeLessThan(17);
    expect(entries.at(-1)?.path.endsWith('/39')).toBe(true);
    const budgets = (await request(app).get('/__admin/budgets')).body;
    expect(budgets.journal.usedBytes).toBeLessThanOrEqual(64 * KB);
    await app.mock.close();
  });

  it('answers an admin list over the answer limit with the newest items that fit, and counts the rest', async () => {
    const app = smallApp({ adminAnswerLimitBytes: 64 * KB });
    for (let i = 0; i < 20; i += 1)
      await request(app)
        .post(CREATE)
        .send(order(`${'L'.repeat(8 * KB)}-${i}`, []));
    const res = await request(app).get('/__admin/orders');
    expect(res.status).toBe(200);
    expect(res.text.length).toBeLessThanOrEqual(64 * KB);
    const ids = (res.body as { objectId: string }[]).map((o) => o.objectId.slice(-3));
    expect(ids.at(-1)).toBe('-19');
    expect(ids.length).toBeLessThan(20);
    expect(res.headers['x-total-count']).toBe('20');
    expect(res.headers['x-omitted-count']).toBe(String(20 - ids.length));
    await app.mock.close();
  });

  it('keeps cached search answers within their byte budget, and answers the same after eviction', async () => {
    const app = smallApp({ budgets: createBudgets({ searchCacheBytes: 8 * KB }) });
    const first = (await request(app).get(SEARCH).query({ query: 'iphone' })).text;
    for (let i = 0; i < 40; i += 1)
      await request(app)
        .get(SEARCH)
        .query({ query: 'a', from: i % 5, size: 5 + i });
    const budgets = (await request(app).get('/__admin/budgets')).body;
    expect(budgets.searchCache.holdings).toBeGreaterThan(0);
    expect(budgets.searchCache.usedBytes).toBeLessThanOrEqual(8 * KB);
    expect(budgets.searchCache.evictions).toBeGreaterThan(0);
    expect((await request(app).get(SEARCH).query({ query: 'iphone' })).text).toBe(first);
    await app.mock.close();
  });

  it('keeps reused orderValidation answers within the same budget, and answers each cart right', async () => {
    const app = smallApp({ budgets: createBudgets({ answerCacheBytes: 16 * KB }) });
    for (let round = 0; round < 2; round += 1) {
      for (let i = 0; i < 60; i += 1) {
        const res = await request(app)
          .post(CHECKER)
          .send(order(`AC-${i}`, [line('L1', '2001-P', 1 + (i % 7))]));
        const errors = (res.body as { action: string }[]).filter((e) => e.action === 'ERROR');
        // 2001-P has 5 in stock: carts of 6 and 7 units are refused, every time.
        expect(errors).toHaveLength(1 + (i % 7) > 5 ? 1 : 0);
      }
    }
    const budgets = (await request(app).get('/__admin/budgets')).body;
    expect(budgets.answerCaches.holdings).toBeGreaterThan(0);
    expect(budgets.answerCaches.usedBytes).toBeLessThanOrEqual(16 * KB);
    expect(budgets.answerCaches.limitBytes).toBe(16 * KB);
    // The former name stays, for the scripts that read it: the same budget.
    expect(budgets.searchCache).toEqual(budgets.answerCaches);
    await app.mock.close();
  });

  it.each([
    [
      'resetting',
      (app: MockApp) =>
        request(app).post('/__admin/sandboxes/cache-box/reset').set('content-type', 'application/json').expect(200),
    ],
    [
      'deleting',
      (app: MockApp) =>
        request(app).delete('/__admin/sandboxes/cache-box').set('content-type', 'application/json').expect(200),
    ],
  ])("gives back what a sandbox's cached cart answers held when %s it", async (_what, drop) => {
    const app = smallApp();
    const used = async (): Promise<number> =>
      ((await request(app).get('/__admin/budgets')).body as { answerCaches: { usedBytes: number } }).answerCaches
        .usedBytes;
    await request(app).post('/__admin/sandboxes').send({ name: 'cache-box' }).expect(201);
    const before = await used();
    // A cart is cached from its second sighting on.
    for (let i = 0; i < 20; i += 1)
      for (let seen = 0; seen < 2; seen += 1)
        await request(app)
          .post(`/sandboxes/cache-box${CHECKER}`)
          .send(order(`RC-${i}`, [line('L1', '2001-P', 1)]))
          .expect(200);
    expect(await used()).toBeGreaterThan(before + 20 * 1000);
    await drop(app);
    expect(await used()).toBe(before);
    await app.mock.close();
  });
});
