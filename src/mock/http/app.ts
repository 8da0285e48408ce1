import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { CallbackWorker } from '../callbacks/worker';
import type { MockContext } from '../sandboxes/context';
import { loadFreightTable } from '../domain/freight';
import { DEFAULT_FREIGHT_PATH, type MockOptions } from './options';
import { DEFAULT_ADMIN_ANSWER_LIMIT_BYTES } from '../bounds/limits';
import { MemoryStore } from '../store/memory/memory-store';
import { openStore } from '../store/open-store';
import { journalView } from './routes/previews';
import type { MockStore } from '../store/mock-store';
import { mockParts, type MockParts } from './mock-parts';
import type { RequestNotes } from './pipeline';
import { said } from '../i18n';
import { HttpProblem } from '../errors/problems';
import { mountAdmin } from './routes/admin';
import type { ContextOf } from './routes/admin-events';
import { mountCheckout } from './routes/checkout';
import { createObserver, observeRequests } from './routes/observe';
import { mountOperations } from './routes/operations';
import { renderFailure } from './routes/respond';
import type { SharedParts } from '../sandboxes/sandbox';
import {
  checkSandboxName,
  DEFAULT_MAX_SANDBOXES,
  DEFAULT_SANDBOX_IDLE_MS,
  SandboxRegistry,
} from '../sandboxes/sandboxes';
import { DEFAULT_VERIFY_HISTORY_BYTES, DEFAULT_VERIFY_HISTORY_RUNS } from '../store/verify-history';
import {
  DEFAULT_MAX_VERIFY_RUNS,
  DEFAULT_VERIFY_TIME_LIMIT_MS,
  MAX_QUEUED_VERIFY_RUNS,
  VerifyRuns,
} from './verify-runs';

/** Where merchants call back during a run from the QA console: a path of this server, outside the admin API. */
export const VERIFY_CALLBACK_PATH = '/__verify/callbacks';

/** The handles tests and the CLI use besides HTTP: state to inspect, callbacks to await, and close(). */
export interface MockControl {
  /** The default store (the plain base path). */
  context: MockContext;
  /** Every store: the default one and the named sandboxes. */
  sandboxes: SandboxRegistry;
  /** Where the five operations live ('' for the root), as normalized. */
  basePath: string;
  /** Where the state lives (memory, or PostgreSQL shared with other replicas). */
  store: MockStore;
  /** The runs of verify started from the QA console; undefined without a runner (the `verify` option). */
  verify?: VerifyRuns;
  /** Resolves once every callback queued so far, in every store, has finished. */
  idle(): Promise<void>;
  /** Stops callbacks, delayed answers, live streams and the idle sweep; call it when the server closes. */
  close(): Promise<void>;
}

export type MockApp = Express & { mock: MockControl };

/** Where the sandbox gate leaves the name of the sandbox a request's path names. */
interface SandboxLocals {
  sandbox?: string;
}

/**
 * Builds the mock merchant's express app; it does not listen (`merchant-kit serve` does, or your test
 * does). `app.mock.close()` stops its callbacks and delayed answers when you are done.
 *
 * @example
 * // In a test, through supertest: no port, no CLI.
 * const request = require('supertest');
 * const { createMockApp } = require('omnichat-merchant-kit/mock');
 * const app = createMockApp({ auth: [{ key: 'Authorization', value: 'Bearer T' }] });
 * const res = await request(app).get('/v1/products/productsearch?query=camiseta').set('Authorization', 'Bearer T');
 * console.log(res.status, res.body.length); // 200 and the first page of products
 * await app.mock.close();
 */
export function createMockApp(options: MockOptions = {}): MockApp {
  if (options.store !== undefined && options.store.trim() !== 'memory')
    throw new TypeError(
      'createMockApp keeps its state in memory: open a database store with await openMockApp({ store })',
    );
  const parts = mockParts(options);
  return assembleMockApp(parts, new MemoryStore(parts.storeOptions));
}

/**
 * Builds the mock app over the store `options.store` names: memory (the default, as createMockApp), or
 * a PostgreSQL database shared by every replica given the same URL, migrated and loaded before it
 * resolves. Rejects with a StoreOpenError (what is wrong, and the fix) when the database cannot be used.
 *
 * @example
 * // Every replica given the same URL shares one store: MERCHANT_KIT_STORE=postgres://USER@HOST:5432/DB
 * const http = require('node:http');
 * const { openMockApp, createMockListener } = require('omnichat-merchant-kit/mock');
 * const app = await openMockApp({ store: process.env.MERCHANT_KIT_STORE });
 * const server = http.createServer(createMockListener(app));
 * await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
 * const res = await fetch(`http://127.0.0.1:${server.address().port}/__admin/sandboxes`);
 * console.log(res.status, (await res.json()).sandboxes[0].name); // 200 default
 * server.close();
 * await app.mock.close();
 */
export async function openMockApp(options: MockOptions = {}): Promise<MockApp> {
  const parts = mockParts(options);
  const { budgets } = parts.storeOptions;
  const store = await openStore(options.store ?? 'memory', parts.storeOptions, {
    journalView,
    storeBudgetBytes: budgets.store.limitBytes,
    journalBudgetBytes: budgets.journal.limitBytes,
  });
  return assembleMockApp(parts, store);
}

