import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { loadRegistry } from '../../src/contracts/registry';

// At run time schemas are neither meta-validated nor compiled until used (start-up time), so this
// test is where a broken schema file is caught: every file is checked against the 2020-12 meta-schema
// and compiled in strict mode.
const registry = loadRegistry();
const files = [...registry.schemas.keys()];

describe('contracts/schemas', () => {
  it('holds the payload schemas of the five operations, the three callbacks and the shared definitions', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'definitions.schema.json',
        'product-search.query.schema.json',
        'product-search.response.schema.json',
        'order-validation.request.schema.json',
        'order-validation.response.schema.json',
        'order-creation.request.schema.json',
        'order-creation.response.schema.json',
        'order-cancellation.request.schema.json',
        'order-cancellation.response.schema.json',
        'status-notification.request.schema.json',
        'status-notification.response.schema.json',
        'callback-status-change.request.schema.json',
        'callback-provisions.request.schema.json',
        'callback-update-checkout-data.request.schema.json',
        'problem.schema.json',
      ]),
    );
  });

  it.each(files)('%s is a valid JSON Schema 2020-12 document', (file) => {
    const ajv = new Ajv2020({ strict: false });
    addFormats(ajv);
    expect(ajv.validateSchema(registry.schemas.get(file) as object)).toBe(true);
    expect(ajv.errors ?? null).toBeNull();
  });

  it.each(files)('%s compiles in strict mode', (file) => {
    expect(() => registry.validator(file)).not.toThrow();
  });

  it.each(files.filter((f) => f !== 'definitions.schema.json'))(
    '%s has an $id equal to its file name, a title and a description',
    (file) => {
      const schema = registry.schemas.get(file) as Record<string, unknown>;
      expect(schema).toMatchObject({ $id: file, title: expect.any(String), description: expect.any(String) });
    },
  );
});

// The bounds docs/contracts.md ("Bounds on numbers") and docs/limits-and-security.md promise.
describe('contracts/schemas bound every number that measures something', () => {
  const defs = (registry.schemas.get('definitions.schema.json') as { $defs: Record<string, Schema> }).$defs;
  const checkout = registry.schemas.get('callback-update-checkout-data.request.schema.json') as Schema;
  type Schema = { minimum?: number; maximum?: number; $ref?: string; properties?: Record<string, Schema> };
  /** The bounds of a property, following a reference to Money. */
  const bounds = (schema: Schema): [number | undefined, number | undefined] => {
    const target = schema.$ref === '#/$defs/Money' || schema.$ref?.endsWith('#/$defs/Money') ? defs.Money : schema;
    return [target.minimum, target.maximum];
  };
  const money = [0, 1_000_000_000];
  it.each([
    ['Variant', 'price', money],
    ['Variant', 'salePrice', money],
    ['Variant', 'quantity', [-1_000_000_000, 1_000_000_000]],
    ['Variant', 'weight', [0, 1_000_000]],
    ['Variant', 'width', [0, 10_000]],
    ['Variant', 'height', [0, 10_000]],
    ['Variant', 'variantLength', [0, 10_000]],
    ['Item', 'quantity', [0, 1_000_000_000]],
    ['Item', 'price', money],
    ['Item', 'weight', [0, 1_000_000]],
    ['Item', 'width', [0, 10_000]],
    ['Item', 'height', [0, 10_000]],
    ['Item', 'length', [0, 10_000]],
    ['Order', 'discount', money],
    ['Order', 'freightCost', money],
    ['ShippingOption', 'price', money],
    ['ShippingOption', 'listPrice', money],
    ['ShippingOption', 'tax', money],
  ])('%s.%s lies in %j', (definition, property, expected) => {
    expect(bounds(defs[definition].properties![property])).toEqual(expected);
  });

  it('bounds the discount and freight of updateCheckoutData like money', () => {
    const props = checkout.properties!;
    expect(bounds(props.discount.properties!.value)).toEqual(money);
    expect(bounds(props.selectedFreight.properties!.freightCost)).toEqual(money);
  });
});
