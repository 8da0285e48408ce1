import fs from 'node:fs';
import path from 'node:path';
import {
  FIXTURES_DIR,
  validate,
  validateSearchQuery,
  type CallbackId,
  type OperationId,
  type PayloadKind,
} from '../../src/contracts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests reach into documented payloads freely
type Json = any;

const load = (relative: string): Json =>
  JSON.parse(fs.readFileSync(path.join(FIXTURES_DIR, 'examples', relative), 'utf8'));

/** Applies one change to a deep copy of a documented payload. */
function broken(relative: string, change: (payload: Json) => unknown): unknown {
  const copy = structuredClone(load(relative));
  const replaced = change(copy);
  return replaced === undefined ? copy : replaced;
}

const SEARCH = 'productSearch/response.documented.json';
const ORDER = 'orderValidation/request.documented.json';
const CHECKER = 'orderValidation/response.boilerplate.json';
const NOTIFICATION = 'statusNotification/request.paid.json';

// Each row breaks exactly one documented rule; the contract must name the field that breaks it.
const cases: Array<[string, OperationId | CallbackId, PayloadKind, unknown, string, string]> = [
  [
    'a price as a string',
    'productSearch',
    'response',
    broken(SEARCH, (p) => {
      p[0].variants[1].price = '9399.99';
    }),
    '/0/variants/1/price',
    'type',
  ],
  [
    'a negative price',
    'productSearch',
    'response',
    broken(SEARCH, (p) => {
      p[0].mainVariant.price = -1;
    }),
    '/0/mainVariant/price',
    'minimum',
  ],
  [
    'a product without objectId',
    'productSearch',
    'response',
    broken(SEARCH, (p) => {
      delete p[0].objectId;
    }),
    '/0/objectId',
    'required',
  ],
  [
    'a product without variants',
    'productSearch',
    'response',
    broken(SEARCH, (p) => {
      p[0].variants = [];
    }),
    '/0/variants',
    'minItems',
  ],
  [
    'a variant without a name',
    'productSearch',
    'response',
    broken(SEARCH, (p) => {
      delete p[0].variants[0].name;
    }),
    '/0/variants/0/name',
    'required',
  ],
  [
    'a fractional stock quantity',
    'productSearch',
    'response',
    broken(SEARCH, (p) => {
      p[0].mainVariant.quantity = 2.5;
    }),
    '/0/mainVariant/quantity',
    'type',
  ],
  [
    'an image URL that is not a URL',
    'productSearch',
    'response',
    broken(SEARCH, (p) => {
      p[0].mainVariant.externalImageURL = 'not a url';
    }),
    '/0/mainVariant/externalImageURL',
    'format',
  ],
  [
    'a variation without its value',
    'productSearch',
    'response',
    broken(SEARCH, (p) => {
      delete p[0].mainVariant.variations[0].value;
    }),
    '/0/mainVariant/variations/0/value',
    'required',
  ],
  [
    'a search answer wrapped in an object',
    'productSearch',
    'response',
    broken(SEARCH, (p) => ({ products: p, total: 1 })),
    '',
    'type',
  ],
  [
    'an order without objectId',
    'orderValidation',
    'request',
    broken(ORDER, (p) => {
      delete p.objectId;
    }),
    '/objectId',
    'required',
  ],
  [
    'an unknown order status',
    'orderCreation',
    'request',
    broken(ORDER, (p) => {
      p.status = 'SHIPPING';
    }),
    '/status',
    'enum',
  ],
  [
    'an item price as a string',
    'orderCreation',
    'request',
    broken(ORDER, (p) => {
      p.items[0].price = '10';
    }),
    '/items/0/price',
    'type',
  ],
  [
    'a discount mode outside the enum',
    'orderCancellation',
    'request',
    broken(ORDER, (p) => {
      p.discountMode = 'FIXED';
    }),
    '/discountMode',
    'enum',
  ],
  [
    'items as an object',
    'orderValidation',
    'request',
    broken(ORDER, (p) => {
      p.items = { 0: p.items[0] };
    }),
    '/items',
    'type',
  ],
  [
    'a birth date that is not a date',
    'orderValidation',
    'request',
    broken(ORDER, (p) => {
      p.customer.birthDate = '09/10/2023';
    }),
    '/customer/birthDate',
    'format',
  ],
  [
    'retailerOrderId as a boolean',
    'orderCreation',
    'request',
    broken(ORDER, (p) => {
      p.retailerOrderId = true;
    }),
    '/retailerOrderId',
    'type',
  ],
  [
    'a checker entry without componentId',
    'orderValidation',
    'response',
    broken(CHECKER, (p) => {
      delete p[1].componentId;
    }),
    '/1/componentId',
    'required',
  ],
  [
    'a checker answer wrapped in an object',
    'orderValidation',
    'response',
    broken(CHECKER, (p) => ({ entries: p })),
    '',
    'type',
  ],
  [
    'a shipping option without a price',
    'orderValidation',
    'response',
    broken(CHECKER, (p) => {
      delete p[0].shippingOptions[1].price;
    }),
    '/0/shippingOptions/1/price',
    'required',
  ],
  [
    'a shipping price as a string',
    'orderValidation',
    'response',
    broken(CHECKER, (p) => {
      p[0].shippingOptions[0].price = '5,00';
    }),
    '/0/shippingOptions/0/price',
    'type',
  ],
  ['a creation answer that is an array', 'orderCreation', 'response', ['ok'], '', 'type'],
  [
    'a notification without statusChange',
    'statusNotification',
    'request',
    broken(NOTIFICATION, (p) => {
      delete p.statusChange;
    }),
    '/statusChange',
    'required',
  ],
  [
    'a notification with a status OmniChat never notifies',
    'statusNotification',
    'request',
    broken(NOTIFICATION, (p) => {
      p.statusChange.status = 'CREATED';
    }),
    '/statusChange/status',
    'enum',
  ],
  [
    'a notification whose order has no objectId',
    'statusNotification',
    'request',
    broken(NOTIFICATION, (p) => {
      delete p.order.objectId;
    }),
    '/order/objectId',
    'required',
  ],
  [
    'a notification date that is not a date',
    'statusNotification',
    'request',
    broken(NOTIFICATION, (p) => {
      p.statusChange.updatedAt = 'yesterday';
    }),
    '/statusChange/updatedAt',
    'anyOf',
  ],
  [
    'a statusChange callback with a status the merchant may not set',
    'statusChange',
    'request',
    { responsible: 'erp', status: 'PAID' },
    '/status',
    'enum',
  ],
  [
    'a successful provisions callback without checkoutUrl',
    'provisions',
    'request',
    { responsible: 'erp', code: 200, message: 'ok' },
    '/checkoutUrl',
    'required',
  ],
  [
    'a provisions callback with code 500',
    'provisions',
    'request',
    { responsible: 'erp', code: 500, message: 'x' },
    '/code',
    'enum',
  ],
  [
    'an updateCheckoutData discount without mode',
    'updateCheckoutData',
    'request',
    { responsible: 'erp', discount: { value: 5 } },
    '/discount/mode',
    'required',
  ],
];

