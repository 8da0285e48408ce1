import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Request, type Response, type NextFunction } from 'express';
import type { Break } from './breaks';
import type { RefProduct } from './catalogue';
import { orderRoutes } from './reference-orders';
import { findProducts } from './reference-search';
import { newMerchantState, type MerchantState } from './reference-state';

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
  /** With slow-cancellation: called before the first cancellation is answered (a test jumps its clock there). */
  beforeSlowAnswer?: () => void;
  /** Awaited before each provisioning callback is sent (a test jumps its clock there: a late callback). */
  beforeCallback?: () => void | Promise<void>;
  /** Called once each provisioning callback has been answered (a test jumps its clock there: it is in, nothing more comes). */
  afterCallback?: () => void;
  /** Called once a creation is answered (a test jumps its clock there: time passes, nothing comes). */
  afterCreation?: () => void;
  /** The OmniChat API secret sent as Authorization: Bearer on callbacks. */
  omnichatToken?: string;
  /** Every product sells out of stock (sellOutOfStock: true): no stock limit applies. */
  sellOutOfStock?: boolean;
  /** The store's state; five servers of one store share it (faulty-merchant.ts). */
  state?: MerchantState;
}

export interface RunningMerchant {
  baseUrl: string;
  /** Requests seen per path, for assertions. */
  hits: string[];
  /** The most requests it was ever answering at once. */
  maxInFlight(): number;
  close(): Promise<void>;
}

/**
 * A small merchant that honours every rule of the contract, in memory, on 127.0.0.1 port 0.
 * With `breaks` it breaks exactly that one rule and behaves everywhere else.
 */
export async function startMerchant(options: MerchantOptions = {}): Promise<RunningMerchant> {
  const state = options.state ?? newMerchantState();
  const hits: string[] = [];
  const breaks = options.breaks;
  const app = express();
  let inFlight = 0;
  let maxInFlight = 0;
  app.use((req: Request, res: Response, next: NextFunction) => {
    hits.push(`${req.method} ${req.path}`);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    res.on('close', () => inFlight--);
    next();
  });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (options.auth && breaks !== 'no-auth' && req.get(options.auth.key) !== options.auth.value) {
      // A stub that answers 400 to a call without its header: refused, but not as an auth refusal.
      const status = breaks === 'auth-400' ? 400 : 401;
      res
        .status(status)
        .type('application/problem+json')
        .send({ type: 'about:blank', title: 'Refused', status, detail: `missing or wrong ${options.auth.key}` });
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
        v.quantity = state.stock.get(String(v.objectId));
        if (breaks === 'price-as-string') v.price = String(v.price);
        if (breaks === 'misspelt-property') {
          v.externalImageUrl = v.externalImageURL;
          delete v.externalImageURL;
        }
      }
      return copy;
    });

  app.get('/v1/products/productsearch', (req: Request, res: Response) => {
    const query = {
      query: String(req.query.query ?? ''),
      type: String(req.query.searchType ?? 'TEXT'),
      from: Number(req.query.from ?? 0),
      size: Number(req.query.size ?? 10),
    };
    const found = findProducts(state.catalogue, query, breaks);
    if (found.length === 0 && breaks === 'miss-404') {
      res.status(404).json({ message: 'no product found' });
      return;
    }
    res.json(breaks === 'wrapped-array' ? { products: render(found) } : render(found));
  });

  const orders = orderRoutes(app, state, options);

  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    hits,
    maxInFlight: () => maxInFlight,
    async close() {
      await orders.settled();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
