import { NOTIFIED_STATUSES } from '../../contracts';
import type { Check } from '../check';
import { bodyPreview, isSuccess, unjudgeable, type Exchange } from '../exchange';
import { couldNotCheck, fail, pass } from '../outcome';
import { notification } from '../orders';

/** The 14 statuses OmniChat notifies, from the contract; CANCELLED last, so the test order's story reads like a real one. */
export function notifiedStatuses(): string[] {
  return [...NOTIFIED_STATUSES.filter((s) => s !== 'CANCELLED'), 'CANCELLED'];
}

/** Each of the 14 notified statuses is accepted. */
export const allStatusesAccepted: Check = {
  id: 'all-statuses-accepted',
  operations: ['statusNotification'],
  what: 'a notification of each of the 14 statuses OmniChat sends gets a 2xx',
  why: 'no retries are documented: a refused status (say REVERTED) is a change the merchant never learns',
  fix: 'answer 2xx to every status notification, including statuses your store does not act on (log and ignore them)',
  async run(ctx, _operation, primary) {
    const primaryStatus = (JSON.parse(primary.request.body ?? '{}') as { statusChange?: { status?: string } })
      .statusChange?.status;
    const refused: { status: string; ex: Exchange }[] = [];
    for (const status of notifiedStatuses()) {
      if (status === primaryStatus) continue;
      const ex = await ctx.call('statusNotification', { body: notification(ctx, status) });
      const problem = unjudgeable(ex);
      if (problem) return couldNotCheck(`${status}: ${problem}`, ex);
      if (!isSuccess(ex)) refused.push({ status, ex });
    }
    if (refused.length === 0) return pass('all 14 statuses are accepted');
    return fail(`${refused.length} status(es) refused: ${refused.map((r) => r.status).join(', ')}`, {
      received: `${refused[0].status}: ${bodyPreview(refused[0].ex)}`,
      expected: '2xx for every status',
      exchange: refused[0].ex,
    });
  },
};
