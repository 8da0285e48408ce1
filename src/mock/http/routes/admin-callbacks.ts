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
  router.post('/orders/:id/callbacks', async (req, res) => {
    const ctx = await contextOf(req, res);
    const id = String(req.params.id);
    const shown = JSON.stringify(id.slice(0, 80));
    const known = await ctx.store.get(id);
    if (known === undefined) throw new HttpProblem('order-not-found', said('detail.noOrder', { id: shown }));
    if (!known.created) throw new HttpProblem('callback-unavailable', said('admin.callbackNotCreated', { id: shown }));
    const callback = ctx.callbacks.request(id);
    if (callback === undefined) throw new HttpProblem('callback-unavailable', said('admin.callbacksOff'));
    // Checked again where it is queued: another request (or replica) may have queued one meanwhile.
    const queued = await ctx.store.resend(id, callback);
    if ('refused' in queued) {
      if (queued.refused === 'unknown-order')
        throw new HttpProblem('order-not-found', said('detail.noOrder', { id: shown }));
      if (queued.refused === 'not-created')
        throw new HttpProblem('callback-unavailable', said('admin.callbackNotCreated', { id: shown }));
      throw new HttpProblem('callback-unavailable', said('admin.callbackPending'));
    }
    ctx.callbacks.queued();
    ctx.events.publish({ kind: 'order', objectId: id });
    sendJsonText(res, 202, JSON.stringify({ objectId: id, callback: queued.index }));
  });
}
