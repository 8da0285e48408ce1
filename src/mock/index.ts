export { createMockApp, openMockApp, type MockApp, type MockControl } from './http/app';
export { parseStoreSpec, shownStoreUrl, StoreOpenError, type StoreSpec } from './store/store-spec';
export { createMockListener } from './http/listener';
export { type MockOptions, DEFAULT_BASE_PATH, DEFAULT_CATALOG_PATH, normalizeBasePath } from './http/options';
export { CatalogError, loadCatalogFile, checkCatalog } from './domain/load-catalog';
export { PROBLEM_TYPES, PROBLEM_BASE } from './errors/problems';
export { BUILTIN_SCENARIOS } from './domain/scenarios';
export type { Product, Variant } from './domain/catalog-types';
export { answerClientErrors } from './http/client-errors';
export { ByteBudget, type Charge, type BudgetUsage } from './bounds/byte-budget';
export { createBudgets, type MockBudgets, type BudgetLimits } from './bounds/limits';
export type {
  VerifyService,
  VerifyPlan,
  VerifyRefusal,
  VerifyHooks,
  VerifyRun,
  VerifyReport,
} from './http/verify-service';
export type { VerifyHistory, VerifyRunRecord, VerifyRunSummary } from './store/verify-history';
export { MemoryVerifyHistory } from './store/memory/verify-history';
