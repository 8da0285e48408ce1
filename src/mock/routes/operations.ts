import type { Request, Response, Router } from 'express';
import { OPERATIONS, OPERATION_IDS } from '../../contracts';
import type { MockContext } from '../context';
import { handleOperation, type RequestNotes } from '../pipeline';
import { HttpProblem } from '../problems';

/** Mounts the five operations on the router, plus a 405 for other methods on their paths. */
export function mountOperations(router: Router, ctx: MockContext): void {
  for (const id of OPERATION_IDS) {
    const { method, path } = OPERATIONS[id];
    // Express catches the rejection and its error middleware renders it (renderFailure, as the listener does).
    const handler = (req: Request, res: Response): Promise<void> =>
      handleOperation(ctx, id, req, res, res.locals as RequestNotes);
    if (method === 'GET') router.get(path, handler);
    else router.post(path, handler);
    router.all(path, (_req, _res) => {
      throw new HttpProblem('method-not-allowed', `${id} answers ${method} only`, {
        headers: { allow: method === 'GET' ? 'GET, HEAD' : 'POST' },
      });
    });
  }
}