/**
 * The express app over the given parts and an open store (memory, or PostgreSQL opened by
 * `openMockApp`): every sandbox, route and the callback worker. `close()` closes the store too.
 */
export function assembleMockApp(parts: MockParts, store: MockStore): MockApp {
  const { options, basePath } = parts;
  const worker = new CallbackWorker(store.outbox, parts.sender);
  const shared: SharedParts = {
    catalog: parts.storeOptions.catalog,
    freight: loadFreightTable(options.freightPath ?? DEFAULT_FREIGHT_PATH),
    customScenarios: parts.customScenarios,
    budgets: parts.storeOptions.budgets,
    adminAnswerLimitBytes: options.adminAnswerLimitBytes ?? DEFAULT_ADMIN_ANSWER_LIMIT_BYTES,
    basePath,
    publicUrl: options.publicUrl ?? 'http://127.0.0.1:4010',
    lenient: options.lenient === true,
    adminToken: options.adminToken,
    log: options.log,
    store,
    worker,
    waits: new Set(),
    streams: new Set(),
  };
  const sandboxes = new SandboxRegistry(shared, parts.storeOptions.defaults.settings, {
    max: options.maxSandboxes ?? DEFAULT_MAX_SANDBOXES,
    idleMs: options.sandboxIdleMs ?? DEFAULT_SANDBOX_IDLE_MS,
  });
  const verify = options.verify
    ? new VerifyRuns(
        options.verify,
        // Kept where the store keeps its state: in memory, or in the database every replica shares.
        options.verifyHistory ??
          store.verifyHistory({
            maxRuns: options.verifyHistoryRuns ?? DEFAULT_VERIFY_HISTORY_RUNS,
            maxBytes: options.verifyHistoryBytes ?? DEFAULT_VERIFY_HISTORY_BYTES,
          }),
        `${shared.publicUrl.replace(/\/+$/, '')}${VERIFY_CALLBACK_PATH}`,
        {
          maxRunning: options.verifyLimits?.maxRunning ?? DEFAULT_MAX_VERIFY_RUNS,
          maxQueued: options.verifyLimits?.maxQueued ?? MAX_QUEUED_VERIFY_RUNS,
          timeLimitMs: options.verifyLimits?.timeLimitMs ?? DEFAULT_VERIFY_TIME_LIMIT_MS,
        },
      )
    : undefined;
  const sandboxOf = (res: Response): string | undefined => (res.locals as SandboxLocals).sandbox;
  // Operations create their sandbox on first use; the checkout page only reads an existing one.
  const operationStore: ContextOf = (_req, res) => {
    const name = sandboxOf(res);
    return name === undefined ? sandboxes.default : (sandboxes.get(name) ?? sandboxes.obtain(name));
  };
  const checkoutStore: ContextOf = (_req, res) => {
    const name = sandboxOf(res);
    return name === undefined ? sandboxes.default : (sandboxes.get(name) ?? sandboxes.existing(name));
  };

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(observeRequests(createObserver(sandboxes)));
  const operations = express.Router({ caseSensitive: false, strict: false });
  mountOperations(operations, operationStore);
  const checkout = express.Router();
  mountCheckout(checkout, checkoutStore);
  // Sandboxes first: with the base path at the root, the default store's router would see their paths too.
  const sandbox = express.Router({ mergeParams: true });
  sandbox.use(basePath || '/', operations);
  sandbox.use('/__checkout', checkout);
  // A merchant's callback during a run from the QA console: no admin token (the merchant has none).
  app.use(VERIFY_CALLBACK_PATH, (req: Request, res: Response) => {
    if (!verify) throw new HttpProblem('verify-unavailable', said('admin.verifyUnavailable'));
    verify.acceptCallback(req, res, req.url);
  });
  app.use(
    '/sandboxes/:name',
    (req: Request, res: Response, next: NextFunction) => {
      const name = String(req.params.name);
      checkSandboxName(name);
      (res.locals as SandboxLocals).sandbox = name;
      // A request to an existing sandbox is journaled there whatever its answer (a 404, a 405).
      const known = sandboxes.get(name);
      if (known) (res.locals as RequestNotes).store = known;
      next();
    },
    sandbox,
  );
  app.use(basePath || '/', operations);
  const admin = express.Router();
  mountAdmin(admin, sandboxes, verify, {
    adminToken: options.adminToken,
    publicUrl: options.publicUrl,
    hostNames: options.hostNames,
  });
  app.use('/__admin', admin);
  app.use('/__checkout', checkout);
  app.use((req: Request) => {
    throw new HttpProblem(
      'not-found',
      said('detail.noRoute', { method: req.method, path: req.path.slice(0, 200), base: basePath || '/', basePath }),
    );
  });
  app.use(renderError);

  let closing: Promise<void> | undefined;
  const control: MockControl = {
    context: sandboxes.default,
    sandboxes,
    basePath,
    store,
    verify,
    idle: () => worker.idle(),
    close: () => {
      closing ??= (async () => {
        await verify?.close();
        sandboxes.close();
        for (const end of [...shared.waits, ...shared.streams]) end();
        await worker.close();
        await store.close();
      })();
      return closing;
    },
  };
  return Object.assign(app, { mock: control });
}

/** The one error middleware: every failure becomes problem+json, rendered as the plain listener renders it. */
function renderError(error: unknown, req: Request, res: Response, _next: NextFunction): void {
  renderFailure(error, req.method, req.path, res);
}
