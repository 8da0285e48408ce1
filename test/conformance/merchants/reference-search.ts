import type { Break } from './breaks';
import { fold, type RefProduct } from './catalogue';

/** productSearch's query as the reference merchant reads it. */
export interface SearchQuery {
  query: string;
  type: string;
  from: number;
  size: number;
}

/** The products a search finds, by the contract's rules (docs/contracts.md, decision 9), or broken one way. */
export function findProducts(catalogue: RefProduct[], q: SearchQuery, breaks: Break | undefined): RefProduct[] {
  const { query, type, from, size } = q;
  if (type === 'ID') return breaks === 'id-returns-many' ? catalogue : catalogue.filter((p) => p.objectId === query);
  if (type === 'SKUID') {
    if (breaks === 'skuid-finds-nothing') return [];
    // Only the main variant's id, as a search index built from mainVariant alone would.
    if (breaks === 'skuid-main-only') return catalogue.filter((p) => p.mainVariant.objectId === query);
    return catalogue.filter((p) => p.variants.some((v) => v.objectId === query));
  }
  if (type === 'REFERENCE') return catalogue.filter((p) => p.variants.some((v) => v.erpId === query));
  // A static answer, as a contract-only mock gives whatever the URL.
  if (type === 'URL')
    return breaks === 'static-url-search' ? [catalogue[0]] : catalogue.filter((p) => p.externalUrl === query);
  // Lower-cased but with its accents: "calca" does not find "Calça", "camisetá" does not find "Camiseta".
  const matches = (name: string): boolean =>
    breaks === 'accent-sensitive' ? name.toLowerCase().includes(query.toLowerCase()) : fold(name).includes(fold(query));
  const hits = catalogue.filter((p) => matches(p.name));
  if (breaks === 'ignores-paging') return hits;
  if (breaks === 'ignores-from') return hits.slice(0, size);
  if (breaks === 'paging-size-1-empty' && size === 1) return [];
  // Sorted one way for the default page size and another for any other: pages of two lists.
  const ordered = breaks === 'page-order-depends-on-size' && size !== 10 ? [...hits].reverse() : hits;
  return ordered.slice(from, from + size);
}
