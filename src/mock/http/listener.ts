import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { OPERATIONS, OPERATION_IDS, type OperationId } from '../../contracts';
import type { MockApp } from './app';
import type { MockContext } from '../sandboxes/context';
import { enterStore, handleOperation, type RequestNotes } from './pipeline';
import { splitTarget } from './query-string';
import { createObserver } from './routes/observe';
import { renderFailure } from './routes/respond';
import { SANDBOX_NAME } from '../sandboxes/sandboxes';

const SANDBOXES = '/sandboxes/';

/**
 * The request listener `merchant-kit serve` gives to http.createServer: the five operations, matched by
 * method and path as the express router matches them (case-insensitive, one optional trailing slash),
 * under the base path or under /sandboxes/{name} + the base path, go straight to the shared pipeline,
 * skipping express's router on the hot path; everything else (405s, HEAD, a sandbox name written with
 * %-escapes or that breaks the rule, the admin API, the checkout page, 404s) goes to the express app.
 *
 * @example
 * // The mock on a real port, as `merchant-kit serve` runs it.
 * const http = require('node:http');
 * const { createMockApp, createMockListener } = require('omnichat-merchant-kit/mock');
 * const app = createMockApp({ checkout: 'own' });
 * const server = http.createServer(createMockListener(app));
 * server.listen(0, '127.0.0.1', async () => {
 *   const { port } = server.address();
 *   const res = await fetch(`http://127.0.0.1:${port}/v1/products/productsearch?query=camiseta&size=2`);
 *   console.log(res.status, (await res.json()).length); // 200 2
 *   server.close();
 *   await app.mock.close();
 * });
 */
export function createMockListener(app: MockApp): RequestListener {
  const { sandboxes } = app.mock;
  const observe = createObserver(sandboxes);
  const routes = new Map<string, OperationId>();
  for (const id of OPERATION_IDS) {
    const { method, path } = OPERATIONS[id];
    routes.set(`${method} ${(app.mock.basePath + path).toLowerCase()}`, id);
  }
  /** Answers an operation of the default store (sandbox undefined) or of the named sandbox. */
  const answer = (
    req: IncomingMessage,
    res: ServerResponse,
    pathname: string,
    operation: OperationId,
    sandbox?: string,
  ): void => {
    const notes: RequestNotes = {};
    observe(req, res, pathname, notes);
    const fail = (error: unknown): void => renderFailure(error, req.method ?? '', pathname, res);
    // The default store and the sandboxes this replica has open are at hand; another is opened (or
    // created on first use) from the store first.
    const known: MockContext | undefined = sandbox === undefined ? sandboxes.default : sandboxes.get(sandbox);
    if (known !== undefined) {
      enterStore(known, notes);
      handleOperation(known, operation, req, res, notes).catch(fail);
      return;
    }
    sandboxes
      .obtain(sandbox as string)
      .then((ctx) => {
        enterStore(ctx, notes);
        return handleOperation(ctx, operation, req, res, notes);
      })
      // Past --max-sandboxes: the same problem the express route answers.
      .catch(fail);
  };
  return (req: IncomingMessage, res: ServerResponse): void => {
    const url = req.url ?? '';
    if (url.charCodeAt(0) !== 0x2f /* / */) {
      app(req, res);
      return;
    }
    const { pathname } = splitTarget(url);
    const key = routeKey(pathname);
    if (key.startsWith(SANDBOXES)) {
      const slash = key.indexOf('/', SANDBOXES.length);
      const name = slash < 0 ? '' : pathname.slice(SANDBOXES.length, slash);
      const operation = SANDBOX_NAME.test(name) ? routes.get(`${req.method} ${key.slice(slash)}`) : undefined;
      if (operation === undefined) app(req, res);
      else answer(req, res, pathname, operation, name);
      return;
    }
    const operation = routes.get(`${req.method} ${key}`);
    if (operation === undefined) app(req, res);
    else answer(req, res, pathname, operation);
  };
}

/** The path as the routes are keyed: lower case, without the one trailing slash the router tolerates. */
function routeKey(pathname: string): string {
  const lower = pathname.toLowerCase();
  return lower.length > 1 && lower.endsWith('/') ? lower.slice(0, -1) : lower;
}
