import fs from 'node:fs';
import { validate, type Violation } from '../../contracts';
import type { Product } from './catalog-types';

/** A catalog file that cannot be served: why, as a list the CLI prints before exiting with 2. */
export class CatalogError extends Error {
  constructor(
    readonly file: string,
    readonly violations: Violation[],
  ) {
    super(`${file} is not a valid catalog: ${violations.length} violation(s)`);
    this.name = 'CatalogError';
  }
}

/** Largest catalog file read: 256 MB of JSON already needs about 1 GB of heap once parsed (a 100k catalog is 120 MB). */
const MAX_CATALOG_FILE_BYTES = 256 * 1024 * 1024;

/**
 * Reads a catalog file (a productSearch response: an array of products) and checks it against the
 * contract. Refuses what is not a regular file (a device such as /dev/zero never ends) or is over
 * MAX_CATALOG_FILE_BYTES, before reading it. A JSON syntax error says where, never what the file holds.
 */
export function loadCatalogFile(file: string): Product[] {
  let text: string;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw fileProblem(file, 'not a regular file');
    if (stat.size > MAX_CATALOG_FILE_BYTES) {
      const mb = (bytes: number): string => `${Math.round(bytes / 1024 / 1024)} MB`;
      throw fileProblem(file, `${mb(stat.size)}, over the ${mb(MAX_CATALOG_FILE_BYTES)} a catalog file may have`);
    }
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof CatalogError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw fileProblem(file, code === 'ENOENT' ? 'no such file' : `unreadable (${code ?? 'error'})`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new CatalogError(file, [
      { pointer: '', keyword: 'json', message: `not JSON: ${whereJsonBreaks(text, error)}` },
    ]);
  }
  return checkCatalog(file, value);
}

function fileProblem(file: string, message: string): CatalogError {
  return new CatalogError(file, [{ pointer: '', keyword: 'file', message }]);
}

/**
 * Where a JSON text breaks, as "a syntax error at line L, column C". V8's own message quotes the text
 * around the error, which could be anything the file holds (a key, a token), so only its position is used.
 */
function whereJsonBreaks(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : '';
  const at = /at position (\d+)/.exec(message);
  let position = at ? Number(at[1]) : text.length;
  // Node 20 words an unexpected token as: Unexpected token 'X', ..."ten characters either side"... is not valid JSON.
  const token = /^Unexpected token '([\s\S])'/.exec(message)?.[1];
  const context = /, (\.\.\.)?"([\s\S]*)"(?:\.\.\.)? is not valid JSON$/.exec(message);
  if (!at && token !== undefined && context !== null) {
    const start = text.indexOf(context[2]);
    if (start >= 0) position = start + (context[1] ? 10 : Math.max(0, context[2].indexOf(token)));
  }
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return `a syntax error at line ${line}, column ${column}`;
}

/** Checks products against the productSearch response contract and that product and variant ids are unique. */
export function checkCatalog(source: string, value: unknown): Product[] {
  const violations = validate('productSearch', 'response', value);
  if (violations.length > 0) throw new CatalogError(source, violations);
  const products = value as Product[];
  const duplicates: Violation[] = [];
  const productIds = new Set<string>();
  const variantOwner = new Map<string, number>();
  products.forEach((product, i) => {
    if (productIds.has(product.objectId)) {
      duplicates.push({
        pointer: `/${i}/objectId`,
        keyword: 'unique',
        message: `product objectId ${JSON.stringify(product.objectId)} is used twice`,
      });
    }
    productIds.add(product.objectId);
    product.variants.forEach((variant, j) => {
      const owner = variantOwner.get(variant.objectId);
      if (owner !== undefined && owner !== i) {
        duplicates.push({
          pointer: `/${i}/variants/${j}/objectId`,
          keyword: 'unique',
          message: `variant objectId ${JSON.stringify(variant.objectId)} also belongs to product #${owner}`,
        });
      }
      variantOwner.set(variant.objectId, i);
    });
  });
  if (duplicates.length > 0) throw new CatalogError(source, duplicates);
  return products;
}
