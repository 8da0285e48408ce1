import { validate, validateAgainst, type OperationId } from '../../src/contracts';

/** Why an answer breaks the hardening property (empty when it holds): a 4xx problem+json or a 2xx matching the contract. */
export function answerFaults(operation: OperationId, status: number, type: string, text: string): string[] {
  if (status >= 400 && status < 500) {
    if (!type.startsWith('application/problem+json')) return [`${status} with content type ${type}`];
    return validateAgainst('problem.schema.json', parse(text)).map((v) => `problem ${v.pointer}: ${v.message}`);
  }
  if (status >= 200 && status < 300)
    return validate(operation, 'response', parse(text)).map((v) => `response ${v.pointer}: ${v.message}`);
  return [`status ${status}: ${text.slice(0, 200)}`];
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return `(not JSON) ${text.slice(0, 100)}`;
  }
}
