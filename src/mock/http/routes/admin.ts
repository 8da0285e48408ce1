import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { OPERATION_IDS, isOperationId } from '../../../contracts';
import { secretMatches } from '../../sandboxes/auth';
import type { MockContext } from '../../sandboxes/context';
import { readJsonBody } from '../json-body';
import type { OrderSummary } from '../../store/mock-store';
import { orderItems, type OrderRecord } from '../../store/order-record';
import { said } from '../../i18n';
import { HttpProblem } from '../../errors/problems';
import type { RequestNotes } from '../pipeline';
import { resetStore, setScenarioDefault } from '../../sandboxes/sandbox';
import type { SandboxRegistry } from '../../sandboxes/sandboxes';
import { sendJsonText } from './respond';
import { mountCallbackResend } from './admin-callbacks';
import { adminGuard, type AdminGuardOptions } from './admin-guard';
import { mountEvents, type ContextOf } from './admin-events';
import { mountSandboxes } from './admin-sandboxes';
import { mountStock } from './admin-stock';
import { mountDashboard } from './dashboard';
import { journalView } from './previews';
import { mountVerifyRuns, type VerifyAccess } from './admin-verify';
import type { VerifyRuns } from '../verify-runs';

/** Where the admin routes leave the store a request is about. */
interface AdminLocals {
  adminStore?: MockContext;
}

/**
 * Mounts the admin API on a router served at /__admin: the guard against other sites (before anything,
 * see adminGuard), the dashboard (before the token check: the page holds no data), the token check, the
 * sandboxes, and each store's resources, at /__admin for the default store and at
 * /__admin/sandboxes/{name} for every sandbox (`default` included).
 */
export function mountAdmin(
  router: Router,
  sandboxes: SandboxRegistry,
  verify?: VerifyRuns,
  access: AdminGuardOptions & VerifyAccess = {},
): void {
  const adminToken = sandboxes.default.adminToken;
  router.use(adminGuard(access));
  mountDashboard(router);
  router.use((req: Request, res: Response, next: NextFunction) => {
    if (adminToken === undefined) return next();
    const header = req.headers.authorization;
    const presented = header?.startsWith('Bearer ') ? header.slice('Bearer '.length) : undefined;
    if (!secretMatches(presented, adminToken)) {
      (res.locals as RequestNotes).unlogged = true;
      throw new HttpProblem('unauthorized', said('admin.unauthorized'));
    }
    next();
  });
  mountSandboxes(router, sandboxes);
  mountVerifyRuns(router, verify, access);
  const perStore = express.Router({ mergeParams: true });
  const storeOf: ContextOf = (_req, res) => (res.locals as AdminLocals).adminStore ?? sandboxes.default;
  mountStoreResources(perStore, storeOf, verify);
  router.use(
    '/sandboxes/:name',
    async (req: Request, res: Response, next: NextFunction) => {
      const ctx = await sandboxes.existing(String(req.params.name));
      ctx.usage.lastUsed = Date.now();
      (res.locals as AdminLocals).adminStore = ctx;
      next();
    },
    perStore,
  );
  router.use(perStore);
}

/** The resources every store has: orders, journal, live events, budgets, reset, scenarios, stock. */
function mountStoreResources(router: Router, storeOf: ContextOf, verify?: VerifyRuns): void {
  router.get('/orders', async (req, res) => {
    const ctx = await storeOf(req, res);
    jsonList(res, await ctx.store.list(), summary, ctx.adminAnswerLimitBytes);
  });
  router.get('/orders/:id', async (req, res) => {
    const record = await (await storeOf(req, res)).store.get(String(req.params.id));
    if (!record)
      throw new HttpProblem(
        'order-not-found',
        said('detail.noOrder', { id: JSON.stringify(String(req.params.id).slice(0, 80)) }),
      );
    json(res, detail(record));
  });
  router.get('/requests', async (req, res) => {
    const ctx = await storeOf(req, res);
    jsonList(res, await ctx.journal.entries(), journalView, ctx.adminAnswerLimitBytes);
  });
  router.get('/budgets', async (req, res) => {
    const ctx = await storeOf(req, res);
    const { store, journal, answerCaches } = ctx.budgets;
    json(res, {
      store: { ...store.usage(), orders: await ctx.store.count() },
      journal: { ...journal.usage(), entries: await ctx.journal.count() },
      answerCaches: answerCaches.usage(),
      // The same budget by its former name, kept for scripts that read it.
      searchCache: answerCaches.usage(),
      adminAnswerLimitBytes: ctx.adminAnswerLimitBytes,
    });
  });
  router.post('/reset', async (req, res) => {
    await resetStore(await storeOf(req, res));
    json(res, { result: 'ok' });
  });
  router.get('/scenarios', async (req, res) => {
    const ctx = await storeOf(req, res);
    json(res, {
      defaults: ctx.scenarios.defaultsView(),
      available: Object.fromEntries(OPERATION_IDS.map((op) => [op, ctx.scenarios.available(op)])),
    });
  });
  router.put('/scenarios/:operation', async (req, res) => {
    const ctx = await storeOf(req, res);
    const operation = String(req.params.operation);
    if (!isOperationId(operation))
      throw new HttpProblem(
        'bad-admin-request',
        said('admin.unknownOperation', {
          name: JSON.stringify(operation.slice(0, 60)),
          operations: OPERATION_IDS.join(', '),
        }),
      );
    const body = await readJsonBody(req);
    const scenario = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).scenario : undefined;
    if (scenario !== null && typeof scenario !== 'string') {
      throw new HttpProblem('bad-admin-request', said('admin.scenarioBody'));
    }
    await setScenarioDefault(ctx, operation, scenario ?? undefined);
    json(res, { operation, scenario });
  });
  mountEvents(router, storeOf, verify);
  mountStock(router, storeOf);
  mountCallbackResend(router, storeOf);
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

function summary(record: OrderSummary): Record<string, unknown> {
  return {
    objectId: record.objectId,
    status: record.status,
    created: record.created,
    lines: record.lines,
    callbacks: record.callbacks.map((c) => c.outcome),
  };
}

function detail(record: OrderRecord): Record<string, unknown> {
  return {
    objectId: record.objectId,
    status: record.status,
    created: record.created,
    items: orderItems(record),
    reservations: record.reservations,
    stockReleased: record.released,
    statusHistory: record.history,
    statusHistoryDropped: record.historyDropped,
    callbacks: record.callbacks,
    notes: record.notes,
  };
}
