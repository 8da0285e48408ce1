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
  router.get('/orders', (_req, res) => json(res, ctx.store.list().map(summary)));
  router.get('/orders/:id', (req, res) => {
    const record = ctx.store.get(String(req.params.id));
    if (!record)
      throw new HttpProblem(
        'order-not-found',
        `no order with objectId ${JSON.stringify(String(req.params.id).slice(0, 80))}`,
      );
    json(res, detail(record));
  });
  router.get('/requests', (_req, res) => json(res, ctx.journal.entries()));
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
    callbacks: record.callbacks,
    notes: record.notes,
  };
}
