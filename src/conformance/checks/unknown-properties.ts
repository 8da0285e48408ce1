import { findUnknowns, MAX_SCANNED_KEYS, OPERATION_IDS } from '../../contracts';
import type { Check } from '../check-definition';
import { englishTexts } from '../i18n';
import { primaryBody } from '../exchange';
import { couldNotCheck, notJudged, pass, skip, warn } from '../outcome';
import { VARIANT_FIELD_ON_PRODUCT } from './catalogue-sanity';
import { BODY_REQUIRED } from './json-body';

/** Unknown response properties and open-enum values: allowed, but usually a typo worth a warning. */
export const unknownProperties: Check = {
  id: 'unknown-properties',
  operations: OPERATION_IDS,
  ...englishTexts('unknown-properties'),
  run(ctx, operation, primary) {
    const t = ctx.t;
    const body = primaryBody(t, primary, operation);
    if (!body.ok) return notJudged(body, primary);
    if (!primary.json) {
      return BODY_REQUIRED.includes(operation)
        ? couldNotCheck(t('answer.bodyNotJson'), primary, { operation, check: 'json-body' })
        : skip(t('unknown-properties.noJson'));
    }
    const found = findUnknowns(operation, 'response', primary.json.value);
    const { values, complete } = found;
    // A variant field on a product (width, weight, ...) is catalogue-sanity's finding, with its own fix:
    // left out of the list and of the count alike, so that the total is what the list adds up to.
    const properties = found.properties.filter(
      (p) => operation !== 'productSearch' || !VARIANT_FIELD_ON_PRODUCT.test(p.pointer),
    );
    const total = found.total - (found.properties.length - properties.length);
    const lines = [
      ...properties.map((p) =>
        p.suggestion
          ? t('unknown-properties.propertyNear', { pointer: p.pointer, name: p.name, suggestion: p.suggestion })
          : t('unknown-properties.property', { pointer: p.pointer, name: p.name }),
      ),
      ...values.map((v) =>
        t('unknown-properties.value', {
          pointer: v.pointer,
          value: JSON.stringify(v.value),
          known: v.known.join(', '),
        }),
      ),
    ];
    // The scan is bounded (src/contracts/unknown-properties.ts): a partial one says so.
    const scope = complete ? '' : t('unknown-properties.partial', { keys: MAX_SCANNED_KEYS });
    if (lines.length === 0) return pass(t('unknown-properties.none', { scope }));
    const [first, ...rest] = lines;
    return warn(t('unknown-properties.found', { count: total, scope }), {
      received: first,
      expected: t('unknown-properties.expected'),
      details: rest,
      moreDetails: total - lines.length,
    });
  },
};
