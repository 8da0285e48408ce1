import { OPERATION_IDS, type OperationId } from '../../contracts';
import type { Check } from '../check';
import { bodyPreview, primaryBody, type Exchange } from '../exchange';
import { fail, notJudged, pass, warn } from '../outcome';

/** productSearch and orderValidation must answer with a body; the other three may answer with none. */
export const BODY_REQUIRED: readonly OperationId[] = ['productSearch', 'orderValidation'];

function contentType(ex: Exchange): string {
  return ex.answer.ok ? (ex.answer.value.headers['content-type'] ?? '') : '';
}

const isJsonType = (type: string): boolean => /^application\/([\w.+-]+\+)?json\b/i.test(type);

/** The answer's body is JSON where OmniChat reads one. */
export const jsonBody: Check = {
  id: 'json-body',
  operations: OPERATION_IDS,
  what: 'the body is JSON (required for productSearch and orderValidation; optional but then valid for the others)',
  why: 'OmniChat parses the body; HTML or broken JSON counts as a failed call',
  fix: 'answer with Content-Type application/json and a body that parses as JSON (for productSearch and orderValidation, an array)',
  run(_ctx, operation, primary) {
    const body = primaryBody(primary, operation);
    if (!body.ok) return notJudged(body, primary);
    const type = contentType(primary);
    const required = BODY_REQUIRED.includes(operation);
    if (primary.jsonError !== undefined) {
      if (!required && !isJsonType(type))
        return pass(`a non-JSON body (${type || 'no Content-Type'}), which OmniChat ignores here`);
      return fail(`the body is not JSON (${primary.jsonError})`, {
        received: bodyPreview(primary),
        expected: 'a JSON body',
        exchange: primary,
      });
    }
    if (!primary.json) {
      if (required)
        return fail('the body is empty', {
          received: bodyPreview(primary),
          expected: 'a JSON array',
          exchange: primary,
        });
      return pass('no body, which OmniChat accepts here');
    }
    if (!isJsonType(type)) {
      return warn(`the body is JSON but Content-Type is ${type ? JSON.stringify(type) : 'missing'}`, {
        received: type || 'no Content-Type',
        expected: 'application/json',
        exchange: primary,
      });
    }
    return pass('JSON body with a JSON Content-Type');
  },
};
