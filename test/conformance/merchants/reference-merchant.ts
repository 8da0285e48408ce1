import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Request, type Response, type NextFunction } from 'express';
import type { Break } from './breaks';
import { fold, referenceCatalogue, type RefProduct } from './catalogue';
import { sendCallback } from './reference-callback';
import { checkCart } from './reference-checker';

export type { Break } from './breaks';

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
  /** The OmniChat API secret sent as Authorization: Bearer on callbacks. */
  omnichatToken?: string;
  /** Every product sells out of stock (sellOutOfStock: true): no stock limit applies. */
  sellOutOfStock?: boolean;
  /** Every answer comes this much later (to watch requests overlap). */
  delayMs?: number;
}

export interface RunningMerchant {
  baseUrl: string;
  /** Requests seen per path, for assertions. */
  hits: string[];
  /** The most requests it was ever answering at once. */
  maxInFlight(): number;
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
  let inFlight = 0;
  let maxInFlight = 0;
  app.use((req: Request, res: Response, next: NextFunction) => {
    hits.push(`${req.method} ${req.path}`);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    res.on('close', () => inFlight--);
    if (options.delayMs) setTimeout(next, options.delayMs);
    else next();
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
      if (options.sellOutOfStock) copy.sellOutOfStock = true;
      if (breaks === 'catalogue-odd') {
        copy.weight = 206;
        copy.mainVariant.salePrice = 1;
        copy.variants[copy.variants.length - 1].erpId = copy.variants[0].erpId;
      }
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
      if (breaks === 'ignores-paging') found = hitsFound;
      else if (breaks === 'ignores-from') found = hitsFound.slice(0, size);
      else found = hitsFound.slice(from, from + size);
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
    res.json(checkCart(items, stock, options.sellOutOfStock ? 'no-stock-check' : breaks));
  });

  app.post('/v1/orders/orderprovisioning', (req: Request, res: Response) => {
    const order = req.body as OrderBody & { shippingMethod?: unknown };
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
    const known = orders.has(id);
    if (known && breaks === 'repeat-500') {
      res.status(500).json({ message: 'duplicate key' });
      return;
    }
    if (!known) {
      orders.add(id);
      for (const item of order.items ?? [])
        stock.set(String(item.variantId), (stock.get(String(item.variantId)) ?? 0) - Number(item.quantity));
    }
    res.json({ result: 'ok' });
    // OmniChat's public boilerplate calls back on every creation, repeated or not.
    if (options.omnichatApi && breaks !== 'no-callback' && (!known || breaks === 'repeats-callback')) {
      const sent = sendCallback(
        {
          omnichatApi: options.omnichatApi,
          checkout: options.checkout ?? 'omni',
          provisionsCode: options.provisionsCode ?? 200,
          token: options.omnichatToken ?? 'r:reference-api-secret',
          breaks,
        },
        id,
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
    maxInFlight: () => maxInFlight,
    async close() {
      await Promise.all(pendingCallbacks);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
