import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { AnswerCache } from './answer-cache';
import { HeaderAuth } from './auth';
import { callbackHistoryEntry, CallbackSender, DEFAULT_CALLBACK_LIMITS, DEFAULT_CALLBACK_RETRY } from './callbacks';
import { Catalog } from './catalog';
import type { MockContext } from './context';
import { loadFreightTable } from './freight';
import { Journal, JOURNAL_SIZE } from './journal';
import { loadCatalogFile } from './load-catalog';
import {
  DEFAULT_BASE_PATH,
  DEFAULT_CATALOG_PATH,
  DEFAULT_FREIGHT_PATH,
  DEFAULT_SCENARIOS_DIR,
  normalizeBasePath,
  type MockOptions,
} from './options';
import { createBudgets, DEFAULT_ADMIN_ANSWER_LIMIT_BYTES } from './limits';
import { DEFAULT_MAX_ORDERS, OrderStore } from './order-store';
import { HttpProblem } from './problems';
import { mountAdmin } from './routes/admin';
import { mountCheckout } from './routes/checkout';
import { createObserver, observeRequests } from './routes/observe';
import { mountOperations } from './routes/operations';
import { renderFailure } from './routes/respond';
import { loadScenarios, Scenarios } from './scenarios';

/** The handles tests and the CLI use besides HTTP: state to inspect, callbacks to await, and close(). */
export interface MockControl {
  context: MockContext;
  /** Where the five operations live ('' for the root), as normalized. */
  basePath: string;
  /** Resolves once every callback started so far has finished. */
  idle(): Promise<void>;
  /** Stops callbacks and delayed answers; call it when the server closes. */
  close(): Promise<void>;
}

export type MockApp = Express & { mock: MockControl };

/** Builds the mock merchant's express app (it does not listen: only the CLI does). */
export function createMockApp(options: MockOptions = {}): MockApp {
  const basePath = normalizeBasePath(options.basePath ?? DEFAULT_BASE_PATH);
  const budgets =
    options.budgets ??
    createBudgets({ storeBytes: options.storeBudgetBytes, journalBytes: options.journalBudgetBytes });
  const catalog = new Catalog(
    options.products ?? loadCatalogFile(options.catalogPath ?? DEFAULT_CATALOG_PATH),
    budgets.searchCache,
  );
  const store = new OrderStore(catalog, options.maxOrders ?? DEFAULT_MAX_ORDERS, {
    budget: budgets.store,
    historyLimit: options.historyLimit,
  });
  const callbacks = new CallbackSender(
    {
      omnichatApi: options.omnichatApi,
      omnichatToken: options.omnichatToken,
      checkout: options.checkout ?? 'omni',
      publicUrl: options.publicUrl ?? 'http://127.0.0.1:4010',
      ...DEFAULT_CALLBACK_RETRY,
      ...options.callbackRetry,
      ...DEFAULT_CALLBACK_LIMITS,
      ...options.callbackLimits,
    },
    (record, callback) => store.addHistory(record, callbackHistoryEntry(callback)),
  );
  const ctx: MockContext = {
    catalog,
    freight: loadFreightTable(options.freightPath ?? DEFAULT_FREIGHT_PATH),
    store,
    checkerAnswers: new AnswerCache(budgets.searchCache),
    journal: new Journal(JOURNAL_SIZE, budgets.journal),
    budgets,
    adminAnswerLimitBytes: options.adminAnswerLimitBytes ?? DEFAULT_ADMIN_ANSWER_LIMIT_BYTES,
    scenarios: new Scenarios(loadScenarios(options.scenariosDir ?? DEFAULT_SCENARIOS_DIR)),
    callbacks,
    auth: new HeaderAuth(options.auth ?? []),
    lenient: options.lenient === true,
    adminToken: options.adminToken,
    log: options.log,
    waits: new Set(),
  };

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(observeRequests(createObserver(ctx)));
  const operations = express.Router({ caseSensitive: false, strict: false });
  mountOperations(operations, ctx);
  app.use(basePath || '/', operations);
  const admin = express.Router();
  mountAdmin(admin, ctx);
  app.use('/__admin', admin);
  const checkout = express.Router();
  mountCheckout(checkout, ctx);
  app.use('/__checkout', checkout);
  app.use((req: Request) => {
    throw new HttpProblem(
      'not-found',
      `no route ${req.method} ${req.path.slice(0, 200)}; the five operations live under ${basePath || '/'} (see merchant-kit contracts)`,
    );
  });
  app.use(renderError);

  const control: MockControl = {
    context: ctx,
    basePath,
    idle: () => callbacks.idle(),
    close: async () => {
      for (const end of [...ctx.waits]) end();
      await callbacks.close();
    },
  };
  return Object.assign(app, { mock: control });
}

/** The one error middleware: every failure becomes problem+json, rendered as the plain listener renders it. */
function renderError(error: unknown, req: Request, res: Response, _next: NextFunction): void {
  renderFailure(error, req.method, req.path, res);
}
