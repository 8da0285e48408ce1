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
