import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { CallbackSender, DEFAULT_CALLBACK_LIMITS, DEFAULT_CALLBACK_RETRY } from '../callbacks/sender';
import { Catalog } from '../domain/catalog';
import type { MockContext } from '../sandboxes/context';
import { loadFreightTable } from '../domain/freight';
import { loadCatalogFile } from '../domain/load-catalog';
import {
  DEFAULT_BASE_PATH,
  DEFAULT_CATALOG_PATH,
  DEFAULT_FREIGHT_PATH,
  DEFAULT_SCENARIOS_DIR,
  normalizeBasePath,
  type MockOptions,
} from './options';
import { createBudgets, DEFAULT_ADMIN_ANSWER_LIMIT_BYTES } from '../bounds/limits';
import { DEFAULT_MAX_ORDERS } from '../store/memory/order-store';
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
import { loadScenarios } from '../domain/scenarios';
import { MemoryVerifyHistory } from '../store/memory/verify-history';
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
  /** The runs of verify started from the QA console; undefined without a runner (the `verify` option). */
  verify?: VerifyRuns;
  /** Resolves once every callback started so far, in every store, has finished. */
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
  const basePath = normalizeBasePath(options.basePath ?? DEFAULT_BASE_PATH);
  const budgets =
    options.budgets ??
    createBudgets({ storeBytes: options.storeBudgetBytes, journalBytes: options.journalBudgetBytes });
  const shared: SharedParts = {
    catalog: new Catalog(
      options.products ?? loadCatalogFile(options.catalogPath ?? DEFAULT_CATALOG_PATH),
      budgets.searchCache,
    ),
    freight: loadFreightTable(options.freightPath ?? DEFAULT_FREIGHT_PATH),
    customScenarios: loadScenarios(options.scenariosDir ?? DEFAULT_SCENARIOS_DIR),
    budgets,
    adminAnswerLimitBytes: options.adminAnswerLimitBytes ?? DEFAULT_ADMIN_ANSWER_LIMIT_BYTES,
    basePath,
    publicUrl: options.publicUrl ?? 'http://127.0.0.1:4010',
    lenient: options.lenient === true,
    adminToken: options.adminToken,
    log: options.log,
    callbacks: new CallbackSender({
      ...DEFAULT_CALLBACK_RETRY,
      ...options.callbackRetry,
      ...DEFAULT_CALLBACK_LIMITS,
      ...options.callbackLimits,
    }),
    maxOrders: options.maxOrders ?? DEFAULT_MAX_ORDERS,
    historyLimit: options.historyLimit,
    waits: new Set(),
    streams: new Set(),
  };
  const sandboxes = new SandboxRegistry(
    shared,
    {
      checkout: options.checkout ?? 'omni',
      headers: options.auth ?? [],
      omnichatApi: options.omnichatApi,
      omnichatToken: options.omnichatToken,
      allowFreightChange: options.allowFreightChange !== false,
    },
    {
      max: options.maxSandboxes ?? DEFAULT_MAX_SANDBOXES,
      idleMs: options.sandboxIdleMs ?? DEFAULT_SANDBOX_IDLE_MS,
    },
  );
  const verify = options.verify
    ? new VerifyRuns(
        options.verify,
        options.verifyHistory ?? new MemoryVerifyHistory(),
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
    return name === undefined ? sandboxes.default : sandboxes.obtain(name);
  };
  const checkoutStore: ContextOf = (_req, res) => {
    const name = sandboxOf(res);
    return name === undefined ? sandboxes.default : sandboxes.existing(name);
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
  mountAdmin(admin, sandboxes, verify, { adminToken: options.adminToken, publicUrl: options.publicUrl });
  app.use('/__admin', admin);
  app.use('/__checkout', checkout);
  app.use((req: Request) => {
    throw new HttpProblem(
      'not-found',
      said('detail.noRoute', { method: req.method, path: req.path.slice(0, 200), base: basePath || '/', basePath }),
    );
  });
  app.use(renderError);

  const control: MockControl = {
    context: sandboxes.default,
    sandboxes,
    basePath,
    verify,
    idle: () => shared.callbacks.idle(),
    close: async () => {
      await verify?.close();
      sandboxes.close();
      for (const end of [...shared.waits, ...shared.streams]) end();
      await shared.callbacks.close();
    },
  };
  return Object.assign(app, { mock: control });
}

/** The one error middleware: every failure becomes problem+json, rendered as the plain listener renders it. */
function renderError(error: unknown, req: Request, res: Response, _next: NextFunction): void {
  renderFailure(error, req.method, req.path, res);
}
