import { OPERATION_IDS } from '../../contracts';
import type { Check } from '../check-definition';
import { englishTexts } from '../i18n';
import { bodyPreview, describeAnswer, isRedirect, isSuccess } from '../exchange';
import { maskUrl } from '../../common/secrets';
import { couldNotCheck, fail, pass } from '../outcome';

/** Every operation answers OmniChat's call with a 2xx, at the configured URL itself. */
export const answers2xx: Check = {
  id: 'answers-2xx',
  operations: OPERATION_IDS,
  ...englishTexts('answers-2xx'),
  run(ctx, _operation, primary) {
    const t = ctx.t;
    if (!primary.answer.ok) return couldNotCheck(primary.answer.reason, primary);
    if (isSuccess(primary)) return pass(t('answers-2xx.answered', { answer: describeAnswer(t, primary) }));
    const { status, headers } = primary.answer.value;
    if (isRedirect(status)) {
      const target = headers.location ? new URL(headers.location, primary.request.url) : undefined;
      const location = target ? maskUrl(target.toString()) : t('answers-2xx.noLocation');
      const elsewhere = target && target.origin !== new URL(primary.request.url).origin;
      return fail(elsewhere ? t('answers-2xx.redirectedElsewhere') : t('answers-2xx.redirected'), {
        received: t('answers-2xx.redirectTo', { status, location }),
        expected: t('answers-2xx.expectedHere'),
        exchange: primary,
      });
    }
    const refused = status === 401 || status === 403;
    const headersSent = ctx.config.headers.length > 0;
    const message = !refused
      ? t('answers-2xx.status', { status })
      : headersSent
        ? t('answers-2xx.refused', { status })
        : t('answers-2xx.refusedBare', { status });
    const failed = fail(message, { received: bodyPreview(t, primary), expected: '2xx', exchange: primary });
    if (!refused) return failed;
    // A 401 or 403 is about the headers, sent or missing: that, not the usual fix, is what to change.
    return { ...failed, fix: headersSent ? t('answers-2xx.refusedFix') : t('answers-2xx.refusedBareFix') };
  },
};
