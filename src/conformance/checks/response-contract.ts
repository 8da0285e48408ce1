import { OPERATION_IDS, formatViolation, validate } from '../../contracts';
import type { Check } from '../check';
import { primaryBody } from '../exchange';
import { couldNotCheck, fail, notJudged, pass, skip } from '../outcome';
import { BODY_REQUIRED } from './json-body';

const MAX_DETAILS = 20;

/** Splits "must be number, found string \"9.99\"" into what was expected and what was found. */
export function splitViolation(message: string): { expected: string; received: string } {
  const at = message.lastIndexOf(', found ');
  if (at < 0) return { expected: message, received: 'nothing' };
  return { expected: message.slice(0, at), received: message.slice(at + ', found '.length) };
}

/** The answer matches the operation's response contract, each violation with its JSON pointer. */
export const responseContract: Check = {
  id: 'response-contract',
  operations: OPERATION_IDS,
  what: "the answer validates against the operation's response schema (contracts/schemas)",
  why: 'OmniChat reads these fields by name and type; a wrapped array or a price as a string is not a product list it can use',
  fix: 'return the fields the contract names with their types (see merchant-kit validate and docs/contracts.md)',
  run(_ctx, operation, primary) {
    const body = primaryBody(primary, operation);
    if (!body.ok) return notJudged(body, primary);
    if (!primary.json) {
      if (BODY_REQUIRED.includes(operation))
        return couldNotCheck('the body is not JSON; see json-body', primary, { operation, check: 'json-body' });
      return skip('no JSON body to check (allowed for this operation)');
    }
    const violations = validate(operation, 'response', primary.json.value);
    if (violations.length === 0) return pass('matches the response contract');
    const [first, ...rest] = violations;
    const noun = violations.length === 1 ? 'violation' : 'violations';
    return fail(`${violations.length} contract ${noun}`, {
      ...splitViolation(first.message),
      pointer: `${first.pointer || '(root)'} [${first.keyword}]`,
      details: rest.slice(0, MAX_DETAILS).map(formatViolation),
      exchange: primary,
    });
  },
};
