import { NOTIFIED_STATUSES } from '../../contracts';
import type { Check } from '../check-definition';
import { englishTexts } from '../i18n';
import type { RunContext } from '../context';
import { firstRefused } from '../accepted';
import { bodyPreview, isSuccess, withoutJson, type Exchange } from '../exchange';
import { couldNotCheck, fail, pass } from '../outcome';
import { FIRST_NOTIFIED_STATUS, notification } from '../orders';

/** The 14 statuses OmniChat notifies, from the contract; CANCELLED last, so the test order's story reads like a real one. */
export function notifiedStatuses(): string[] {
  return [...NOTIFIED_STATUSES.filter((s) => s !== 'CANCELLED'), 'CANCELLED'];
}

type Sent = { status: string; ex: Exchange };

/**
 * The notifications of every status but the first one and CANCELLED. No order of notifications is
 * documented, so they go out side by side (--concurrency); CANCELLED waits for them, see run.
 */
function sweep(ctx: RunContext): Promise<Sent[]> {
  return ctx.shared('status-sweep', () =>
    Promise.all(
      notifiedStatuses()
        .filter((s) => s !== FIRST_NOTIFIED_STATUS && s !== 'CANCELLED')
        .map(async (status) => ({
          status,
          ex: withoutJson(await ctx.call('statusNotification', { body: notification(ctx, status) })),
        })),
    ),
  );
}

/** Each of the 14 notified statuses is accepted. */
export const allStatusesAccepted: Check = {
  id: 'all-statuses-accepted',
  operations: ['statusNotification'],
  ...englishTexts('all-statuses-accepted'),
  prefetch: (ctx) => void sweep(ctx),
  async run(ctx, operation, primary) {
    const t = ctx.t;
    const refusedFirst = firstRefused(t, primary, operation);
    if (refusedFirst) return refusedFirst;
    const sent = [...(await sweep(ctx))];
    // CANCELLED ends the order's story: it goes out once every other notification is answered, so a
    // merchant that closes cancelled orders is judged the same at any --concurrency.
    await ctx.settled(operation);
    sent.push({ status: 'CANCELLED', ex: await ctx.call(operation, { body: notification(ctx, 'CANCELLED') }) });
    const unanswered = sent.find((s) => !s.ex.answer.ok);
    if (unanswered && !unanswered.ex.answer.ok)
      return couldNotCheck(
        t('all-statuses-accepted.noAnswer', { status: unanswered.status, reason: unanswered.ex.answer.reason }),
        unanswered.ex,
      );
    const refused = sent.filter((s) => !isSuccess(s.ex));
    if (refused.length === 0) return pass(t('all-statuses-accepted.ok'));
    return fail(
      t('all-statuses-accepted.refused', { count: refused.length, statuses: refused.map((r) => r.status).join(', ') }),
      {
        received: `${refused[0].status}: ${bodyPreview(t, refused[0].ex)}`,
        expected: t('all-statuses-accepted.expected'),
        details: refused.slice(1).map((r) => `${r.status}: ${bodyPreview(t, r.ex, 120)}`),
        exchange: refused[0].ex,
      },
    );
  },
};
