import { formatViolation, validate } from '../../contracts';
import type { CallbackRequest } from '../store/callback-outbox';
import { pathSegment } from './attempt';

/** Where one store's callbacks go: its integration's settings (a sandbox has its own). */
export interface CallbackTarget {
  /** OmniChat's orders API base, e.g. https://orders-api.omni.chat; no callbacks without it. */
  omnichatApi?: string;
  /** Sent as `Authorization: Bearer <token>`. */
  omnichatToken?: string;
  checkout: 'omni' | 'own';
  /** Base URL of the store itself, for the own-checkout link it serves. */
  publicUrl: string;
}

/**
 * The callback a merchant owes OmniChat for a new order (statusChange for Checkout Omni, provisions with
 * the mock's own checkout link for Checkout Próprio), checked against its callback contract: a body
 * that breaks it carries the reason and is never sent. Undefined when the target names no OmniChat API.
 */
export function callbackRequest(target: CallbackTarget, objectId: string): CallbackRequest | undefined {
  if (target.omnichatApi === undefined) return undefined;
  const base = target.omnichatApi.replace(/\/+$/, '');
  const id = pathSegment(objectId);
  const request: CallbackRequest =
    target.checkout === 'own'
      ? {
          callback: 'provisions',
          url: `${base}/v2/orders/${id}/provisions`,
          body: {
            responsible: 'merchant-kit-mock',
            code: 200,
            message: 'Order is ready for payment',
            checkoutUrl: `${target.publicUrl.replace(/\/+$/, '')}/__checkout/${id}`,
          },
        }
      : {
          callback: 'statusChange',
          url: `${base}/v2/orders/${id}/statusChange`,
          body: {
            responsible: 'merchant-kit-mock',
            status: 'ORDER_GATEWAY_PROVISIONED',
            message: 'Pedido aprovisionado com sucesso!',
            orderGwId: `MK-${objectId}`,
          },
        };
  if (target.omnichatToken !== undefined) request.token = target.omnichatToken;
  const violations = validate(request.callback, 'request', request.body);
  if (violations.length > 0)
    request.refusal = `body breaks the ${request.callback} contract: ${formatViolation(violations[0])}`;
  return request;
}
