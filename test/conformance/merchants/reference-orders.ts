import type { Express, Request, Response } from 'express';
import { sendCallback } from './reference-callback';
import { checkCart } from './reference-checker';
import type { MerchantOptions } from './reference-merchant';
import { moveStock, type MerchantState, type OrderItem } from './reference-state';

type OrderBody = { objectId?: unknown; items?: OrderItem[]; shippingMethod?: unknown };

/** The answer a checker gives to every cart, whatever is in it (as a contract-only mock does). */
const CONSTANT_CART_ANSWER = [
  { action: 'ERROR', component: 'ORDER', componentId: 'ORDER', message: 'Pedido indisponível' },
];

/**
 * The four order routes of the reference merchant (validation, creation, cancellation, notification),
 * each breaking its one rule when asked. Returns how to wait for the callbacks still on their way.
 */
export function orderRoutes(
  app: Express,
  state: MerchantState,
  options: MerchantOptions,
): { settled(): Promise<void> } {
  const breaks = options.breaks;
  const pendingCallbacks = new Set<Promise<void>>();
  const callBack = (id: string): Promise<void> => {
    const settings = {
      omnichatApi: options.omnichatApi as string,
      checkout: options.checkout ?? 'omni',
      provisionsCode: options.provisionsCode ?? 200,
      token: options.omnichatToken ?? 'r:reference-api-secret',
      breaks,
    };
    const sent = (async () => {
      await options.beforeCallback?.();
      await sendCallback(settings, id);
      options.afterCallback?.();
    })();
    pendingCallbacks.add(sent);
    void sent.finally(() => pendingCallbacks.delete(sent));
    return sent;
  };

  app.post('/v1/orders/orderchecker', (req: Request, res: Response) => {
    const order = req.body as OrderBody;
    if (breaks === 'html-checker') {
      res.type('text/html').send('<html><body>Order OK</body></html>');
      return;
    }
    if (breaks === 'constant-cart-answer') {
      res.json(CONSTANT_CART_ANSWER);
      return;
    }
    const items = Array.isArray(order.items) ? order.items : [];
    if (items.length === 0 && breaks === 'partial-payload-5xx') {
      res.status(500).json({ message: 'Cannot read properties of undefined (reading map)' });
      return;
    }
    res.json(checkCart(items, state.stock, options.sellOutOfStock ? 'no-stock-check' : breaks));
  });

  app.post('/v1/orders/orderprovisioning', async (req: Request, res: Response) => {
    const order = req.body as OrderBody;
    const id = String(order.objectId);
    if (breaks === 'creation-502') {
      res.status(502).json({ message: 'could not reach OmniChat to confirm the order' });
      return;
    }
    if (
      breaks === 'refuses-seller-freight' &&
      order.shippingMethod !== undefined &&
      !['PAC', 'Expresso'].includes(String(order.shippingMethod))
    ) {
      res.status(400).json({ message: `unknown shipping method ${String(order.shippingMethod)}` });
      return;
    }
    const known = state.orders.has(id);
    if (known && breaks === 'repeat-500') {
      res.status(500).json({ message: 'duplicate key' });
      return;
    }
    if (!known) {
      state.orders.set(id, order.items ?? []);
      moveStock(state, order.items ?? [], -1);
    }
    // OmniChat's public boilerplate calls back on every creation, repeated or not.
    const calls = options.omnichatApi && breaks !== 'no-callback' && (!known || breaks === 'repeats-callback');
    // Waiting for OmniChat's reply before answering: the callback is about an order OmniChat does not have yet.
    if (calls && breaks === 'callback-before-answer') await callBack(id);
    res.json({ result: 'ok' });
    options.afterCreation?.();
    if (calls && breaks !== 'callback-before-answer') void callBack(id);
  });

  app.post('/v1/orders/ordercancel', (req: Request, res: Response) => {
    const id = String((req.body as OrderBody).objectId);
    state.cancellations++;
    const answer = (): void => {
      if (breaks === 'cancellation-500' || (!state.orders.has(id) && breaks === 'cancel-unknown-500')) {
        res.status(500).json({ message: 'order not found' });
        return;
      }
      // Its stock goes back once, on the first cancellation (on every one, broken).
      const first = state.orders.has(id) && !state.cancelled.has(id);
      if (first || (state.orders.has(id) && breaks === 'double-restock'))
        moveStock(state, state.orders.get(id) ?? [], 1);
      if (first) state.cancelled.add(id);
      res.json({ result: 'ok' });
    };
    if (breaks === 'slow-cancellation' && state.cancellations === 1) options.beforeSlowAnswer?.();
    answer();
  });

  app.post('/v1/orders/statuschange', async (req: Request, res: Response) => {
    const body = req.body as { order?: { objectId?: unknown }; statusChange?: { status?: unknown } };
    const status = body.statusChange?.status;
    const id = String(body.order?.objectId);
    if (breaks === 'redirects-notifications') {
      res.redirect(301, 'https://other.example.com/v1/orders/statuschange');
      return;
    }
    if (breaks === 'refuses-reverted' && status === 'REVERTED') {
      res.status(400).json({ message: 'unsupported status REVERTED' });
      return;
    }
    // A closed order takes no more notifications: OmniChat documents no such order of events.
    if (breaks === 'refuses-after-cancel' && state.cancelled.has(id)) {
      res.status(409).json({ message: `order ${id} is cancelled` });
      return;
    }
    // Syncing every status change back to OmniChat as "provisioned" before answering: a second provisioning callback.
    if (breaks === 'callback-on-notification' && options.omnichatApi && state.orders.has(id)) await callBack(id);
    res.json({ result: 'ok' });
  });

  return {
    async settled() {
      await Promise.all(pendingCallbacks);
    },
  };
}
