import { validate } from '../../src/contracts';
import { buildWorkload, pickSearchTerm } from '../../src/bench/workload';

describe('bench workload', () => {
  it('picks the rarest word that still fills a page, folding case and accents', () => {
    const documents = [
      ['Camiseta Azul'],
      ['CAMISÉTA verde', 'azul'],
      ['Calça azul'],
      ['Camiseta Preta', 'tecido azul'],
    ];
    expect(pickSearchTerm(documents, 3)).toBe('camiseta');
  });

  it('counts a word once per product, wherever in the product it appears', () => {
    // Counted per mention, tênis (4) would fill a page of 3; per product it has 2, a tie with bola.
    expect(pickSearchTerm([['Tênis', 'tênis de corrida', 'TENIS'], ['Bola'], ['Bola de tênis']], 3)).toBe('bola');
  });

  it('ignores short words and numbers, which a seller would not search alone', () => {
    expect(pickSearchTerm([['Tênis 42 de corrida'], ['Tênis 42 de passeio'], ['Bola 42 de futebol']], 3)).toBe('tenis');
  });

  it('falls back to the most common word when no word fills a page', () => {
    expect(pickSearchTerm([['Mesa de jantar'], ['Mesa de centro'], ['Cadeira']], 10)).toBe('mesa');
  });

  it('has no term for an empty catalog', () => {
    expect(pickSearchTerm([], 10)).toBeUndefined();
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
