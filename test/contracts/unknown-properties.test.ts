import { findUnknowns, findUnknownProperties } from '../../src/contracts';

const product = (variant: Record<string, unknown>, extra: Record<string, unknown> = {}) => [
  {
    objectId: '1',
    name: 'Camiseta',
    mainVariant: { objectId: '1-1', name: 'P', price: 10, ...variant },
    variants: [{ objectId: '1-1', name: 'P', price: 10 }],
    ...extra,
  },
];

describe('unknown properties in a response', () => {
  it.each([
    ['externalImageUrl', 'externalImageURL'],
    ['itemLength', 'variantLength'],
    ['salesPrice', 'salePrice'],
    ['Quantity', 'quantity'],
  ])('%s is listed with the nearest known name %s', (name, suggestion) => {
    expect(findUnknownProperties('productSearch', 'response', product({ [name]: 1 }))).toEqual([
      { pointer: `/0/mainVariant/${name}`, name, suggestion },
    ]);
  });

  it('lists a property with no close known name without a suggestion', () => {
    expect(findUnknownProperties('productSearch', 'response', product({}, { warehouseCode: 'A1' }))).toEqual([
      { pointer: '/0/warehouseCode', name: 'warehouseCode' },
    ]);
  });

  it('finds unknown properties inside arrays of nested definitions', () => {
    const answer = [
      {
        action: 'INFO',
        component: 'ITEM',
        componentId: 'l1',
        shippingOptions: [{ id: 'PAC', name: 'PAC', price: 5, shippingEstimates: '3bd' }],
      },
    ];
    expect(findUnknownProperties('orderValidation', 'response', answer)).toEqual([
      { pointer: '/0/shippingOptions/0/shippingEstimates', name: 'shippingEstimates', suggestion: 'shippingEstimate' },
    ]);
  });

  it('lists nothing for the documented payloads', () => {
    expect(findUnknownProperties('productSearch', 'response', product({ erpId: '1', visible: true }))).toEqual([]);
  });

  it('lists open-enum values outside the known ones', () => {
    const answer = [{ action: 'WARNING', component: 'ITEM', componentId: 'l1' }];
    expect(findUnknowns('orderValidation', 'response', answer).values).toEqual([
      { pointer: '/0/action', value: 'WARNING', known: ['ERROR', 'INFO'] },
    ]);
  });

  it('escapes JSON pointer tokens of odd property names', () => {
    expect(findUnknownProperties('orderCreation', 'response', { 'a/b~c': 1 })).toEqual([
      { pointer: '/a~1b~0c', name: 'a/b~c' },
    ]);
  });
});

describe('the unknown-property scan is bounded in keys and in suggestions', () => {
  const manyKeys = (count: number): Record<string, number> => {
    const extra: Record<string, number> = {};
    for (let i = 0; i < count; i++) extra[`k${i.toString(36)}`] = 0;
    return extra;
  };

  it('counts every unknown key of an ordinary payload, lists them all and says the scan is complete', () => {
    const found = findUnknowns('productSearch', 'response', product({}, manyKeys(30)));
    expect(found).toMatchObject({ total: 30, complete: true });
    expect(found.properties).toHaveLength(30);
  });

  it('lists the first 100 unknown keys (with suggestions) and counts the rest', () => {
    const found = findUnknowns('productSearch', 'response', product({}, { ...manyKeys(5000), nme: 'x' }));
    expect(found.total).toBe(5001);
    expect(found.complete).toBe(true);
    expect(found.properties).toHaveLength(100);
    expect(found.properties[0]).toEqual({ pointer: '/0/k0', name: 'k0' });
  });

  it('stops scanning after 200,000 keys and says so, however many more the payload holds', () => {
    const found = findUnknowns('productSearch', 'response', product({}, manyKeys(300_000)));
    expect(found.complete).toBe(false);
    expect(found.total).toBeLessThanOrEqual(200_000);
    expect(found.total).toBeGreaterThan(199_000);
    expect(found.properties).toHaveLength(100);
  });

  it('still suggests the nearest name for a misspelt key that comes after fifty unknown ones', () => {
    const found = findUnknowns('productSearch', 'response', [
      { ...product({})[0], ...manyKeys(50) },
      { ...product({})[0], nme: 'x' },
    ]);
    expect(found.properties.find((p) => p.name === 'nme')).toEqual({
      pointer: '/1/nme',
      name: 'nme',
      suggestion: 'name',
    });
  });
});
