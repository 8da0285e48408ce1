import fs from 'node:fs';
import path from 'node:path';
import {
  NOTIFIED_STATUSES,
  ORDER_STATUSES,
  SCHEMAS_DIR,
  SEARCH_TYPES,
  isSearchType,
  type NotifiedStatus,
  type OrderStatus,
  type SearchType,
} from '../../src/contracts';
import { CONFIG_SCHEMA } from '../../src/conformance/config/config-schema';

// The kit's vocabulary is read from the contract's enums; the TypeScript unions spell the same values
// out for the type checker. A Record over each union lists every member (the compiler refuses a
// missing or an unknown key), so these tests fail when a schema and its union drift apart.
const SEARCH: Record<SearchType, true> = { TEXT: true, ID: true, SKUID: true, REFERENCE: true, URL: true };
const NOTIFIED: Record<NotifiedStatus, true> = {
  ORDER_GATEWAY_PROVISIONED: true,
  COLLECT_PAYMENT: true,
  WAITING: true,
  PAID: true,
  PACKAGED: true,
  SHIPPED: true,
  PARTIALLY_SHIPPED: true,
  DELIVERED: true,
  NOT_PAID: true,
  PARTIAL_PAID: true,
  OVER_PAID: true,
  CANCELLED: true,
  REVERTED: true,
  ERROR: true,
};
const ORDER: Record<OrderStatus, true> = { ...NOTIFIED, CREATING: true, CREATED: true, PROVISIONING: true, OPEN: true };

const schema = (file: string) => JSON.parse(fs.readFileSync(path.join(SCHEMAS_DIR, file), 'utf8'));

describe('the vocabulary read from the contract', () => {
  it("has the query schema's search types, and the type checker knows exactly those", () => {
    expect(SEARCH_TYPES).toEqual(schema('product-search.query.schema.json').properties.searchType.enum);
    expect([...SEARCH_TYPES].sort()).toEqual(Object.keys(SEARCH).sort());
    expect(SEARCH_TYPES.every(isSearchType)).toBe(true);
    expect([isSearchType('text'), isSearchType(undefined), isSearchType('SKU')]).toEqual([false, false, false]);
  });

  it('has the 18 order statuses and the 14 notified ones, as the definitions list them', () => {
    const defs = schema('definitions.schema.json').$defs;
    expect(ORDER_STATUSES).toEqual(defs.OrderStatus.enum);
    expect(NOTIFIED_STATUSES).toEqual(defs.NotifiedStatus.enum);
    expect([...ORDER_STATUSES].sort()).toEqual(Object.keys(ORDER).sort());
    expect([...NOTIFIED_STATUSES].sort()).toEqual(Object.keys(NOTIFIED).sort());
  });

  it("is what verify's config accepts in capabilities.searchTypes", () => {
    expect(CONFIG_SCHEMA.properties.capabilities.properties.searchTypes.items.enum).toEqual([...SEARCH_TYPES]);
  });
});
