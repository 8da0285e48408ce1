import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Request, type Response, type NextFunction } from 'express';
import { fold, referenceCatalogue, type RefProduct } from './catalogue';

/** The rules a broken merchant can break, one at a time (see broken-merchants.test.ts). */
export type Break =
  | 'wrapped-array'
  | 'ignores-paging'
  | 'price-as-string'
  | 'misspelt-property'
  | 'miss-404'
  | 'id-returns-many'
  | 'skuid-finds-nothing'
  | 'no-stock-check'
  | 'wrong-component-id'
  | 'duplicate-shipping-id'
  | 'partial-payload-5xx'
  | 'html-checker'
  | 'repeat-500'
  | 'no-callback'
  | 'refuses-reverted'
  | 'redirects-notifications'
  | 'slow-cancellation'
  | 'cancel-unknown-500'
  | 'no-auth';

export interface MerchantOptions {
  breaks?: Break;
  /** A header the merchant requires on every call, e.g. { key: 'Authorization', value: 'Bearer s3cret' }. */
  auth?: { key: string; value: string };
  /** OmniChat's orders API base for the provisioning callback (a test's CallbackReceiver). */
  omnichatApi?: string;
  /** Own checkout calls back /provisions (with a checkoutUrl) instead of /statusChange. */
  checkout?: 'omni' | 'own';
  /** With own checkout: the provisions code to send (400 = the merchant could not provision). */
  provisionsCode?: 200 | 400;
  /** How late the first cancellation answers with slow-cancellation. */
  slowMs?: number;
}

export interface RunningMerchant {
  baseUrl: string;
  /** Requests seen per path, for assertions. */
  hits: string[];
  close(): Promise<void>;
}

type OrderBody = { objectId?: unknown; items?: { objectId?: unknown; variantId?: unknown; quantity?: unknown }[] };

/**
 * A small merchant that honours every rule of the contract, in memory, on 127.0.0.1 port 0.
 * With `breaks` it breaks exactly that one rule and behaves everywhere else.
 */
