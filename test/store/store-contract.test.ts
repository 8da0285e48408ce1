import type { MockStore, SandboxState, StoreChange } from '../../src/mock/store/mock-store';
import type { CallbackRequest } from '../../src/mock/store/callback-outbox';
import type { JournalEntry } from '../../src/mock/store/journal-entry';
import { ADAPTERS, type Bounds, type Opener } from './adapters';

// The store port's contract, run against every adapter: what the mock keeps, and how it changes,
// is the same whether it lives in memory or in PostgreSQL.

const settings = { checkout: 'omni' as const, headers: [], allowFreightChange: true };
const line = (objectId: string, variantId: string, quantity = 1): Record<string, unknown> => ({
  objectId,
  variantId,
  quantity,
});
const order = (objectId: string, items: Record<string, unknown>[]): { objectId: string; items: unknown[] } => ({
  objectId,
  items,
});
const callback = (objectId: string): CallbackRequest => ({
  callback: 'statusChange',
  url: `http://127.0.0.1:9/v2/orders/${objectId}/statusChange`,
  body: { status: 'ORDER_GATEWAY_PROVISIONED' },
  token: 'secret-token',
});
const request = (path: string): JournalEntry => ({
  at: '2026-12-01T00:00:00.000Z',
  method: 'GET',
  path,
  status: 200,
  durationMs: 1,
  headers: {},
});