describe('a payload that breaks one documented rule', () => {
  it.each(cases)('%s is rejected at the field that breaks it', (_label, operation, kind, payload, pointer, keyword) => {
    const violations = validate(operation, kind, payload);
    expect(violations).toContainEqual(expect.objectContaining({ pointer, keyword }));
  });

  it('reports what was expected and what was found', () => {
    const [violation] = validate(
      'productSearch',
      'response',
      broken(SEARCH, (p) => {
        p[0].variants[1].price = '9399.99';
      }),
    );
    expect(violation.message).toBe('must be number, found string "9399.99"');
  });

  it('names an unknown status and the allowed ones', () => {
    const [violation] = validate('orderCreation', 'request', { objectId: 'x', status: 'SHIPPING' });
    expect(violation.message).toMatch(/^must be one of "CREATING", .*"ERROR", found string "SHIPPING"$/);
  });
});

describe('productSearch query string', () => {
  it.each([
    ['a negative from', { from: '-1' }, '/from', 'minimum'],
    ['a non-numeric size', { size: 'ten' }, '/size', 'type'],
    ['a size of zero', { size: '0' }, '/size', 'minimum'],
    ['a size above 100', { size: '101' }, '/size', 'maximum'],
    ['an unknown searchType', { searchType: 'NAME' }, '/searchType', 'enum'],
  ])('%s is rejected', (_label, query, pointer, keyword) => {
    expect(validateSearchQuery(query).violations).toContainEqual(expect.objectContaining({ pointer, keyword }));
  });

  it('coerces numbers and fills in the documented defaults', () => {
    expect(validateSearchQuery({ query: 'camiseta', size: '15' })).toEqual({
      query: { query: 'camiseta', size: 15, from: 0, searchType: 'TEXT' },
      violations: [],
    });
  });
});

describe('loose scalars OmniChat really sends (section 12.8)', () => {
  it.each([
    ['retailerOrderId as a number', { objectId: 'x', retailerOrderId: 1042 }],
    ['retailerOrderId as a string', { objectId: 'x', retailerOrderId: 'SEQUENCE_ORDER_ID' }],
    ['gender as free text', { objectId: 'x', customer: { gender: 'Male' } }],
    ['a Parse-style date', { objectId: 'x', createdAt: { __type: 'Date', iso: '2017-08-04T16:27:55.397Z' } }],
    ['unknown properties', { objectId: 'x', somethingNew: { nested: true } }],
  ])('accepts %s', (_label, order) => {
    expect(validate('orderCreation', 'request', order)).toEqual([]);
  });

  it('accepts a checker action it does not know (an open enum: the runner warns instead)', () => {
    expect(
      validate('orderValidation', 'response', [{ action: 'WARNING', component: 'ORDER', componentId: 'o1' }]),
    ).toEqual([]);
  });
});
