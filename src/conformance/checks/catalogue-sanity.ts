import type { Check } from '../check';
import { couldNotCheck, pass, warn } from '../outcome';
import { productArray } from '../search';

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Sanity of the catalogue data itself (warnings only): main variant listed, sale price, stock. */
export const catalogueSanity: Check = {
  id: 'catalogue-sanity',
  operations: ['productSearch'],
  what: 'mainVariant is among variants, salePrice is not above price, stock is not negative (warnings)',
  why: 'OmniChat shows these numbers to sellers and customers; nonsense there costs sales',
  fix: 'keep mainVariant among variants, salePrice at or below price, and stock at zero or more',
  run(_ctx, _operation, primary) {
    const found = productArray(primary);
    if ('problem' in found) return couldNotCheck(found.problem, primary);
    const findings: string[] = [];
    found.products.forEach((product, i) => {
      const variants = Array.isArray(product.variants) ? product.variants.filter(isRecord) : [];
      const main = isRecord(product.mainVariant) ? product.mainVariant : undefined;
      if (main && !variants.some((v) => v.objectId === main.objectId)) {
        findings.push(`/${i}/mainVariant: objectId ${JSON.stringify(main.objectId)} is not among /${i}/variants`);
      }
      variants.forEach((v, j) => {
        if (typeof v.salePrice === 'number' && typeof v.price === 'number' && v.salePrice > v.price) {
          findings.push(`/${i}/variants/${j}: salePrice ${v.salePrice} is above price ${v.price}`);
        }
        if (typeof v.quantity === 'number' && v.quantity < 0)
          findings.push(`/${i}/variants/${j}/quantity: negative stock ${v.quantity}`);
      });
    });
    if (findings.length === 0) return pass(`${found.products.length} product(s) look sane`);
    const [first, ...rest] = findings;
    return warn(`${findings.length} catalogue oddit${findings.length === 1 ? 'y' : 'ies'}`, {
      received: first,
      expected: 'consistent product data',
      details: rest.slice(0, 20),
    });
  },
};
