import type { Lang } from '../common/i18n';
import { registry } from './registry';
import { type CallbackId, type OperationId, type PayloadKind, schemaFileFor } from './operations';
import { conformsToFile, validateFileBounded, type BoundedViolations } from './validate-bounded';
import { toViolations, type Violation } from './violation';

/**
 * Validates a payload of one operation (or callback) against its contract; an empty list means valid.
 * At most MAX_KEPT_VIOLATIONS are returned (validateCounted also says how many there are in all).
 */
export function validate(
  operation: OperationId | CallbackId,
  kind: PayloadKind,
  value: unknown,
  lang: Lang = 'en',
): Violation[] {
  return validateCounted(operation, kind, value, lang).violations;
}

/** True when the payload keeps its contract: the first violation ends the check, so it costs little on a long one. */
export function conforms(operation: OperationId | CallbackId, kind: PayloadKind, value: unknown): boolean {
  return conformsToFile(schemaFileFor(operation, kind), value);
}

/** Like validate, with the number of violations in all: a long answer keeps only the first ones. */
export function validateCounted(
  operation: OperationId | CallbackId,
  kind: PayloadKind,
  value: unknown,
  lang: Lang = 'en',
): BoundedViolations {
  return validateFileBounded(schemaFileFor(operation, kind), value, lang);
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
  return validateFileBounded(file, value).violations;
}
