import fs from 'node:fs';
import { validate, type Violation } from '../contracts';
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

/** Reads a catalog file (a productSearch response: an array of products) and checks it against the contract. */
export function loadCatalogFile(file: string): Product[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CatalogError(file, [
      { pointer: '', keyword: 'file', message: code === 'ENOENT' ? 'no such file' : `unreadable (${code ?? 'error'})` },
    ]);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new CatalogError(file, [{ pointer: '', keyword: 'json', message: `not JSON: ${(error as Error).message}` }]);
  }
  return checkCatalog(file, value);
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
