import type { IncomingMessage, ServerResponse } from 'node:http';
import type { OperationId } from '../../../contracts';
import { said } from '../../i18n';
import { HttpProblem } from '../../errors/problems';
import type { ScenarioPlan } from '../../domain/scenarios';
import { answerProblem, sendJsonText } from './respond';

/** Answers a fault scenario; returns false when the scenario is not a fault (out-of-stock, slow). */
export function answerFault(
  plan: ScenarioPlan,
  operation: OperationId,
  req: IncomingMessage,
  res: ServerResponse,
): boolean {
  if (plan.custom) {
    const { status, headers = {}, body } = plan.custom;
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    if (body === undefined) {
      res.statusCode = status;
      res.end();
    } else if (typeof body === 'string') {
      sendJsonText(res, status, body, res.getHeader('content-type')?.toString() ?? 'text/plain; charset=utf-8');
    } else {
      sendJsonText(
        res,
        status,
        JSON.stringify(body),
        res.getHeader('content-type')?.toString() ?? 'application/json; charset=utf-8',
      );
    }
    return true;
  }
  switch (plan.builtin) {
    case 'server-error':
      answerProblem(res, new HttpProblem('scenario-server-error', said('detail.scenarioServerError', { operation })));
      return true;
    case 'unavailable':
      answerProblem(
        res,
        new HttpProblem('scenario-unavailable', said('detail.scenarioUnavailable', { operation }), {
          headers: { 'retry-after': '30' },
        }),
      );
      return true;
    case 'malformed':
      sendJsonText(
        res,
        200,
        operation === 'productSearch' || operation === 'orderValidation'
          ? '[{"objectId":"12345","name":"iPh'
          : '{"result":"o',
      );
      return true;
    case 'empty':
      res.statusCode = 200;
      res.setHeader('content-length', '0');
      res.end();
      return true;
    case 'reset':
      req.socket.destroy();
      return true;
    default:
      return false;
  }
}
