import type { Router } from 'express';
import { said } from '../../i18n';
import { HttpProblem } from '../../errors/problems';
import type { ContextOf } from './admin-events';
import { sendJsonText } from './respond';

/**
 * `POST /orders/{id}/callbacks`: sends the order's callback to OmniChat again (the dashboard's re-send
 * button for a failed one), with the same retries; 202 at once, the attempts land in the order.
 */
export function mountCallbackResend(router: Router, contextOf: ContextOf): void {
  router.post('/orders/:id/callbacks', (req, res) => {
    const ctx = contextOf(req, res);
    const id = String(req.params.id);
    const record = ctx.store.get(id);
    if (record === undefined)
      throw new HttpProblem('order-not-found', said('detail.noOrder', { id: JSON.stringify(id.slice(0, 80)) }));
    if (!record.created)
      throw new HttpProblem(
        'callback-unavailable',
        said('admin.callbackNotCreated', { id: JSON.stringify(id.slice(0, 80)) }),
      );
    if (!ctx.callbacks.enabled) throw new HttpProblem('callback-unavailable', said('admin.callbacksOff'));
    if (record.callbacks.some((c) => c.outcome === 'pending'))
      throw new HttpProblem('callback-unavailable', said('admin.callbackPending'));
    ctx.callbacks.start(record);
    ctx.events.publish({ kind: 'order', objectId: record.objectId });
    sendJsonText(res, 202, JSON.stringify({ objectId: record.objectId, callback: record.callbacks.length - 1 }));
  });
}
