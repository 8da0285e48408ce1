import { OPERATION_IDS } from '../../contracts';
import type { Check } from '../check-definition';
import { englishTexts } from '../i18n';
import { bodyPreview, describeAnswer, isSuccess, statusOf } from '../exchange';
import { couldNotCheck, fail, pass, skip } from '../outcome';

/** With auth headers configured, the same request without them is refused with 401 or 403. */
export const authRequired: Check = {
  id: 'auth-required',
  operations: OPERATION_IDS,
  ...englishTexts('auth-required'),
  async run(ctx, operation, primary) {
    const t = ctx.t;
    if (ctx.config.headers.length === 0) return skip(t('auth-required.noHeaders'));
    // A refusal only means something when the same request with the headers is accepted: a wrong URL
    // (404 with and without headers) or a broken server is no auth bug.
    if (!isSuccess(primary)) {
      return couldNotCheck(t('auth-required.notAcceptedEither', { answer: describeAnswer(t, primary) }), undefined, {
        operation,
        check: 'answers-2xx',
      });
    }
    const bare = await ctx.repeat(operation, primary, true);
    if (!bare.answer.ok) return couldNotCheck(bare.answer.reason, bare);
    const status = statusOf(bare);
    if (status === 401 || status === 403) return pass(t('auth-required.refused', { status }));
    // A refusal with another status is still no auth refusal, and the headline says which it was.
    const otherRefusal = status !== undefined && status >= 400;
    return fail(otherRefusal ? t('auth-required.otherStatus', { status }) : t('auth-required.notRefused'), {
      received: bodyPreview(t, bare),
      expected: t('auth-required.expected'),
      exchange: bare,
    });
  },
};
