import fc from 'fast-check';
import request from 'supertest';
import { queryTerms, TextIndex } from '../../src/mock/domain/text-index';
import { SEARCH, smallApp } from './helpers';

const DOCS = 2000;
/** Every document holds "com", "garantia" and 40 words all documents share, plus a word of its own. */
function index(): TextIndex {
  const text = new TextIndex();
  const shared = Array.from({ length: 40 }, (_, i) => `todos${i}`);
  for (let i = 0; i < DOCS; i += 1)
    text.add(i, ['com', 'garantia', ...shared, `unico${i}`, i % 2 === 0 ? 'par' : 'impar']);
  text.seal(DOCS);
  return text;
}

/** The plain definition: documents whose words contain every query token (3+ characters as a prefix). */
function naive(docs: string[][], tokens: string[]): number[] {
  const hits = (words: string[], token: string): boolean =>
    words.some((w) => (token.length >= 3 ? w.startsWith(token) : w === token));
  return docs.flatMap((words, i) => (tokens.length > 0 && tokens.every((t) => hits(words, t)) ? [i] : []));
}

describe('TEXT search cost', () => {
  const text = index();

  it('reads the postings of a word once however often the query repeats it', () => {
    text.match(['com']);
    const once = text.lastWork;
    expect(text.match(Array.from({ length: 511 }, () => 'com'))).toHaveLength(DOCS);
    expect(text.lastWork).toBe(once);
  });

  it('drops a word that only prefixes another word of the query', () => {
    text.match(['garantia']);
    const longest = text.lastWork;
    expect(text.match(['gar', 'gara', 'garan', 'garant', 'garanti', 'garantia'])).toHaveLength(DOCS);
    expect(text.lastWork).toBe(longest);
  });

  it('reads at most about four times the catalog for a query of 40 words every document holds', () => {
    const query = Array.from({ length: 40 }, (_, i) => `todos${i}`);
    expect(text.match(query)).toHaveLength(DOCS);
    expect(text.lastWork).toBeLessThanOrEqual(4 * DOCS + 10_000);
    // Without the bound, 40 words of 2,000 postings each would read 80,000 positions and more.
    expect(text.lastWork).toBeLessThan(40 * DOCS);
  });

  it('probes the few candidates a rare word leaves instead of reading every common word whole', () => {
    expect(text.match(['unico1999', 'com', 'garantia', 'todos1', 'todos2'])).toEqual([1999]);
    expect(text.lastWork).toBeLessThan(1000);
  });

  it('matches exactly as the plain definition for queries of up to five words', () => {
    // Words that expand to at most 200 vocabulary words (a vaguer prefix is capped at its first 200).
    const words = ['com', 'garantia', 'gar', 'par', 'impar', 'imp', 'todos1', 'unico12', 'unico199', 'co', 'x'];
    const docs = Array.from({ length: DOCS }, (_, i) => [
      'com',
      'garantia',
      ...Array.from({ length: 40 }, (_, k) => `todos${k}`),
      `unico${i}`,
      i % 2 === 0 ? 'par' : 'impar',
    ]);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 5 }), (tokens) => {
        expect(text.match(tokens)).toEqual(naive(docs, tokens));
      }),
      { numRuns: 200, seed: 20261128 },
    );
  });

  it('gives equivalent queries one cache key', () => {
    expect(queryTerms(['camis', 'azul', 'camiseta', 'azul'])).toEqual(['azul', 'camiseta']);
    expect(queryTerms(['ca', 'camiseta'])).toEqual(['ca', 'camiseta']);
  });

  it('answers a contract-valid query of one word repeated 227 times (2,042 characters) as the word alone', async () => {
    const app = smallApp();
    const once = await request(app).get(SEARCH).query({ query: 'camiseta', size: 100 });
    const repeated = await request(app)
      .get(SEARCH)
      .query({ query: Array.from({ length: 227 }, () => 'camiseta').join(' '), size: 100 });
    expect(repeated.status).toBe(200);
    expect(repeated.text).toBe(once.text);
    await app.mock.close();
  });
});
