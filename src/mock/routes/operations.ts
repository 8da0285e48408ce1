import type { Request, RequestHandler, Response, Router } from 'express';
import { OPERATIONS, OPERATION_IDS, validate, validateSearchQuery, type OperationId, type Violation } from '../../contracts';
import type { MockContext } from '../context';
import { cancelOrder, createOrder, notifyStatus, searchProducts, searchRequestOf, validateOrder } from '../handlers';
import { readJsonBody } from '../json-body';
import type { OrderPayload } from '../order-types';
import { HttpProblem, violationsDetail } from '../problems';
import { answerFault } from './faults';
import { sendJsonText, waitFor } from './respond';

/** What the logging middleware reads back about a request once it is answered. */
export interface RequestNotes {
  operation?: OperationId;
  scenario?: string;
  violations?: Violation[];
  /** A refused admin token: the request is neither logged nor journaled. */
  unlogged?: boolean;
}

const NO_QUERY: Record<string, unknown> = {};

/** Mounts the five operations on the router, plus a 405 for other methods on their paths. */
export function mountOperations(router: Router, ctx: MockContext): void {
  for (const id of OPERATION_IDS) {
    const { method, path } = OPERATIONS[id];
    const handler = operationHandler(ctx, id);
    if (method === 'GET') router.get(path, handler);
    else router.post(path, handler);
    router.all(path, (_req, _res) => {
      throw new HttpProblem('method-not-allowed', `${id} answers ${method} only`, { headers: { allow: method === 'GET' ? 'GET, HEAD' : 'POST' } });
    });
  }
}

/** The pipeline of one operation: auth, scenario, body, contract check, then the seam that answers. */
function operationHandler(ctx: MockContext, operation: OperationId): RequestHandler {
  return async (req: Request, res: Response) => {
    const notes = res.locals as RequestNotes;
    notes.operation = operation;
    const failing = ctx.auth.failing(req.headers);
    if (failing !== undefined) {
      throw new HttpProblem('unauthorized', `header ${failing} is missing or does not match the value configured for this integration`);
    }
    // Express parses the query string on every read of req.query: read it once, and only when there is one.
    const query = req.url.includes('?') ? (req.query as Record<string, unknown>) : NO_QUERY;
    const plan = ctx.scenarios.plan(operation, req.get('prefer'), query.__scenario);
    const body = operation === 'productSearch' ? undefined : await readJsonBody(req);
    if (plan) {
      notes.scenario = plan.name;
      if (plan.delayMs > 0) await waitFor(plan.delayMs, res, ctx.waits);
      if (res.writableEnded || res.destroyed) return;
      if (answerFault(plan, operation, req, res)) return;
    }
    const outOfStock = plan?.builtin === 'out-of-stock';
    if (operation === 'productSearch') {
      const { __scenario: _ignored, ...params } = query;
      const checked = validateSearchQuery(params);
      accept(ctx, notes, checked.violations, 'query string');
      sendJsonText(res, 200, searchProducts(ctx, searchRequestOf(checked.query), outOfStock));
      return;
    }
    accept(ctx, notes, validate(operation, 'request', body), 'body');
    const order = (typeof body === 'object' && body !== null && !Array.isArray(body) ? body : {}) as OrderPayload;
    switch (operation) {
      case 'orderValidation':
        sendJsonText(res, 200, JSON.stringify(validateOrder(ctx, order, outOfStock)));
        return;
      case 'orderCreation':
        sendJsonText(res, 200, createOrder(ctx, order));
        return;
      case 'orderCancellation':
        sendJsonText(res, 200, cancelOrder(ctx, order));
        return;
      case 'statusNotification':
        sendJsonText(res, 200, notifyStatus(ctx, order));
        return;
    }
  };
}

/** A contract violation is a 400 naming the field; with --lenient it is kept in the journal and the request goes on. */
function accept(ctx: MockContext, notes: RequestNotes, violations: Violation[], what: string): void {
  if (violations.length === 0) return;
  if (ctx.lenient) {
    notes.violations = violations;
    return;
  }
  throw new HttpProblem('contract-violation', `the ${what} breaks the ${notes.operation} contract: ${violationsDetail(violations)}`, { errors: violations });
}
