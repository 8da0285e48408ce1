import type { IncomingMessage, ServerResponse } from 'node:http';
import { validate, type OperationId, type Violation } from '../../contracts';
import type { MockContext } from '../sandboxes/context';
import { cancelOrder, createOrder, notifyStatus, searchProducts, validateOrder } from './handlers';
import { parseJsonBytes, readBody } from './json-body';
import type { OrderPayload } from '../domain/order-types';
import { HttpProblem, violationsDetail } from '../errors/problems';
import { mockT } from '../i18n';
import { readQuery, searchOf } from './read-query';
import { checkerAnswerJson } from '../domain/checker-answer';
import { answerFault } from './routes/faults';
import { sendJsonText, waitFor } from './routes/respond';

/** What the observer reads back about a request once it is answered. */
export interface RequestNotes {
  operation?: OperationId;
  scenario?: string;
  violations?: Violation[];
  /** A refused admin token: the request is neither logged nor journaled. */
  unlogged?: boolean;
  /** The store the request belongs to (journaled there); unset: the default store. */
  store?: MockContext;
  /** Set once the request counts as in flight in its store (until it is answered). */
  counted?: boolean;
}

/** How often this replica tells the store a store is in use (for the other replicas' idle sweeps). */
const TOUCH_EVERY_MS = 1000;

/** Marks a request as one of this store's operations: journaled there, in flight until answered. */
export function enterStore(ctx: MockContext, notes: RequestNotes): void {
  notes.store = ctx;
  notes.counted = true;
  const now = Date.now();
  ctx.usage.lastUsed = now;
  ctx.usage.inFlight += 1;
  if (now - ctx.usage.touched >= TOUCH_EVERY_MS) {
    ctx.usage.touched = now;
    ctx.state.touch(now);
  }
}

/**
 * The pipeline of one operation, free of express so the express route and the plain listener share it:
 * auth, scenario, body, contract check, then the seam that answers. A failure rejects (HttpProblem for a
 * client mistake); the caller renders it with renderFailure.
 */
export async function handleOperation(
  ctx: MockContext,
  operation: OperationId,
  req: IncomingMessage,
  res: ServerResponse,
  notes: RequestNotes,
): Promise<void> {
  notes.operation = operation;
  const failing = ctx.auth.failing(req.headers);
  if (failing !== undefined) {
    throw new HttpProblem('unauthorized', (lang) => mockT(lang)('detail.unauthorized', { header: failing }));
  }
  // Parsed once per distinct target, and only when there is a query string at all.
  const query = readQuery(req.url ?? '');
  // Node joins repeated headers other than set-cookie into one string; the check only satisfies the type.
  const prefer = req.headers.prefer;
  const plan = ctx.scenarios.plan(operation, typeof prefer === 'string' ? prefer : undefined, query.params.__scenario);
  const raw = operation === 'productSearch' ? undefined : await readBody(req);
  if (plan) {
    notes.scenario = plan.name;
    if (plan.delayMs > 0) await waitFor(plan.delayMs, res, ctx.waits);
    if (res.writableEnded || res.destroyed) return;
    if (answerFault(plan, operation, req, res)) return;
  }
  const outOfStock = plan?.builtin === 'out-of-stock';
  if (operation === 'productSearch') {
    const search = searchOf(query);
    accept(ctx, notes, search.violations, 'detail.queryString');
    sendJsonText(res, 200, searchProducts(ctx, search.request, outOfStock));
    return;
  }
  // The same cart in the same state gets the same answer: the pipeline below gave it to these very bytes.
  const state = { stock: ctx.catalog.stockVersion, orders: ctx.store.version };
  const reusable = operation === 'orderValidation' && plan === undefined && raw !== undefined;
  const reused = reusable ? ctx.checkerAnswers.get(raw, state) : undefined;
  if (reused !== undefined) {
    // The cart's quote, as answering it remembered it (another cart of the same id may have come since).
    if (reused.effect !== undefined) await ctx.quotes.keep(reused.effect.objectId, reused.effect.quote);
    sendJsonText(res, 200, reused.answer);
    return;
  }
  const body = raw === undefined ? undefined : parseJsonBytes(raw);
  accept(ctx, notes, validate(operation, 'request', body), 'detail.body');
  const order = (typeof body === 'object' && body !== null && !Array.isArray(body) ? body : {}) as OrderPayload;
  switch (operation) {
    case 'orderValidation': {
      const { entries, quote } = await validateOrder(ctx, order, outOfStock);
      // Sent as text: Node writes a text answer with its headers in one write.
      const answer = checkerAnswerJson(entries);
      // Only a clean body: under --lenient each request must report its violations again.
      if (reusable && notes.violations === undefined) ctx.checkerAnswers.set(raw, state, answer, quote);
      sendJsonText(res, 200, answer);
      return;
    }
    case 'orderCreation':
      sendJsonText(res, 200, await createOrder(ctx, order, body === order ? raw : undefined));
      return;
    case 'orderCancellation':
      sendJsonText(res, 200, await cancelOrder(ctx, order));
      return;
    case 'statusNotification':
      sendJsonText(res, 200, await notifyStatus(ctx, order));
      return;
  }
}

/** A contract violation is a 400 naming the field; with --lenient it is kept in the journal and the request goes on. */
function accept(
  ctx: MockContext,
  notes: RequestNotes,
  violations: Violation[],
  what: 'detail.body' | 'detail.queryString',
): void {
  if (violations.length === 0) return;
  if (ctx.lenient) {
    notes.violations = violations;
    return;
  }
  const operation = notes.operation ?? '';
  throw new HttpProblem(
    'contract-violation',
    (lang) =>
      mockT(lang)('detail.contractViolation', {
        what: mockT(lang)(what),
        operation,
        violations: violationsDetail(violations, lang),
      }),
    { errors: violations },
  );
}
