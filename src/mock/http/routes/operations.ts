import type { Request, Response, Router } from 'express';
import { OPERATIONS, OPERATION_IDS } from '../../../contracts';
import { enterStore, handleOperation, type RequestNotes } from '../pipeline';
import { said } from '../../i18n';
import { HttpProblem } from '../../errors/problems';
import type { ContextOf } from './admin-events';

/**
 * Mounts the five operations on the router, plus a 405 for other methods on their paths. `storeOf`
 * picks the store (the default one, or the sandbox named in the path, created on first use).
 */
export function mountOperations(router: Router, storeOf: ContextOf): void {
  for (const id of OPERATION_IDS) {
    const { method, path } = OPERATIONS[id];
    // Express catches the rejection and its error middleware renders it (renderFailure, as the listener does).
    const handler = async (req: Request, res: Response): Promise<void> => {
      const notes = res.locals as RequestNotes;
      const ctx = await storeOf(req, res);
      enterStore(ctx, notes);
      await handleOperation(ctx, id, req, res, notes);
    };
    if (method === 'GET') router.get(path, handler);
    else router.post(path, handler);
    router.all(path, (_req, _res) => {
      throw new HttpProblem('method-not-allowed', said('detail.methodNotAllowed', { operation: id, method }), {
        headers: { allow: method === 'GET' ? 'GET, HEAD' : 'POST' },
      });
    });
  }
}
