import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { OPERATIONS, OPERATION_IDS, type OperationId } from '../contracts';
import type { MockApp } from './app';
import { handleOperation, type RequestNotes } from './pipeline';
import { splitTarget } from './query-string';
import { createObserver } from './routes/observe';
import { renderFailure } from './routes/respond';

/**
 * The request listener `merchant-kit serve` gives to http.createServer: the five operations, matched by
 * method and path as the express router matches them (case-insensitive, one optional trailing slash), go
 * straight to the shared pipeline, skipping express's router on the hot path; everything else (405s,
 * HEAD, the admin API, the checkout page, 404s) goes to the express app.
 */
export function createMockListener(app: MockApp): RequestListener {
  const ctx = app.mock.context;
  const observe = createObserver(ctx);
  const routes = new Map<string, OperationId>();
  // The paths as documented, looked up first as they come: no lower-casing or key building per request.
  const exact = new Map<string, { method: string; operation: OperationId }>();
  for (const id of OPERATION_IDS) {
    const { method, path } = OPERATIONS[id];
    routes.set(`${method} ${(app.mock.basePath + path).toLowerCase()}`, id);
    exact.set(app.mock.basePath + path, { method, operation: id });
  }
  return (req: IncomingMessage, res: ServerResponse): void => {
    const url = req.url ?? '';
    const { pathname } = splitTarget(url);
    const originForm = url.charCodeAt(0) === 0x2f; /* / */
    const documented = originForm ? exact.get(pathname) : undefined;
    const operation =
      documented !== undefined && documented.method === req.method
        ? documented.operation
        : originForm
          ? routes.get(`${req.method} ${routeKey(pathname)}`)
          : undefined;
    if (operation === undefined) {
      app(req, res);
      return;
    }
    const notes: RequestNotes = {};
    observe(req, res, pathname, notes);
    handleOperation(ctx, operation, req, res, notes).catch((error: unknown) =>
      renderFailure(error, req.method ?? '', pathname, res),
    );
  };
}

/** The path as the routes are keyed: lower case, without the one trailing slash the router tolerates. */
function routeKey(pathname: string): string {
  const lower = pathname.toLowerCase();
  return lower.length > 1 && lower.endsWith('/') ? lower.slice(0, -1) : lower;
}