export async function startMerchant(options: MerchantOptions = {}): Promise<RunningMerchant> {
  const catalogue = referenceCatalogue();
  const stock = new Map(catalogue.flatMap((p) => p.variants.map((v) => [v.objectId, v.quantity] as const)));
  const orders = new Set<string>();
  const cancelled = new Set<string>();
  const hits: string[] = [];
  const breaks = options.breaks;
  let cancellations = 0;
  const pendingCallbacks = new Set<Promise<void>>();

  const app = express();
  app.use((req: Request, _res: Response, next: NextFunction) => {
    hits.push(`${req.method} ${req.path}`);
    next();
  });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (options.auth && breaks !== 'no-auth' && req.get(options.auth.key) !== options.auth.value) {
      res
        .status(401)
        .type('application/problem+json')
        .send({
          type: 'about:blank',
          title: 'Unauthorized',
          status: 401,
          detail: `missing or wrong ${options.auth.key}`,
        });
      return;
    }
    next();
  });
  app.use(express.json());

  const render = (products: RefProduct[]): unknown[] =>
    products.map((p) => {
      const copy = JSON.parse(JSON.stringify(p)) as Record<string, unknown> & {
        variants: Record<string, unknown>[];
        mainVariant: Record<string, unknown>;
      };
      for (const v of [copy.mainVariant, ...copy.variants]) {
        v.quantity = stock.get(String(v.objectId));
        if (breaks === 'price-as-string') v.price = String(v.price);
        if (breaks === 'misspelt-property') {
          v.externalImageUrl = v.externalImageURL;
          delete v.externalImageURL;
        }
      }
      return copy;
    });

  app.get('/v1/products/productsearch', (req: Request, res: Response) => {
    const q = String(req.query.query ?? '');
    const type = String(req.query.searchType ?? 'TEXT');
    const from = Number(req.query.from ?? 0);
    const size = Number(req.query.size ?? 10);
    let found: RefProduct[];
    if (type === 'ID') found = breaks === 'id-returns-many' ? catalogue : catalogue.filter((p) => p.objectId === q);
    else if (type === 'SKUID')
      found = breaks === 'skuid-finds-nothing' ? [] : catalogue.filter((p) => p.variants.some((v) => v.objectId === q));
    else if (type === 'REFERENCE') found = catalogue.filter((p) => p.variants.some((v) => v.erpId === q));
    else if (type === 'URL') found = catalogue.filter((p) => p.externalUrl === q);
    else {
      const hitsFound = catalogue.filter((p) => fold(p.name).includes(fold(q)));
      found = breaks === 'ignores-paging' ? hitsFound : hitsFound.slice(from, from + size);
    }
    if (found.length === 0 && breaks === 'miss-404') {
      res.status(404).json({ message: 'no product found' });
      return;
    }
    res.json(breaks === 'wrapped-array' ? { products: render(found) } : render(found));
  });

  app.post('/v1/orders/orderchecker', (req: Request, res: Response) => {
    const order = req.body as OrderBody;
    if (breaks === 'html-checker') {
      res.type('text/html').send('<html><body>Order OK</body></html>');
      return;
    }
    const items = Array.isArray(order.items) ? order.items : [];
    if (items.length === 0 && breaks === 'partial-payload-5xx') {
      res.status(500).json({ message: 'Cannot read properties of undefined (reading map)' });
      return;
    }
    const entries: Record<string, unknown>[] = [];
    for (const item of items) {
      const id = breaks === 'wrong-component-id' ? String(item.variantId) : String(item.objectId);
      const available = stock.get(String(item.variantId)) ?? 0;
      if (breaks !== 'no-stock-check' && Number(item.quantity) > available) {
        entries.push({ action: 'ERROR', component: 'ITEM', componentId: id, message: 'Item não disponível' });
        continue;
      }
      const freight = {
        id: breaks === 'duplicate-shipping-id' ? 'PAC' : 'Expresso',
        name: 'Expresso',
        price: 10,
        listPrice: 10,
        tax: 0,
      };
      entries.push({
        action: 'INFO',
        component: 'ITEM',
        componentId: id,
        shippingMethod: 'PAC',
        shippingOptions: [{ id: 'PAC', name: 'PAC', price: 5, listPrice: 5, tax: 0 }, freight],
      });
    }
    res.json(entries);
  });

  app.post('/v1/orders/orderprovisioning', (req: Request, res: Response) => {
    const order = req.body as OrderBody;
    const id = String(order.objectId);
    if (orders.has(id)) {
      if (breaks === 'repeat-500') res.status(500).json({ message: 'duplicate key' });
      else res.json({ result: 'ok' });
      return;
    }
    orders.add(id);
    for (const item of order.items ?? [])
      stock.set(String(item.variantId), (stock.get(String(item.variantId)) ?? 0) - Number(item.quantity));
    res.json({ result: 'ok' });
    if (options.omnichatApi && breaks !== 'no-callback') {
      const own = options.checkout === 'own';
      const body = own
        ? {
            responsible: 'reference-merchant',
            code: options.provisionsCode ?? 200,
            message: 'Order is ready for payment',
            checkoutUrl: `https://shop.example.com/checkout/${id}`,
          }
        : { responsible: 'reference-merchant', status: 'ORDER_GATEWAY_PROVISIONED', message: 'Pedido Criado!' };
      const sent = fetch(
        `${options.omnichatApi}/v2/orders/${encodeURIComponent(id)}/${own ? 'provisions' : 'statusChange'}`,
        {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
        },
      ).then(
        () => undefined,
        () => undefined,
      );
      pendingCallbacks.add(sent);
      void sent.finally(() => pendingCallbacks.delete(sent));
    }
  });

  app.post('/v1/orders/ordercancel', (req: Request, res: Response) => {
    const id = String((req.body as OrderBody).objectId);
    cancellations++;
    const answer = (): void => {
      if (!orders.has(id) && breaks === 'cancel-unknown-500') {
        res.status(500).json({ message: 'order not found' });
        return;
      }
      if (orders.has(id) && !cancelled.has(id)) cancelled.add(id);
      res.json({ result: 'ok' });
    };
    if (breaks === 'slow-cancellation' && cancellations === 1) setTimeout(answer, options.slowMs ?? 1800);
    else answer();
  });

  app.post('/v1/orders/statuschange', (req: Request, res: Response) => {
    const status = (req.body as { statusChange?: { status?: unknown } }).statusChange?.status;
    if (breaks === 'redirects-notifications') {
      res.redirect(301, 'https://other.example.com/v1/orders/statuschange');
      return;
    }
    if (breaks === 'refuses-reverted' && status === 'REVERTED') {
      res.status(400).json({ message: 'unsupported status REVERTED' });
      return;
    }
    res.json({ result: 'ok' });
  });

  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    hits,
    async close() {
      await Promise.all(pendingCallbacks);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
