import { OPERATION_IDS } from '../../contracts';
import type { Check } from '../check';
import { bodyPreview } from '../exchange';
import { couldNotCheck, fail, pass, skip } from '../outcome';

/** With auth headers configured, the same request without them is refused with 401 or 403. */
export const authRequired: Check = {
  id: 'auth-required',
  operations: OPERATION_IDS,
  what: 'when headers are configured, the same request without them gets 401 or 403',
  why: 'the URLs are reachable from the internet: without the check anyone can create or cancel orders',
  fix: 'refuse a request without the configured headers (or with wrong values) with 401 or 403 before doing anything else',
  async run(ctx, operation, primary) {
    if (ctx.config.headers.length === 0) return skip('no headers configured, so there is nothing to refuse');
    const bare = await ctx.repeat(operation, primary, true);
    if (bare.outcome.kind === 'failure') return couldNotCheck(bare.outcome.reason, bare);
    const { status } = bare.outcome;
    if (status === 401 || status === 403) return pass(`refused without the configured headers (HTTP ${status})`);
    return fail('a request without the configured headers was not refused', {
      received: bodyPreview(bare),
      expected: 'HTTP 401 or 403',
      exchange: bare,
    });
  },
};
