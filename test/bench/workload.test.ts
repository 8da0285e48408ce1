import { validate } from '../../src/contracts';
import { buildWorkload, mostCommonWord } from '../../src/bench/workload';

describe('bench workload', () => {
  it('picks the word found in the most names, folding case and accents', () => {
    expect(mostCommonWord(['Camiseta Azul', 'CAMISÉTA verde', 'Calça azul', 'Camiseta Preta'])).toBe('camiseta');
  });

  it('ignores short words and numbers, which would match everything or nothing useful', () => {
    expect(mostCommonWord(['Tênis 42 de corrida', 'Tênis 42 de passeio', 'Bola 42 de futebol'])).toBe('tenis');
  });

  it('has no word for an empty catalog', () => {
    expect(mostCommonWord([])).toBeUndefined();
  });

  it('builds a TEXT search for 10 products and a 3-line cart that keeps the orderValidation contract', () => {
    const workload = buildWorkload();
    const search = new URL(`http://x${workload.requests.productSearch.path}`);
    expect(search.pathname).toBe('/v1/products/productsearch');
    expect(search.searchParams.get('searchType')).toBe('TEXT');
    expect(search.searchParams.get('size')).toBe('10');
    expect(search.searchParams.get('query')).toBe(workload.term);
    const post = workload.requests.orderValidation;
    expect(post.path).toBe('/v1/orders/orderchecker');
    expect(post.headers).toEqual({ 'content-type': 'application/json' });
    const order = JSON.parse(post.body ?? '') as { items: { variantId: string }[] };
    expect(order.items.map((i) => i.variantId)).toEqual(workload.variantIds);
    expect(workload.variantIds).toHaveLength(3);
    expect(validate('orderValidation', 'request', order)).toEqual([]);
  });

  it('uses the given search term instead of the catalog word', () => {
    expect(buildWorkload('notebook').requests.productSearch.path).toContain('query=notebook');
  });
});
