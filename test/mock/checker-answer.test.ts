import fc from 'fast-check';
import { validate } from '../../src/contracts';
import { checkerAnswerJson } from '../../src/mock/domain/checker-answer';
import { DEFAULT_FREIGHT_PATH } from '../../src/mock/http/options';
import { loadFreightTable, quoteFreight } from '../../src/mock/domain/freight';
import { checkOrder } from '../../src/mock/domain/order-validator';
import { CHECKER, line, order, serveMock, smallCatalog, type ServedMock } from './helpers';

// orderValidation writes its answer with quotes' JSON kept from one cart to the next (checkerAnswerJson):
// the bytes must be exactly what JSON.stringify writes for the same entries, whatever the cart holds.

let mock: ServedMock;
beforeAll(async () => {
  mock = await serveMock();
});
afterAll(() => mock.close());

const variants = smallCatalog().flatMap((p) => p.variants.map((v) => v.objectId));

async function answerText(body: unknown): Promise<string> {
  const res = await fetch(`${mock.origin}${CHECKER}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(200);
  return res.text();
}

describe('the orderValidation answer as written', () => {
  it('is byte for byte what JSON.stringify writes, for ids that need escaping and lines priced alike or not', async () => {
    const ids = [
      'plain',
      'quote"d',
      'back\\slash',
      'tab\tand\nnewline',
      'São Paulo ✓',
      'emoji 😀',
      'lone \ud800',
      '\u2028',
    ];
    const items: Record<string, unknown>[] = ids.map((id, i) => ({
      ...line(id, variants[i % variants.length], 1 + i * 3),
      weight: 150 * i,
    }));
    items.push(line('unknown-variant', 'no-such-sku'));
    for (const state of ['SP', 'AM', 'XX', undefined]) {
      const text = await answerText({ ...order('O-escapes', items, state as string), shippingMethod: 'SEDEX' });
      const parsed = JSON.parse(text) as unknown;
      expect(text).toBe(JSON.stringify(parsed));
      expect(validate('orderValidation', 'response', parsed)).toEqual([]);
      expect((parsed as { componentId: string }[]).map((e) => e.componentId)).toEqual(
        expect.arrayContaining([...ids, 'unknown-variant']),
      );
    }
  });

  it('matches JSON.stringify on any cart the checker answers', () => {
    const freight = loadFreightTable(DEFAULT_FREIGHT_PATH);
    const catalog = { variant: () => undefined, blocked: () => false, stock: () => undefined };
    const cart = fc.record({
      objectId: fc.string(),
      shippingMethod: fc.option(fc.constantFrom('PAC', 'SEDEX', 'Expresso', 'x'), { nil: undefined }),
      shippingAddress: fc.record({
        addressState: fc.option(fc.constantFrom('SP', 'RS', 'AC', 'zz'), { nil: undefined }),
      }),
      items: fc.array(
        fc.record({
          objectId: fc.option(fc.string({ unit: 'binary' }), { nil: undefined }),
          variantId: fc.option(fc.string({ unit: 'binary' }), { nil: undefined }),
          quantity: fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: undefined }),
          weight: fc.option(fc.double({ min: 0, max: 1e9, noNaN: true }), { nil: undefined }),
        }),
        { maxLength: 6 },
      ),
    });
    fc.assert(
      fc.property(cart, (order) => {
        const entries = checkOrder(order, catalog, freight);
        expect(checkerAnswerJson(entries)).toBe(JSON.stringify(entries));
      }),
      { numRuns: 300 },
    );
  });

  it('shares one frozen quote between lines priced alike, so no reader can change another cart’s answer', () => {
    const freight = loadFreightTable(DEFAULT_FREIGHT_PATH);
    const first = quoteFreight(freight, 'SP', 300);
    expect(quoteFreight(freight, 'sp ', 900)).toBe(first);
    expect(quoteFreight(freight, 'SP', 1001)).not.toBe(first);
    expect(() => {
      (first[0] as { price: number }).price = 0;
    }).toThrow(TypeError);
    expect(first[0].price).toBeGreaterThan(0);
  });
});
