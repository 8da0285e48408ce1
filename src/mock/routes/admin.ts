import type { Request, Response, Router } from 'express';
import { OPERATION_IDS, isOperationId } from '../../contracts';
import { secretMatches } from '../auth';
import type { MockContext } from '../context';
import { readJsonBody } from '../json-body';
import type { OrderRecord } from '../order-store';
import { HttpProblem } from '../problems';
import type { RequestNotes } from '../pipeline';
import { sendJsonText } from './respond';
import { mountCallbackResend } from './admin-callbacks';
import { mountEvents, type ContextOf } from './admin-events';
import { mountSandboxes } from './admin-sandboxes';
import { mountStock } from './admin-stock';
import { mountDashboard } from './dashboard';

/** Mounts the admin API (orders, journal, reset, default scenarios) on a router served at /__admin. */
export function mountAdmin(router: Router, ctx: MockContext): void {
  mountDashboard(router);
  router.use((req: Request, res: Response, next) => {
    if (ctx.adminToken === undefined) return next();
    const header = req.headers.authorization;
    const presented = header?.startsWith('Bearer ') ? header.slice('Bearer '.length) : undefined;
    if (!secretMatches(presented, ctx.adminToken)) {
      (res.locals as RequestNotes).unlogged = true;
      throw new HttpProblem('unauthorized', 'the admin API needs Authorization: Bearer <the --admin-token value>');
    }
    next();
  });
  router.get('/orders', (_req, res) => jsonList(res, ctx.store.list(), summary, ctx.adminAnswerLimitBytes));
  router.get('/orders/:id', (req, res) => {
    const record = ctx.store.get(String(req.params.id));
    if (!record)
      throw new HttpProblem(
        'order-not-found',
        `no order with objectId ${JSON.stringify(String(req.params.id).slice(0, 80))}`,
      );
    json(res, detail(record));
  });
  router.get('/requests', (_req, res) => jsonList(res, ctx.journal.entries(), (e) => e, ctx.adminAnswerLimitBytes));
  router.get('/budgets', (_req, res) => {
    const { store, journal, searchCache } = ctx.budgets;
    json(res, {
      store: { ...store.usage(), orders: ctx.store.list().length },
      journal: { ...journal.usage(), entries: ctx.journal.entries().length },
      searchCache: searchCache.usage(),
      adminAnswerLimitBytes: ctx.adminAnswerLimitBytes,
    });
  });
  router.post('/reset', (_req, res) => {
    ctx.store.reset();
    ctx.journal.clear();
    ctx.scenarios.clearDefaults();
    ctx.quotes.clear();
    ctx.events.publish({ kind: 'reset' });
    json(res, { result: 'ok' });
  });
  router.get('/scenarios', (_req, res) => {
    json(res, {
      defaults: ctx.scenarios.defaultsView(),
      available: Object.fromEntries(OPERATION_IDS.map((op) => [op, ctx.scenarios.available(op)])),
    });
  });
  router.put('/scenarios/:operation', async (req, res) => {
    const operation = String(req.params.operation);
    if (!isOperationId(operation))
      throw new HttpProblem(
        'bad-admin-request',
        `unknown operation ${JSON.stringify(operation.slice(0, 60))}: use one of ${OPERATION_IDS.join(', ')}`,
      );
    const body = await readJsonBody(req);
    const scenario = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).scenario : undefined;
    if (scenario !== null && typeof scenario !== 'string') {
      throw new HttpProblem(
        'bad-admin-request',
        'send {"scenario": "NAME"} to set a default scenario, or {"scenario": null} to clear it',
      );
    }
    ctx.scenarios.setDefault(operation, scenario ?? undefined);
    json(res, { operation, scenario });
  });
  const contextOf: ContextOf = () => ctx;
  mountEvents(router, contextOf);
  mountStock(router, contextOf);
  mountCallbackResend(router, contextOf);
  mountSandboxes(router, () => [ctx]);
}

function json(res: Response, value: unknown): void {
  sendJsonText(res, 200, JSON.stringify(value));
}

/**
 * A JSON array of the newest items whose JSON fits in `limit` bytes, oldest first, serialized one by
 * one so that a long list is never built whole. X-Total-Count says how many there are, X-Omitted-Count
 * how many of the oldest were left out.
 */
function jsonList<T>(res: Response, items: T[], view: (item: T) => unknown, limit: number): void {
  const parts: string[] = [];
  let bytes = 2;
  for (let i = items.length - 1; i >= 0; i -= 1) {
    const text = JSON.stringify(view(items[i]));
    const size = Buffer.byteLength(text) + (parts.length > 0 ? 1 : 0);
    if (bytes + size > limit) break;
    parts.push(text);
    bytes += size;
  }
  res.setHeader('x-total-count', String(items.length));
  if (parts.length < items.length) res.setHeader('x-omitted-count', String(items.length - parts.length));
  sendJsonText(res, 200, `[${parts.reverse().join(',')}]`);
}

function summary(record: OrderRecord): Record<string, unknown> {
  return {
    objectId: record.objectId,
    status: record.status,
    created: record.created,
    lines: Array.isArray(record.order.items) ? record.order.items.length : 0,
    callbacks: record.callbacks.map((c) => c.outcome),
  };
}

function detail(record: OrderRecord): Record<string, unknown> {
  return {
    objectId: record.objectId,
    status: record.status,
    created: record.created,
    items: Array.isArray(record.order.items) ? record.order.items : [],
    reservations: record.reservations,
    stockReleased: record.released,
    statusHistory: record.history,
    statusHistoryDropped: record.historyDropped,
    callbacks: record.callbacks,
    notes: record.notes,
  };
}
