export { createMockApp, type MockApp, type MockControl } from './app';
export { createMockListener } from './listener';
export { type MockOptions, DEFAULT_BASE_PATH, DEFAULT_CATALOG_PATH, normalizeBasePath } from './options';
export { CatalogError, loadCatalogFile, checkCatalog } from './load-catalog';
export { PROBLEM_TYPES, PROBLEM_BASE } from './problems';
export { BUILTIN_SCENARIOS } from './scenarios';
export type { Product, Variant } from './catalog-types';
export { answerClientErrors } from './client-errors';
