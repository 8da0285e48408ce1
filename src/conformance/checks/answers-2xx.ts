import { OPERATION_IDS } from '../../contracts';
import type { Check } from '../check';
import { englishTexts } from '../i18n';
import { bodyPreview, describeAnswer, isSuccess } from '../exchange';
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
    if (status >= 300 && status < 400) {
      const location = headers.location
        ? maskUrl(new URL(headers.location, primary.request.url).toString())
        : t('answers-2xx.noLocation');
      const elsewhere =
        headers.location &&
        new URL(headers.location, primary.request.url).origin !== new URL(primary.request.url).origin;
      return fail(elsewhere ? t('answers-2xx.redirectedElsewhere') : t('answers-2xx.redirected'), {
        received: t('answers-2xx.redirectTo', { status, location }),
        expected: t('answers-2xx.expectedHere'),
        exchange: primary,
      });
    }
    const refused = status === 401 || status === 403;
    if (refused && ctx.config.headers.length > 0)
      return {
        ...fail(t('answers-2xx.refused', { status }), {
          received: bodyPreview(t, primary),
          expected: '2xx',
          exchange: primary,
        }),
        fix: t('answers-2xx.refusedFix'),
      };
    if (refused)
      return {
        ...fail(t('answers-2xx.refusedBare', { status }), {
          received: bodyPreview(t, primary),
          expected: '2xx',
          exchange: primary,
        }),
        fix: t('answers-2xx.refusedBareFix'),
      };
    return fail(t('answers-2xx.status', { status }), {
      received: bodyPreview(t, primary),
      expected: '2xx',
      exchange: primary,
    });
  },
};
