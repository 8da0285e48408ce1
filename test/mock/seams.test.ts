import fs from 'node:fs';
import path from 'node:path';
import { FIXTURES_DIR, PACKAGE_ROOT } from '../../src/contracts';
import { BUILTIN_SCENARIOS, PROBLEM_TYPES } from '../../src/mock';
import { Catalog } from '../../src/mock/domain/catalog';
import { loadFreightTable, quoteFreight } from '../../src/mock/domain/freight';
import { foldText, normalizeUrl } from '../../src/mock/domain/normalize';
import { OrderStore } from '../../src/mock/store/memory/order-store';
import { SandboxCatalog } from '../../src/mock/store/sandbox-catalog';
import { parsePrefer } from '../../src/mock/domain/scenarios';
import { parseJson } from '../../src/mock/http/json-body';
import { smallCatalog } from './helpers';

const freight = loadFreightTable(path.join(FIXTURES_DIR, 'freight.json'));

describe('freight quote', () => {
  it.each([
    ['SP', 500, 'PAC', 15.9],
    ['SP', 2500, 'PAC', 20.9],
    ['sp', 1000, 'SEDEX', 24.9],
    ['AM', 1000, 'PAC', 32.9],
    [undefined, 1000, 'PAC', 32.9],
    ['XX', 1000, 'PAC', 32.9],
  ])('for state %p and %i g prices %s at %p', (state, grams, id, price) => {
    const option = quoteFreight(freight, state, grams).find((o) => o.id === id);
    expect(option?.price).toBe(price);
  });

  it('applies a promotional discount below the list price', () => {
    const expresso = quoteFreight(freight, 'RJ', 100).find((o) => o.id === 'Expresso');
    expect(expresso).toMatchObject({ listPrice: 34.9, price: 27.92, shippingEstimate: '0bd', productLockedTime: null });
  });
});

describe('text folding', () => {
  it.each([
    ['Memória', 'memoria'],
    ['TÊNIS', 'tenis'],
    ['Lençóis Percal', 'lencois percal'],
  ])('folds %p to %p', (text, folded) => {
    expect(foldText(text)).toBe(folded);
  });

  it.each([
    ['https://www.apple.com/br/iphone-14-pro/', 'apple.com/br/iphone-14-pro'],
    ['HTTP://Apple.com/br/iphone-14-pro?utm=1#x', 'apple.com/br/iphone-14-pro'],
  ])('reduces the URL %p to %p', (url, key) => {
    expect(normalizeUrl(url)).toBe(key);
  });
});

describe('order store', () => {
  it('reserves exactly once per order under many repeated creations', () => {
    const catalog = new SandboxCatalog(new Catalog(smallCatalog()));
    const store = new OrderStore(catalog);
    for (let i = 0; i < 100; i += 1)
      store.createNow({ objectId: 'same', items: [{ objectId: 'L1', variantId: '2002-1', quantity: 2 }] });
    for (let i = 0; i < 3; i += 1)
      store.createNow({ objectId: `o-${i}`, items: [{ objectId: 'L1', variantId: '2002-1', quantity: 1 }] });
    expect(catalog.stock('2002-1')).toBe(5);
  });

  it('forgets the oldest order past its bound', () => {
    const store = new OrderStore(new SandboxCatalog(new Catalog(smallCatalog())), 2);
    for (const id of ['a', 'b', 'c']) store.createNow({ objectId: id });
    expect(store.listNow().map((o) => o.objectId)).toEqual(['b', 'c']);
  });
});

describe('Prefer header', () => {
  it.each([
    ['scenario=slow', { scenario: 'slow' }],
    ['scenario="out-of-stock", delay=250', { scenario: 'out-of-stock', delay: '250' }],
    ['respond-async; delay=5', { delay: '5' }],
    ['', {}],
  ])('parses %p', (header, parsed) => {
    expect(parsePrefer(header)).toEqual(parsed);
  });
});

describe('JSON body parsing', () => {
  it('drops __proto__, constructor and prototype keys at any depth', () => {
    const value = parseJson(
      '{"a":{"__proto__":{"x":1},"constructor":{"prototype":{"y":2}}},"b":[{"__proto__":null}]}',
    ) as Record<string, unknown>;
    expect(JSON.stringify(value)).toBe('{"a":{},"b":[{}]}');
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});

describe('the mock reference (docs/mock.md)', () => {
  const readme = fs.readFileSync(path.join(PACKAGE_ROOT, 'docs', 'mock.md'), 'utf8');
  it.each(Object.entries(PROBLEM_TYPES))('lists the problem type %s with its status', (name, { status }) => {
    expect(readme).toContain(`| \`${name}\` | ${status} |`);
  });

  it.each(Object.keys(BUILTIN_SCENARIOS))('documents the scenario %s', (name) => {
    expect(readme).toContain(`| \`${name}\` |`);
  });
});
