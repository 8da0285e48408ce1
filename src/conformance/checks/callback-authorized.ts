import type { Check } from '../check-definition';
import { englishTexts } from '../i18n';
import { firstCallback } from '../callbacks/provisioning';
import { couldNotCheck, fail, notJudged, pass, skip, warn } from '../outcome';

/** The callback authenticates to OmniChat's orders API with the merchant's API secret. */
export const callbackAuthorized: Check = {
  id: 'callback-authorized',
  operations: ['orderCreation'],
  ...englishTexts('callback-authorized'),
  async run(ctx) {
    const t = ctx.t;
    if (!ctx.callbacks) return skip(t('callback.notChecked'));
    if (!ctx.created.ok) return notJudged(ctx.created);
    const call = await firstCallback(ctx, ctx.created.value);
    if (!call)
      return couldNotCheck(t('callback-authorized.noCallback'), undefined, {
        operation: 'orderCreation',
        check: 'callback-received',
      });
    if (call.authorization === 'bearer') return pass(t('callback-authorized.ok', { action: call.action }));
    if (call.authorization === 'other')
      return warn(t('callback-authorized.otherScheme'), {
        received: t('callback-authorized.otherReceived'),
        expected: t('callback-authorized.expected'),
      });
    return fail(t('callback-authorized.missing', { action: call.action }), {
      received: t('callback-authorized.noHeader'),
      expected: t('callback-authorized.expected'),
    });
  },
};
