export * from './operations';
export * from './paths';
export {
  type Violation,
  formatViolation,
  localizeViolation,
  violationSides,
  valueAt,
  describeValue,
  escapePointer,
} from './violation';
export { expectedText } from './violation-text';
export { validate, validateCounted, conforms, validateSearchQuery, validateAgainst } from './validate';
export { MAX_KEPT_VIOLATIONS, type BoundedViolations } from './validate-bounded';
export {
  findUnknowns,
  findUnknownProperties,
  MAX_SCANNED_KEYS,
  MAX_LISTED_UNKNOWNS,
  type UnknownProperty,
  type UnknownValue,
  type Unknowns,
} from './unknown-properties';
export { nearestName } from './nearest-name';
export { openApiYaml, openApiDocument } from './openapi';
export { bundledOpenApiDocument, componentName, toYaml } from './bundle';
export { registry } from './registry';
export { findPrismCli, prismCliScript, PRISM_MISSING, PRISM_VERSION } from './prism';
export {
  SEARCH_TYPES,
  ORDER_STATUSES,
  NOTIFIED_STATUSES,
  isSearchType,
  type SearchType,
  type OrderStatus,
  type NotifiedStatus,
} from './vocabulary';
