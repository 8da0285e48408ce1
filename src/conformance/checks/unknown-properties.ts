import { findUnknowns, MAX_SCANNED_KEYS, OPERATION_IDS } from '../../contracts';
import type { Check } from '../check';
import { primaryBody } from '../exchange';
import { couldNotCheck, notJudged, pass, skip, warn } from '../outcome';
import { VARIANT_FIELD_ON_PRODUCT } from './catalogue-sanity';
import { BODY_REQUIRED } from './json-body';

const MAX_LISTED = 20;

/** Unknown response properties and open-enum values: allowed, but usually a typo worth a warning. */
export const unknownProperties: Check = {
  id: 'unknown-properties',
  operations: OPERATION_IDS,
  what: 'properties and open-enum values the contract does not know, with the nearest known name (warning only)',
  why: 'OmniChat ignores a misspelt field silently (externalImageUrl instead of externalImageURL shows no image)',
  fix: 'rename the fields to the names the contract uses (the nearest known name is given), or drop them',
  run(_ctx, operation, primary) {
    const body = primaryBody(primary, operation);
    if (!body.ok) return notJudged(body, primary);
    if (!primary.json) {
      return BODY_REQUIRED.includes(operation)
        ? couldNotCheck('the body is not JSON; see json-body', primary, { operation, check: 'json-body' })
        : skip('no JSON body to look at');
    }
    const found = findUnknowns(operation, 'response', primary.json.value);
    const { values, total, complete } = found;
    // A variant field on a product (width, weight, ...) is catalogue-sanity's finding, with its own fix.
    const properties = found.properties.filter(
      (p) => operation !== 'productSearch' || !VARIANT_FIELD_ON_PRODUCT.test(p.pointer),
    );
    const lines = [
      ...properties.map(
        (p) => `${p.pointer}: unknown property "${p.name}"${p.suggestion ? `, did you mean "${p.suggestion}"?` : ''}`,
      ),
      ...values.map((v) => `${v.pointer}: unknown value ${JSON.stringify(v.value)} (known: ${v.known.join(', ')})`),
    ];
    // The scan is bounded (src/contracts/unknown-properties.ts): a partial one says so.
    const scope = complete ? '' : ` in the first ${MAX_SCANNED_KEYS} keys (the scan stops there)`;
    if (lines.length === 0) return pass(`no unknown properties or values${scope}`);
    const [first, ...rest] = lines;
    return warn(`${total} unknown ${total === 1 ? 'property or value' : 'properties or values'}${scope}`, {
      received: first,
      expected: 'only the properties and values the contract lists',
      details: rest.slice(0, MAX_LISTED),
    });
  },
};
