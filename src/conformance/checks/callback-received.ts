import { formatViolation, validate } from '../../contracts';
import type { Check } from '../check-definition';
import { englishTexts } from '../i18n';
import { expectedAction, firstCallback, PROVISIONED, strayCallbacks } from '../callbacks/provisioning';
import type { ReceivedCallback } from '../callbacks/receiver';
import { fail, notJudged, pass, skip } from '../outcome';
import type { T } from '../i18n';

type Finding = { message: string; received: string; expected: string; pointer?: string; more?: string[] };

/** Everything wrong with the first callback, given the action the configured checkout expects (expectedAction). */
function findingsOf(t: T, call: ReceivedCallback, action: 'statusChange' | 'provisions'): Finding[] {
  if (call.action !== 'statusChange' && call.action !== 'provisions')
    return [
      {
        message: t('callback-received.wentTo', { action: call.action }),
        received: `/${call.action}`,
        expected: `/${action}`,
      },
    ];
  const findings: Finding[] = [];
  // OmniChat knows the order once the creation is answered; a callback it gets before that is about nothing.
  if (call.beforeAnswer)
    findings.push({
      message: t('callback-received.beforeAnswer', { action: call.action }),
      received: t('callback-received.beforeAnswerReceived'),
      expected: t('callback-received.afterAnswer'),
    });
  if (call.action !== action)
    findings.push({
      message:
        action === 'provisions'
          ? t('callback-received.wantsProvisions', { action: call.action })
          : t('callback-received.wantsStatusChange', { action: call.action, status: PROVISIONED }),
      received: `/${call.action}`,
      expected: `/${action}`,
    });
  const violations = validate(call.action, 'request', call.body, t.lang);
  if (call.body === undefined || violations.length > 0) {
    findings.push({
      message: t('callback-received.breaks', { action: call.action }),
      received:
        call.body === undefined
          ? t('callback-received.notJson', { preview: call.preview.slice(0, 80) })
          : violations[0].message,
      expected: t('callback-received.validBody', { action: call.action }),
      pointer: violations[0] ? `${violations[0].pointer || '(root)'} [${violations[0].keyword}]` : undefined,
      more: violations.slice(1, 20).map((v) => formatViolation(v)),
    });
    return findings;
  }
  const body = call.body as { status?: string; code?: number; checkoutUrl?: string };
  if (call.action === 'statusChange' && body.status !== PROVISIONED)
    findings.push({
      message: t('callback-received.notProvisioned', { status: String(body.status) }),
      received: String(body.status),
      expected: PROVISIONED,
    });
  if (call.action === 'provisions' && body.code !== 200)
    findings.push({
      message: t('callback-received.badCode', { code: String(body.code) }),
      received: String(body.code),
      expected: t('callback-received.codeExpected'),
    });
  else if (call.action === 'provisions' && typeof body.checkoutUrl !== 'string')
    findings.push({
      message: t('callback-received.noCheckoutUrl'),
      received: t('callback-received.noUrl'),
      expected: t('callback-received.urlExpected'),
    });
  return findings;
}

/** After accepting an order the merchant tells OmniChat the outcome, the way the configured checkout expects. */
export const callbackReceived: Check = {
  id: 'callback-received',
  operations: ['orderCreation'],
  ...englishTexts('callback-received'),
  async run(ctx) {
    const t = ctx.t;
    const receiver = ctx.callbacks;
    if (!receiver) return skip(t('callback.notChecked'));
    if (!ctx.created.ok) return notJudged(ctx.created);
    const order = ctx.created.value;
    const action = expectedAction(ctx);
    const expectedCall = `POST ${receiver.url}/v2/orders/${order.id}/${action}`;
    const call = await firstCallback(ctx, order);
    if (!call) {
      const seconds = Math.round(ctx.callbackWaitMs / 1000);
      const stray = strayCallbacks(ctx, order);
      if (stray.length > 0)
        return fail(t('callback-received.stray', { stray: JSON.stringify(stray[0].orderId), id: order.id }), {
          received: `POST .../v2/orders/${stray[0].orderId}/${stray[0].action}`,
          expected: expectedCall,
        });
      const { refused } = receiver.stats();
      return fail(t('callback-received.none', { id: order.id, seconds }), {
        received: refused > 0 ? t('callback-received.refused', { count: refused }) : t('callback-received.nothing'),
        expected: expectedCall,
      });
    }
    const findings = findingsOf(t, call, action);
    if (findings.length === 0) return pass(t('callback-received.ok', { action: call.action }));
    const [head] = findings;
    return fail(head.message, {
      received: head.received,
      expected: head.expected,
      pointer: head.pointer,
      details: [
        ...(head.more ?? []),
        ...findings
          .slice(1)
          .map((f) => t('callback-received.more', { message: f.message, received: f.received, expected: f.expected })),
      ],
    });
  },
};
