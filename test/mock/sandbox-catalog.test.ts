import { Catalog, type SearchRequest } from '../../src/mock/domain/catalog';
import type { Product } from '../../src/mock/domain/catalog-types';
import { SandboxCatalog } from '../../src/mock/store/sandbox-catalog';
import { smallCatalog } from './helpers';

const BY_ID = (id: string): SearchRequest => ({ searchType: 'ID', query: id, from: 0, size: 10 });
const TEXT = (query: string): SearchRequest => ({ searchType: 'TEXT', query, from: 0, size: 10 });
const parse = (answer: Buffer | string): Product[] => JSON.parse(answer.toString()) as Product[];

describe('a sandbox catalog (the shared catalog plus one sandbox changes)', () => {
  const shared = new Catalog(smallCatalog());
  let a: SandboxCatalog;
  let b: SandboxCatalog;
  beforeEach(() => {
    a = new SandboxCatalog(shared);
    b = new SandboxCatalog(shared);
  });

  it('answers an untouched search with the very bytes the shared catalog encoded', () => {
    expect(a.answer(TEXT('camiseta'))).toBe(shared.answer(TEXT('camiseta')));
  });

  it('keeps stock changes to the sandbox that made them', () => {
    a.adjustStock('2001-P', -2);
    expect(a.stock('2001-P')).toBe(3);
    expect(b.stock('2001-P')).toBe(5);
    expect(shared.initialStock('2001-P')).toBe(5);
    const shownByA = parse(a.answer(BY_ID('2001')))[0].variants.find((v) => v.objectId === '2001-P');
    const shownByB = parse(b.answer(BY_ID('2001')))[0].variants.find((v) => v.objectId === '2001-P');
    expect([shownByA?.quantity, shownByB?.quantity]).toEqual([3, 5]);
  });

  it('re-serializes only the changed products of an answer, and shows mainVariant with the same stock', () => {
    a.setStock('12345-1', 0);
    const products = parse(a.answer(TEXT('iphone')));
    const pro = products.find((p) => p.objectId === '12345') as Product;
    expect(pro.mainVariant.objectId).toBe('12345-1');
    expect(pro.mainVariant.quantity).toBe(0);
    expect(pro.variants.find((v) => v.objectId === '12345-1')?.quantity).toBe(0);
    expect(products.find((p) => p.objectId === '123456')).toEqual(parse(shared.answer(BY_ID('123456')))[0]);
    // A search that shows no changed product still gets the shared bytes.
    expect(a.answer(TEXT('camiseta'))).toBe(shared.answer(TEXT('camiseta')));
  });

  it('tracks a variant the catalog does not, once its stock is set', () => {
    expect(a.stock('5001-1')).toBeUndefined();
    a.adjustStock('5001-1', -1);
    expect(a.stock('5001-1')).toBeUndefined();
    a.setStock('5001-1', 0);
    expect(a.stock('5001-1')).toBe(0);
    expect(parse(a.answer(BY_ID('5001')))[0].variants[0].quantity).toBe(0);
  });

  it('blocks and unblocks a product in one sandbox only', () => {
    const position = shared.positionOf('2002') as number;
    a.setBlocked(position, true);
    expect([a.blocked(position), b.blocked(position)]).toEqual([true, false]);
    expect(parse(a.answer(BY_ID('2002')))[0].blocked).toBe(true);
    const blockedInCatalog = shared.positionOf('3001') as number;
    a.setBlocked(blockedInCatalog, false);
    expect(parse(a.answer(BY_ID('3001')))[0].blocked).toBe(false);
    expect(parse(b.answer(BY_ID('3001')))[0].blocked).toBe(true);
  });

  it('forgets a change that returns to the catalog value, and everything on reset', () => {
    a.adjustStock('2001-P', -1);
    a.adjustStock('2001-P', 1);
    expect(a.changes).toEqual({ variants: 0, products: 0 });
    expect(a.answer(BY_ID('2001'))).toBe(shared.answer(BY_ID('2001')));
    a.setStock('2001-M', 0);
    a.setBlocked(shared.positionOf('2001') as number, true);
    expect(a.changes).toEqual({ variants: 1, products: 1 });
    a.resetStock();
    expect(a.changes).toEqual({ variants: 0, products: 0 });
    expect(a.answer(BY_ID('2001'))).toBe(shared.answer(BY_ID('2001')));
  });
});
