import { formatViolation, validate } from '../../contracts';
import type { Check } from '../check';
import { expectedAction, firstCallback, PROVISIONED, strayCallbacks } from '../callbacks/provisioning';
import type { ReceivedCallback } from '../callbacks/receiver';
import { fail, notJudged, pass, skip } from '../outcome';

type Finding = { message: string; received: string; expected: string; pointer?: string; more?: string[] };

/** Everything wrong with the first callback, judged against the configured checkout. */
function findingsOf(call: ReceivedCallback, checkout: 'omni' | 'own'): Finding[] {
  const action = checkout === 'own' ? 'provisions' : 'statusChange';
  if (call.action !== 'statusChange' && call.action !== 'provisions')
    return [{ message: `the callback went to /${call.action}`, received: `/${call.action}`, expected: `/${action}` }];
  const findings: Finding[] = [];
  if (call.action !== action)
    findings.push({
      message:
        checkout === 'own'
          ? `the callback went to /${call.action}, but with your own checkout (checkout "own") OmniChat waits for /provisions with the checkout link`
          : `the callback went to /${call.action}, but with Checkout Omni (checkout "omni") OmniChat waits for /statusChange ${PROVISIONED}`,
      received: `/${call.action}`,
      expected: `/${action}`,
    });
  const violations = validate(call.action, 'request', call.body);
  if (call.body === undefined || violations.length > 0) {
    findings.push({
      message: `the ${call.action} callback breaks its contract`,
      received:
        call.body === undefined ? `a body that is not JSON: ${call.preview.slice(0, 80)}` : violations[0].message,
      expected: `a valid ${call.action} body`,
      pointer: violations[0] ? `${violations[0].pointer || '(root)'} [${violations[0].keyword}]` : undefined,
      more: violations.slice(1, 20).map(formatViolation),
    });
    return findings;
  }
  const body = call.body as { status?: string; code?: number; checkoutUrl?: string };
  if (call.action === 'statusChange' && body.status !== PROVISIONED)
    findings.push({
      message: `the order was not provisioned (statusChange ${body.status})`,
      received: String(body.status),
      expected: PROVISIONED,
    });
  if (call.action === 'provisions' && body.code !== 200)
    findings.push({
      message: `the order was not provisioned (provisions code ${body.code})`,
      received: String(body.code),
      expected: '200 with a checkoutUrl',
    });
  else if (call.action === 'provisions' && typeof body.checkoutUrl !== 'string')
    findings.push({
      message: 'the provisions callback has code 200 but no checkoutUrl for the customer',
      received: 'no checkoutUrl',
      expected: 'a checkoutUrl (the link OmniChat sends the customer)',
    });
  return findings;
}

/** After accepting an order the merchant tells OmniChat the outcome, the way the configured checkout expects. */
export const callbackReceived: Check = {
  id: 'callback-received',
  operations: ['orderCreation'],
  what: 'within 10 s of the order the merchant calls back about that order id: statusChange ORDER_GATEWAY_PROVISIONED for Checkout Omni, provisions with code 200 and a checkoutUrl for its own checkout, valid against its contract',
  why: 'without that call OmniChat never charges the customer (Checkout Omni) or never gets the checkout link (own checkout); OmniChat waits for the callback its checkout mode uses, about the order id it sent',
  fix: "after answering the order, POST the outcome to OmniChat's orders API for the objectId OmniChat sent: statusChange ORDER_GATEWAY_PROVISIONED (Checkout Omni) or provisions with code 200 and a checkoutUrl (own checkout)",
  async run(ctx) {
    const receiver = ctx.callbacks;
    if (!receiver)
      return skip('callbacks are not checked (give --callback-port N and point the merchant at http://127.0.0.1:N)');
    if (!ctx.created.ok) return notJudged(ctx.created);
    const order = ctx.created.value;
    const action = expectedAction(ctx);
    const expectedCall = `POST ${receiver.url}/v2/orders/${order.id}/${action}`;
    const call = await firstCallback(ctx, order);
    if (!call) {
      const seconds = Math.round(ctx.callbackWaitMs / 1000);
      const stray = strayCallbacks(ctx, order);
      if (stray.length > 0)
        return fail(
          `a callback came for order ${JSON.stringify(stray[0].orderId)}, not for the test order ${order.id}`,
          {
            received: `POST .../v2/orders/${stray[0].orderId}/${stray[0].action}`,
            expected: expectedCall,
          },
        );
      const { refused } = receiver.stats();
      return fail(`no callback about ${order.id} within ${seconds} s`, {
        received:
          refused > 0
            ? `nothing kept (${refused} call(s) refused as malformed, too large or over the limit)`
            : 'nothing',
        expected: expectedCall,
      });
    }
    const findings = findingsOf(call, ctx.config.checkout);
    if (findings.length === 0) return pass(`${call.action} received and valid`);
    const [head] = findings;
    return fail(head.message, {
      received: head.received,
      expected: head.expected,
      pointer: head.pointer,
      details: [
        ...(head.more ?? []),
        ...findings.slice(1).map((f) => `${f.message}: received ${f.received}, expected ${f.expected}`),
      ],
    });
  },
};
