import { OPERATION_IDS, formatViolation, validateCounted, violationSides } from '../../contracts';
import type { Check } from '../check-definition';
import { englishTexts } from '../i18n';
import { primaryBody } from '../exchange';
import { couldNotCheck, fail, notJudged, pass, skip } from '../outcome';
import { BODY_REQUIRED } from './json-body';

/** The answer matches the operation's response contract, each violation with its JSON pointer. */
export const responseContract: Check = {
  id: 'response-contract',
  operations: OPERATION_IDS,
  ...englishTexts('response-contract'),
  run(ctx, operation, primary) {
    const t = ctx.t;
    const body = primaryBody(t, primary, operation);
    if (!body.ok) return notJudged(body, primary);
    if (!primary.json) {
      if (BODY_REQUIRED.includes(operation))
        return couldNotCheck(t('answer.bodyNotJson'), primary, { operation, check: 'json-body' });
      return skip(t('response-contract.noJson'));
    }
    // Counted in full, kept in part: a million broken products are judged in linear time (docs/verify.md).
    const { violations, total } = validateCounted(operation, 'response', primary.json.value, t.lang);
    if (total === 0) return pass(t('response-contract.ok'));
    const [first, ...rest] = violations;
    return fail(t('response-contract.violations', { count: total }), {
      ...violationSides(first, t.lang),
      pointer: `${first.pointer || '(root)'} [${first.keyword}]`,
      details: rest.map((v) => formatViolation(v)),
      moreDetails: total - violations.length,
      exchange: primary,
    });
  },
};
