import type { Check } from '../check';
import { firstCallback } from '../callbacks/provisioning';
import { couldNotCheck, fail, notJudged, pass, skip, warn } from '../outcome';

/** The callback authenticates to OmniChat's orders API with the merchant's API secret. */
export const callbackAuthorized: Check = {
  id: 'callback-authorized',
  operations: ['orderCreation'],
  what: 'the callback carries an Authorization header (Bearer with your OmniChat API secret); its value is never read or kept',
  why: "OmniChat's orders API refuses a call without it: the callback is lost and the order never goes on",
  fix: "send Authorization: Bearer <your OmniChat API secret> (generated in OmniChat's settings) on every call to OmniChat's orders API",
  async run(ctx) {
    if (!ctx.callbacks)
      return skip('callbacks are not checked (give --callback-port N and point the merchant at http://127.0.0.1:N)');
    if (!ctx.created.ok) return notJudged(ctx.created);
    const call = await firstCallback(ctx, ctx.created.value);
    if (!call)
      return couldNotCheck('no callback came; see callback-received', undefined, {
        operation: 'orderCreation',
        check: 'callback-received',
      });
    if (call.authorization === 'bearer') return pass(`the ${call.action} callback carries Authorization: Bearer ***`);
    if (call.authorization === 'other')
      return warn('the callback authenticates with another scheme than Bearer', {
        received: 'Authorization: <another scheme> ***',
        expected: 'Authorization: Bearer <your OmniChat API secret>',
      });
    return fail(`the ${call.action} callback carries no Authorization header`, {
      received: 'no Authorization header',
      expected: 'Authorization: Bearer <your OmniChat API secret>',
    });
  },
};
