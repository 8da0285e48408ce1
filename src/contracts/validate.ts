import type { Lang } from '../common/i18n';
import { registry } from './registry';
import { type CallbackId, type OperationId, type PayloadKind, schemaFileFor } from './operations';
import { toViolations, type Violation } from './violation';

/** Validates a payload of one operation (or callback) against its contract; an empty list means valid. */
export function validate(
  operation: OperationId | CallbackId,
  kind: PayloadKind,
  value: unknown,
  lang: Lang = 'en',
): Violation[] {
  const check = registry().validator(schemaFileFor(operation, kind));
  return check(value) ? [] : toViolations(check.errors, value, lang);
}

/**
 * Validates productSearch's query string. Values arrive as strings (or arrays when repeated), so
 * `from`/`size` are coerced and defaults filled in; the coerced copy is returned with the violations.
 */
export function validateSearchQuery(
  query: Record<string, unknown>,
  lang: Lang = 'en',
): {
  query: Record<string, unknown>;
  violations: Violation[];
} {
  const copy: Record<string, unknown> = { ...query };
  const check = registry().queryValidator(schemaFileFor('productSearch', 'request'));
  const valid = check(copy);
  return { query: copy, violations: valid ? [] : toViolations(check.errors, query, lang) };
}

/** Validates a value against any schema file in contracts/schemas (e.g. problem.schema.json). */
export function validateAgainst(file: string, value: unknown): Violation[] {
  const check = registry().validator(file);
  return check(value) ? [] : toViolations(check.errors, value);
}
