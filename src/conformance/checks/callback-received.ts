import { formatViolation, validate } from '../../contracts';
import type { Check } from '../check';
import { couldNotCheck, fail, pass, skip } from '../outcome';

/** After accepting an order the merchant tells OmniChat the outcome (statusChange or provisions). */
export const callbackReceived: Check = {
  id: 'callback-received',
  operations: ['orderCreation'],
  what: 'within 10 s of the order the merchant calls back statusChange (ORDER_GATEWAY_PROVISIONED) or provisions, valid against its contract',
  why: 'without that call OmniChat never charges the customer (Checkout Omni) or never gets the checkout link (own checkout)',
  fix: "after answering the order, POST the outcome to OmniChat's orders API: statusChange ORDER_GATEWAY_PROVISIONED (Checkout Omni) or provisions with code 200 and a checkoutUrl (own checkout), with your API secret in Authorization",
  async run(ctx) {
    const receiver = ctx.callbacks;
    if (!receiver)
      return skip('callbacks are not checked (give --callback-port N and point the merchant at http://127.0.0.1:N)');
    const orderId = ctx.order?.objectId;
    if (typeof orderId !== 'string') return couldNotCheck('no order was created');
    const seconds = Math.round(ctx.callbackWaitMs / 1000);
    const call = await receiver.waitFor(orderId, ctx.callbackWaitMs);
    const expectedAction = ctx.config.checkout === 'own' ? 'provisions' : 'statusChange';
    const expectedCall = `POST ${receiver.url}/v2/orders/${orderId}/${expectedAction}`;
    if (!call)
      return fail(`no callback about ${orderId} within ${seconds} s`, { received: 'nothing', expected: expectedCall });
    if (call.action !== 'statusChange' && call.action !== 'provisions') {
      return fail(`the callback went to /${call.action}`, {
        received: `POST .../v2/orders/${orderId}/${call.action}`,
        expected: expectedCall,
      });
    }
    const violations = validate(call.action, 'request', call.body);
    if (call.body === undefined || violations.length > 0) {
      const first = violations[0];
      return fail(`the ${call.action} callback breaks its contract`, {
        received: call.body === undefined ? 'a body that is not JSON' : first.message,
        expected: `a valid ${call.action} body`,
        pointer: first ? `${first.pointer || '(root)'} [${first.keyword}]` : undefined,
        details: violations.slice(1, 20).map(formatViolation),
      });
    }
    const body = call.body as { status?: string; code?: number };
    if (call.action === 'statusChange' && body.status !== 'ORDER_GATEWAY_PROVISIONED') {
      return fail(`the order was not provisioned (statusChange ${body.status})`, {
        received: String(body.status),
        expected: 'ORDER_GATEWAY_PROVISIONED',
      });
    }
    if (call.action === 'provisions' && body.code !== 200) {
      return fail('the order was not provisioned (provisions code 400)', {
        received: String(body.code),
        expected: '200 with a checkoutUrl',
      });
    }
    return pass(`${call.action} received and valid`);
  },
};
