import fs from 'node:fs';
import path from 'node:path';
import { SCHEMAS_DIR } from './paths';
import { valueAt } from './violation';

// Each file parsed once: every command loads this module at start-up, and two enums share definitions.
const parsed = new Map<string, unknown>();

/** The values of the enum at `pointer` in one schema file of contracts/schemas. */
function contractEnum(file: string, pointer: string): string[] {
  if (!parsed.has(file)) parsed.set(file, JSON.parse(fs.readFileSync(path.join(SCHEMAS_DIR, file), 'utf8')));
  const values = (valueAt(parsed.get(file), pointer) as { enum?: unknown } | undefined)?.enum;
  if (!Array.isArray(values) || !values.every((value) => typeof value === 'string'))
    throw new Error(`contracts/schemas/${file} has no enum of strings at ${pointer}`);
  return values;
}

// The unions below spell the enums out for the type checker; the values come from the schemas, and
// test/contracts/vocabulary.test.ts fails when the two differ.

/** A productSearch `searchType` (docs/contracts.md, decision 9). */
export type SearchType = 'TEXT' | 'ID' | 'SKUID' | 'REFERENCE' | 'URL';
/** Every status an OmniChat order can have. */
export type OrderStatus =
  | 'CREATING'
  | 'CREATED'
  | 'PROVISIONING'
  | 'ORDER_GATEWAY_PROVISIONED'
  | 'OPEN'
  | 'WAITING'
  | 'COLLECT_PAYMENT'
  | 'PAID'
  | 'PACKAGED'
  | 'SHIPPED'
  | 'PARTIALLY_SHIPPED'
  | 'DELIVERED'
  | 'NOT_PAID'
  | 'PARTIAL_PAID'
  | 'OVER_PAID'
  | 'CANCELLED'
  | 'REVERTED'
  | 'ERROR';
/** The 14 statuses OmniChat sends in a status notification: every status but the four before it is placed. */
export type NotifiedStatus = Exclude<OrderStatus, 'CREATING' | 'CREATED' | 'PROVISIONING' | 'OPEN'>;

/** productSearch's search types, in the contract's order (product-search.query.schema.json). */
export const SEARCH_TYPES = contractEnum(
  'product-search.query.schema.json',
  '/properties/searchType',
) as readonly SearchType[];
/** Every order status, in the contract's order (definitions.schema.json, OrderStatus). */
export const ORDER_STATUSES = contractEnum('definitions.schema.json', '/$defs/OrderStatus') as readonly OrderStatus[];
/** The statuses OmniChat notifies, in the contract's order (definitions.schema.json, NotifiedStatus). */
export const NOTIFIED_STATUSES = contractEnum(
  'definitions.schema.json',
  '/$defs/NotifiedStatus',
) as readonly NotifiedStatus[];

/** True when `value` is one of the contract's search types. */
export function isSearchType(value: unknown): value is SearchType {
  return (SEARCH_TYPES as readonly unknown[]).includes(value);
}