describe.each(ADAPTERS)('the %s store', (_kind, open: Opener) => {
  let store: MockStore;
  let main: SandboxState;
  const opened: MockStore[] = [];
  const start = async (bounds?: Bounds): Promise<void> => {
    store = await open(bounds);
    opened.push(store);
    main = store.loaded('default') as SandboxState;
  };
  afterEach(async () => {
    for (const s of opened.splice(0)) await s.close();
  });

  describe('stores', () => {
    it('starts with the default store loaded, listed first', async () => {
      await start();
      expect(main.name).toBe('default');
      expect(main.config.settings).toEqual(settings);
      expect((await store.summaries()).map((s) => s.name)).toEqual(['default']);
    });

    it('creates a sandbox once, refuses the name again, and counts sandboxes against the bound', async () => {
      await start();
      const config = { settings: { ...settings, checkout: 'own' as const }, scenarios: {} };
      const made = await store.create('qa-ana', config, 2);
      expect(typeof made === 'object' && made.config).toEqual(config);
      expect(await store.create('qa-ana', config, 2)).toBe('exists');
      expect(await store.create('qa-ana', config, 2, true)).toBe(made);
      await store.create('qa-bia', config, 2);
      expect(await store.create('qa-cid', config, 2)).toBe('full');
      expect((await store.summaries()).map((s) => s.name)).toEqual(['default', 'qa-ana', 'qa-bia']);
      expect((await store.open('qa-bia'))?.config.settings.checkout).toBe('own');
      expect(await store.open('nobody')).toBeUndefined();
    });

    it('keeps a changed config, and forgets scenario defaults on reset but not the settings', async () => {
      await start();
      const changed = { settings: { ...settings, allowFreightChange: false }, scenarios: { productSearch: 'slow' } };
      await main.configure(changed);
      expect(main.config).toEqual(changed);
      await main.reset();
      expect(main.config).toEqual({ ...changed, scenarios: {} });
    });

    it('removes a sandbox with what it holds; the default store stays', async () => {
      await start();
      const box = (await store.create('gone-soon', { settings, scenarios: {} }, 5)) as SandboxState;
      await box.orders.create(order('R-1', [line('L1', '2001-P')]), { note: '' });
      expect(await store.remove('gone-soon')).toBe(true);
      expect(await store.open('gone-soon')).toBeUndefined();
      expect(await store.remove('default')).toBe(false);
      const again = (await store.create('gone-soon', { settings, scenarios: {} }, 5)) as SandboxState;
      expect(await again.orders.count()).toBe(0);
    });

    it('drops idle sandboxes, never one in use here, nor the default store', async () => {
      await start();
      await store.create('idle-a', { settings, scenarios: {} }, 5);
      await store.create('idle-b', { settings, scenarios: {} }, 5);
      const long = Date.now() - 3_600_000;
      const local = new Map([
        ['default', { lastUsed: long, inUse: false }],
        ['idle-a', { lastUsed: long, inUse: false }],
        ['idle-b', { lastUsed: long, inUse: true }],
      ]);
      const dropped = await store.dropIdle(Date.now() + 60_000, local);
      expect(dropped.map((d) => d.name)).toEqual(['idle-a']);
      expect((await store.summaries()).map((s) => s.name)).toEqual(['default', 'idle-b']);
    });
  });

  describe('stock', () => {
    it('reads stock at once and follows a change, a block and a reset', async () => {
      await start();
      expect(main.stock.stock('2001-P')).toBe(5);
      await main.setStock('2001-P', 0);
      expect(main.stock.stock('2001-P')).toBe(0);
      const position = main.stock.shared.positionOf('2001') as number;
      await main.setBlocked(position, true);
      expect(main.stock.blocked(position)).toBe(true);
      expect(main.stock.changes).toEqual({ variants: 1, products: 1 });
      await main.reset();
      expect(main.stock.stock('2001-P')).toBe(5);
      expect(main.stock.blocked(position)).toBe(false);
    });

    it('makes an untracked variant tracked when its stock is set', async () => {
      await start();
      expect(main.stock.stock('5001-1')).toBeUndefined();
      await main.setStock('5001-1', 7);
      expect(main.stock.stock('5001-1')).toBe(7);
    });
  });

  describe('orders', () => {
    it('reserves stock once per order, however often it is created, and releases it once', async () => {
      await start();
      const first = await main.orders.create(order('O-1', [line('L1', '2001-P', 2)]), { note: 'freight as quoted' });
      expect(first.isNew).toBe(true);
      expect(first.record.reservations).toEqual([{ sku: '2001-P', units: 2, line: 'L1' }]);
      expect(first.record.notes).toEqual(['freight as quoted']);
      expect(main.stock.stock('2001-P')).toBe(3);
      const again = await main.orders.create(order('O-1', [line('L1', '2001-P', 2)]), { note: 'x' });
      expect(again.isNew).toBe(false);
      expect(main.stock.stock('2001-P')).toBe(3);
      expect(main.orders.reservedBy('O-1')).toEqual(new Map([['2001-P', 2]]));
      expect((await main.orders.cancel('O-1'))?.status).toBe('CANCELLED');
      expect(main.stock.stock('2001-P')).toBe(5);
      await main.orders.cancel('O-1');
      expect(main.stock.stock('2001-P')).toBe(5);
      expect(main.orders.reservedBy('O-1').size).toBe(0);
      expect(await main.orders.cancel('nobody')).toBeUndefined();
    });

    it('never takes stock below zero: a line beyond stock reserves what there is and says so', async () => {
      await start();
      const { record } = await main.orders.create(order('O-2', [line('L1', '2001-M', 5), line('L2', 'no-such')]), {
        note: '',
      });
      expect(record.reservations).toEqual([{ sku: '2001-M', units: 3, line: 'L1' }]);
      expect(record.notes).toEqual([
        'line L1: 5 of 2001-M asked, 3 reserved (stock)',
        'line L2: variant no-such is not in the catalog, nothing reserved',
      ]);
      expect(main.stock.stock('2001-M')).toBe(0);
    });

    it('keeps the payload, its lines, and the history with the newest entries', async () => {
      await start({ historyLimit: 3 });
      await main.orders.create(order('O-3', [line('L1', '2002-1'), line('L2', '2002-1')]), {
        note: '',
        payload: Buffer.from(JSON.stringify(order('O-3', [line('L1', '2002-1'), line('L2', '2002-1')]))),
      });
      for (let i = 0; i < 5; i += 1)
        await main.orders.notify(order('O-3', []), { status: 'PAID', updatedAt: `2026-11-28T10:00:0${i}.000Z` });
      const record = await main.orders.get('O-3');
      expect(record?.lines).toBe(2);
      expect(JSON.parse(record?.payload.toString() ?? '{}')).toMatchObject({ objectId: 'O-3' });
      expect(record?.history).toHaveLength(3);
      expect(record?.historyDropped).toBe(3);
      expect(record?.status).toBe('PAID');
    });

    it('records a notification once per status and time, and a CANCELLED one releases stock once', async () => {
      await start();
      await main.orders.create(order('O-4', [line('L1', '2002-1', 4)]), { note: '' });
      expect(main.stock.stock('2002-1')).toBe(6);
      const change = { status: 'CANCELLED', updatedAt: '2026-11-28T10:00:00.000Z', responsible: 'omnichat' };
      expect((await main.orders.notify(order('O-4', []), change)).isNew).toBe(true);
      expect((await main.orders.notify(order('O-4', []), change)).isNew).toBe(false);
      await main.orders.cancel('O-4');
      expect(main.stock.stock('2002-1')).toBe(10);
      const history = (await main.orders.get('O-4'))?.history.map((h) => h.event);
      // Cancelled by the notification already: the cancellation adds nothing, and releases nothing more.
      expect(history).toEqual(['created', 'notified']);
    });

    it('knows an order first seen in a notification, and a CANCELLED one then holds nothing when created', async () => {
      await start();
      await main.orders.notify(order('O-5', []), { status: 'CANCELLED', updatedAt: 1 });
      expect((await main.orders.get('O-5'))?.created).toBe(false);
      const { isNew, record } = await main.orders.create(order('O-5', [line('L1', '2002-1', 2)]), { note: '' });
      expect(isNew).toBe(true);
      expect(record.reservations).toEqual([]);
      expect(main.stock.stock('2002-1')).toBe(10);
    });

    it('forgets the oldest order past its bound and gives its stock back', async () => {
      await start({ maxOrders: 2 });
      for (const id of ['a', 'b', 'c']) await main.orders.create(order(id, [line('L1', '2002-1')]), { note: '' });
      expect((await main.orders.list()).map((o) => o.objectId)).toEqual(['b', 'c']);
      expect(await main.orders.count()).toBe(2);
      expect(main.stock.stock('2002-1')).toBe(8);
      expect(main.orders.reservedBy('a').size).toBe(0);
    });

    it('lists orders oldest first with their lines and callback outcomes', async () => {
      await start();
      await main.orders.create(order('L-1', [line('L1', '2002-1'), line('L2', '2002-1')]), { note: '' });
      await main.orders.create(order('L-2', []), { note: '', callback: callback('L-2') });
      expect(await main.orders.list()).toEqual([
        { objectId: 'L-1', status: 'CREATED', created: true, lines: 2, callbacks: [] },
        { objectId: 'L-2', status: 'CREATED', created: true, lines: 0, callbacks: [{ outcome: 'pending' }] },
      ]);
    });

    it('keeps each store apart', async () => {
      await start();
      const box = (await store.create('apart', { settings, scenarios: {} }, 5)) as SandboxState;
      await box.orders.create(order('A-1', [line('L1', '2001-P', 5)]), { note: '' });
      expect(box.stock.stock('2001-P')).toBe(0);
      expect(main.stock.stock('2001-P')).toBe(5);
      expect(await main.orders.get('A-1')).toBeUndefined();
    });
  });

  describe('quotes', () => {
    it('keeps the last quote of a cart, and forgets it', async () => {
      await start();
      const quote = { options: [{ shippingMethod: 'SEDEX', name: 'Sedex', freightCost: 49.8 }], selected: 'SEDEX' };
      await main.quotes.keep('Q-1', quote);
      expect(await main.quotes.get('Q-1')).toEqual(quote);
      await main.quotes.keep('Q-1', undefined);
      expect(await main.quotes.get('Q-1')).toBeUndefined();
    });
  });

  describe('journal', () => {
    it('keeps the last 1,000 requests, oldest dropped first, numbered in order', async () => {
      await start();
      for (let i = 1; i <= 1005; i += 1) main.journal.add(request(`/${i}`));
      const entries = await main.journal.entries();
      expect(entries).toHaveLength(1000);
      expect(entries[0].path).toBe('/6');
      expect(entries.at(-1)?.path).toBe('/1005');
      expect(entries.map((e) => e.seq)).toEqual(Array.from({ length: 1000 }, (_, i) => i + 6));
      expect(await main.journal.count()).toBe(1000);
      expect((await main.journal.after(1003)).map((e) => e.path)).toEqual(['/1004', '/1005']);
      // A number past the last means the store started again: everything is new.
      expect(await main.journal.after(5000)).toHaveLength(1000);
    });

    it('forgets the journal on reset, and numbers on from where it was', async () => {
      await start();
      main.journal.add(request('/a'));
      expect(await main.journal.count()).toBe(1);
      await main.reset();
      expect(await main.journal.entries()).toEqual([]);
      main.journal.add(request('/b'));
      expect((await main.journal.entries()).map((e) => e.seq)).toEqual([2]);
    });
  });

  describe('callback outbox', () => {
    it('queues a callback with its order, gives it to one taker, and records each attempt and the outcome', async () => {
      await start();
      // PostgreSQL tells of a change by NOTIFY, some time after the commit: wait for it, not for a number of turns.
      const told = new Promise<StoreChange>((resolve) =>
        store.watch((change) => {
          if (change.kind === 'order') resolve(change);
        }),
      );
      await main.orders.create(order('C-1', []), { note: '', callback: callback('C-1') });
      expect(await store.outbox.pending()).toBe(1);
      expect(await store.outbox.pending('default')).toBe(1);
      const [due] = await store.outbox.claim(5, Date.now());
      expect(due).toMatchObject({ sandbox: 'default', objectId: 'C-1', token: 'secret-token', attempts: 0 });
      expect(await store.outbox.claim(5, Date.now())).toEqual([]);
      await store.outbox.settle(due, { at: new Date().toISOString(), status: 503 }, { retryAt: Date.now() });
      const [retry] = await store.outbox.claim(5, Date.now() + 1000);
      expect(retry.attempts).toBe(1);
      await store.outbox.settle(retry, { at: new Date().toISOString(), status: 200 }, { outcome: 'delivered' });
      expect(await store.outbox.pending()).toBe(0);
      const record = await main.orders.get('C-1');
      expect(record?.callbacks).toEqual([
        expect.objectContaining({
          callback: 'statusChange',
          outcome: 'delivered',
          attempts: [expect.objectContaining({ status: 503 }), expect.objectContaining({ status: 200 })],
        }),
      ]);
      expect(record?.history.at(-1)).toMatchObject({ event: 'callback', message: 'delivered after 2 attempts' });
      expect(JSON.stringify(record)).not.toContain('secret-token');
      expect(await told).toEqual({ kind: 'order', sandbox: 'default', objectId: 'C-1' });
    });

    it('records a callback past the outbox bounds as not sent, on its order', async () => {
      await start({ callbacks: { inFlight: 1, queued: 1 } });
      for (const id of ['F-1', 'F-2', 'F-3'])
        await main.orders.create(order(id, []), { note: '', callback: callback(id) });
      const third = await main.orders.get('F-3');
      expect(third?.callbacks[0].outcome).toBe('failed');
      expect(third?.callbacks[0].attempts[0].error).toMatch(
        /^not sent: the callback queue is full \(1 in flight, 1 waiting\)/,
      );
      expect(third?.history.at(-1)?.message).toMatch(/^not sent: the callback queue is full/);
      expect(await store.outbox.pending()).toBe(2);
    });

    it('queues a re-send only for a created order without a callback under way', async () => {
      await start();
      await main.orders.notify(order('S-0', []), { status: 'PAID', updatedAt: 1 });
      expect(await main.orders.resend('S-0', callback('S-0'))).toEqual({ refused: 'not-created' });
      expect(await main.orders.resend('nobody', callback('x'))).toEqual({ refused: 'unknown-order' });
      await main.orders.create(order('S-1', []), { note: '', callback: callback('S-1') });
      expect(await main.orders.resend('S-1', callback('S-1'))).toEqual({ refused: 'pending' });
      const [due] = await store.outbox.claim(1, Date.now());
      await store.outbox.settle(due, { at: new Date().toISOString(), status: 400 }, { outcome: 'failed' });
      expect(await main.orders.resend('S-1', callback('S-1'))).toEqual({ index: 1 });
      expect(await store.outbox.pending('default')).toBe(1);
    });
  });
});
