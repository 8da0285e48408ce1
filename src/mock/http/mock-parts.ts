import type { OperationId } from '../../contracts';
import { createBudgets, type MockBudgets } from '../bounds/limits';
import { DEFAULT_CALLBACK_LIMITS, DEFAULT_CALLBACK_RETRY, type SenderConfig } from '../callbacks/worker';
import { Catalog } from '../domain/catalog';
import { loadCatalogFile } from '../domain/load-catalog';
import { loadScenarios, type CustomScenario } from '../domain/scenarios';
import { DEFAULT_MAX_ORDERS } from '../store/memory/order-store';
import type { StoreOptions } from '../store/memory/memory-store';
import {
  DEFAULT_BASE_PATH,
  DEFAULT_CATALOG_PATH,
  DEFAULT_SCENARIOS_DIR,
  normalizeBasePath,
  type MockOptions,
} from './options';

/** What a mock app is built from, worked out from its options before any store is opened. */
export interface MockParts {
  options: MockOptions;
  basePath: string;
  customScenarios: Map<OperationId, Map<string, CustomScenario>>;
  /** What every store adapter is given: the catalog, budgets, bounds and the default store's config. */
  storeOptions: StoreOptions;
  sender: SenderConfig;
}

/** The catalog, budgets, bounds and callback policy the options ask for (defaults filled). */
export function mockParts(options: MockOptions): MockParts {
  const budgets = withAnswerCaches(
    options.budgets ??
      createBudgets({ storeBytes: options.storeBudgetBytes, journalBytes: options.journalBudgetBytes }),
  );
  const sender: SenderConfig = {
    ...DEFAULT_CALLBACK_RETRY,
    ...options.callbackRetry,
    ...DEFAULT_CALLBACK_LIMITS,
    ...options.callbackLimits,
  };
  return {
    options,
    basePath: normalizeBasePath(options.basePath ?? DEFAULT_BASE_PATH),
    customScenarios: loadScenarios(options.scenariosDir ?? DEFAULT_SCENARIOS_DIR),
    sender,
    storeOptions: {
      catalog: new Catalog(
        options.products ?? loadCatalogFile(options.catalogPath ?? DEFAULT_CATALOG_PATH),
        budgets.answerCaches,
      ),
      budgets,
      maxOrders: options.maxOrders ?? DEFAULT_MAX_ORDERS,
      historyLimit: options.historyLimit,
      callbackLimits: { inFlight: sender.inFlight, queued: sender.queued },
      callbackTimeoutMs: sender.timeoutMs,
      defaults: {
        settings: {
          checkout: options.checkout ?? 'omni',
          headers: options.auth ?? [],
          omnichatApi: options.omnichatApi,
          omnichatToken: options.omnichatToken,
          allowFreightChange: options.allowFreightChange !== false,
        },
        scenarios: {},
      },
    },
  };
}

/** Budgets made before the answer caches had their own name carry them as `searchCache` only. */
function withAnswerCaches(budgets: MockBudgets): MockBudgets {
  const answerCaches = (budgets as Partial<MockBudgets>).answerCaches ?? budgets.searchCache;
  return { ...budgets, answerCaches, searchCache: answerCaches };
}
