import { newCarts, newOrders } from '../../src/bench/load';
import { buildWorkload } from '../../src/bench/workload';
import { validate } from '../../src/contracts';

interface Cart {
  objectId: string;
  items: { variantId: string; quantity: number }[];
}

describe('the bodies of the new-order and new-cart loads', () => {
  const cart = buildWorkload().requests.orderValidation.body ?? '';

  it('gives every request another cart: a new order id and other quantities, each body within the contract', () => {
    const next = newCarts(cart);
    expect(next).toBeDefined();
    const bodies = Array.from({ length: 130 }, () => JSON.parse(next!()) as Cart);
    for (const body of bodies) expect(validate('orderValidation', 'request', body)).toEqual([]);
    const quantities = bodies.map((b) => b.items.map((item) => item.quantity).join(','));
    // Consecutive carts always differ, 125 mixes of 1 to 5 units on 3 lines before one comes back.
    for (let i = 1; i < bodies.length; i += 1) expect(quantities[i]).not.toBe(quantities[i - 1]);
    expect(new Set(quantities).size).toBe(125);
    expect(new Set(bodies.map((b) => b.objectId)).size).toBe(bodies.length);
    expect(bodies.flatMap((b) => b.items.map((item) => item.quantity)).every((q) => q >= 1 && q <= 5)).toBe(true);
    const variants = (JSON.parse(cart) as Cart).items.map((item) => item.variantId);
    expect(bodies[7].items.map((item) => item.variantId)).toEqual(variants);
  });

  it('keeps the cart of a new order, changing its id only', () => {
    const next = newOrders(cart)!;
    const [first, second] = [JSON.parse(next()) as Cart, JSON.parse(next()) as Cart];
    expect(first.objectId).not.toBe(second.objectId);
    expect(first.items).toEqual(second.items);
  });

  it('has nothing to vary in a body without an objectId', () => {
    expect(newCarts('{"items":[{"quantity":1}]}')).toBeUndefined();
    expect(newOrders('{}')).toBeUndefined();
  });
});
