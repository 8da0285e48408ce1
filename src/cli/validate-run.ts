import fs from 'node:fs';
import {
  CONTRACT_NAMES,
  describeValue,
  isCallbackId,
  formatViolation,
  isOperationId,
  nearestName,
  validate,
  validateSearchQuery,
  type CallbackId,
  type OperationId,
  type PayloadKind,
  type Violation,
} from '../contracts';
import { EXIT_FAILED, EXIT_OK, UsageError } from '../common/usage-error';
import type { Lang } from '../common/i18n';

/** Validates and prints; returns the exit code (0 valid, 1 breaks the contract; bad usage throws UsageError). */
export function runValidate(
  operation: string,
  kind: string,
  file: string,
  out: NodeJS.WritableStream = process.stdout,
  lang: Lang = 'en',
): number {
  if (!isOperationId(operation) && !isCallbackId(operation)) {
    throw new UsageError(`unknown operation ${JSON.stringify(operation)}: ${didYouMean(operation, CONTRACT_NAMES)}`);
  }
  if (kind !== 'request' && kind !== 'response') {
    throw new UsageError(`unknown kind ${JSON.stringify(kind)}: ${didYouMean(kind, ['request', 'response'])}`);
  }
  if (isCallbackId(operation) && kind === 'response') {
    throw new UsageError(`${operation} is a callback the merchant sends to OmniChat: only its request has a contract`);
  }
  const text = readInput(file);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${file === '-' ? 'standard input' : file} is not JSON: ${(error as Error).message}`);
  }
  const violations = validatePayload(operation, kind, value, lang);
  out.write(formatResult(operation, kind, violations, lang));
  return violations.length === 0 ? EXIT_OK : EXIT_FAILED;
}

/** "did you mean "x"? (use one of ...)", or just the list when no name is close. */
function didYouMean(name: string, names: readonly string[]): string {
  const nearest = nearestName(name, names);
  const list = `use one of ${names.join(', ')}`;
  return nearest ? `did you mean ${JSON.stringify(nearest)}? (${list})` : list;
}

/** productSearch has no body: its "request" is the query string, given as a JSON object of parameters. */
function validatePayload(
  operation: OperationId | CallbackId,
  kind: PayloadKind,
  value: unknown,
  lang: Lang,
): Violation[] {
  if (operation !== 'productSearch' || kind !== 'request') return validate(operation, kind, value, lang);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const found = describeValue(value, lang);
    const message =
      lang === 'pt-BR'
        ? `deve ser um objeto com os parâmetros da query, encontrado ${found}`
        : `must be an object of query parameters, found ${found}`;
    return [{ pointer: '', keyword: 'type', message }];
  }
  return validateSearchQuery(value as Record<string, unknown>, lang).violations;
}

function readInput(file: string): string {
  try {
    return fs.readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (code ?? 'unreadable');
    throw new UsageError(`cannot read ${file}: ${reason}`);
  }
}

/** One line per violation: pointer, then what was expected and what was found. */
function formatResult(operation: string, kind: string, violations: Violation[], lang: Lang = 'en'): string {
  const pt = lang === 'pt-BR';
  // "request" and "response" are arguments in English, words in Portuguese: "o contrato de resposta".
  const contract = kind === 'request' ? 'de requisição' : 'de resposta';
  if (violations.length === 0)
    return pt
      ? `válido: o contrato ${contract} de ${operation} é respeitado\n`
      : `valid: the ${operation} ${kind} contract holds\n`;
  const lines = violations.map((v) => `  ${formatViolation(v)}`);
  const n = violations.length;
  const head = pt
    ? `inválido: ${n} ${n === 1 ? 'violação' : 'violações'} do contrato ${contract} de ${operation}`
    : `invalid: ${n} ${n === 1 ? 'violation' : 'violations'} of the ${operation} ${kind} contract`;
  return `${head}\n${lines.join('\n')}\n`;
}
