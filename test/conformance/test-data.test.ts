import { validate } from '../../src/contracts';
import { notifiedStatuses } from '../../src/conformance/checks/all-statuses-accepted';
import { RunContext } from '../../src/conformance/context';
import { ok } from '../../src/conformance/result';
import { runConfigFromFlags } from '../../src/conformance';
import { notification } from '../../src/conformance/orders';
import { cartLine, pickVariant, readProducts, testOrder, type FoundProduct } from '../../src/conformance/test-data';

// What the runner sends must itself honour the request contracts, or a strict merchant (or the
// mock) would rightly refuse it and the runner would blame the merchant.
const products: FoundProduct[] = readProducts([
  {
    objectId: 'P1',
    name: 'Camiseta',
    blocked: true,
    mainVariant: { objectId: 'P1-1', name: 'x', price: 10 },
    variants: [{ objectId: 'P1-1', name: 'x', price: 10, quantity: 9 }],
  },
  {
    objectId: 'P2',
    name: 'Camiseta',
    mainVariant: { objectId: 'P2-1', name: 'x', price: 10 },
    variants: [
      { objectId: 'P2-0', name: 'x', price: 10, quantity: 0 },
      { objectId: 'P2-1', name: 'x', price: 20, salePrice: 15, quantity: 4, erpId: 'E-1' },
    ],
  },
]);
const pick = pickVariant(products);

describe('the test data the runner sends', () => {
  it('picks a sellable variant with stock: not blocked, not sold out', () => {
    expect(pick?.product.objectId).toBe('P2');
    expect(pick?.variant).toMatchObject({ objectId: 'P2-1', quantity: 4 });
  });

  it('builds a cart line at the sale price, referencing the variant', () => {
    expect(cartLine(pick!, 'L1', 2)).toEqual({
      objectId: 'L1',
      variantId: 'P2-1',
      externalId: 'P2-1',
      quantity: 2,
      price: 15,
      productReference: 'E-1',
    });
  });

  it.each(['orderValidation', 'orderCreation', 'orderCancellation'] as const)(
    'sends a test order that satisfies the %s request contract',
    (operation) => {
      const order = testOrder(
        'mk-test-x-order',
        [cartLine(pick!, 'L1', 1)],
        operation === 'orderCancellation' ? 'CANCELLED' : 'CREATED',
      );
      expect(validate(operation, 'request', order)).toEqual([]);
      expect(order.objectId).toMatch(/^mk-test-/);
      expect(order.customer).toMatchObject({ objectId: 'mk-test-customer' });
    },
  );

  it.each(notifiedStatuses())(
    'sends a %s notification that satisfies the statusNotification request contract',
    (status) => {
      const ctx = new RunContext(runConfigFromFlags({ baseUrl: 'http://127.0.0.1:1' }), 'x');
      ctx.created = ok(ctx.sentOrder(testOrder(ctx.orderId('order'), [cartLine(pick!, 'L1', 1)]), true));
      expect(validate('statusNotification', 'request', notification(ctx, status))).toEqual([]);
    },
  );

  it('notifies all 14 statuses, CANCELLED last', () => {
    expect(notifiedStatuses()).toHaveLength(14);
    expect(notifiedStatuses().at(-1)).toBe('CANCELLED');
  });
});
