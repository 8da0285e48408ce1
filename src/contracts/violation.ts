import type { ErrorObject } from 'ajv';

/** One way a payload breaks its contract. */
export interface Violation {
  /** JSON pointer of the offending value ('' is the whole payload). */
  pointer: string;
  /** The schema keyword that failed (type, required, enum, ...). */
  keyword: string;
  /** What was expected and what was found. */
  message: string;
}

/**
 * One violation as one line, the form every message of the kit uses (CLI, mock problems, reports):
 * `/items/0/price: must be number, found string "10" [type]`; the payload itself is `(root)`.
 */
export function formatViolation(violation: Violation): string {
  return `${violation.pointer || '(root)'}: ${violation.message} [${violation.keyword}]`;
}

/** Normalises ajv's errors into violations that name the field, the expectation and the value found. */
export function toViolations(errors: ErrorObject[] | null | undefined, value: unknown): Violation[] {
  if (!errors) return [];
  const seen = new Set<string>();
  const out: Violation[] = [];
  for (const error of errors) {
    // `if` only says "then failed"; the failing `then` keyword is reported on its own.
    if (error.keyword === 'if') continue;
    const violation = describe(error, value);
    const key = `${violation.pointer}\u0000${violation.keyword}\u0000${violation.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(violation);
  }
  return out;
}

function describe(error: ErrorObject, root: unknown): Violation {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'required') {
    const pointer = `${error.instancePath}/${escapePointer(String(params.missingProperty))}`;
    return { pointer, keyword: 'required', message: `is required but missing` };
  }
  const found = describeValue(valueAt(root, error.instancePath));
  let expected = error.message ?? 'is invalid';
  if (error.keyword === 'enum')
    expected = `must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
  if (error.keyword === 'const') expected = `must be ${JSON.stringify(params.allowedValue)}`;
  return { pointer: error.instancePath, keyword: error.keyword, message: `${expected}, found ${found}` };
}

/** Reads the value a JSON pointer names, or undefined. */
export function valueAt(root: unknown, pointer: string): unknown {
  if (pointer === '') return root;
  let current: unknown = root;
  for (const raw of pointer.slice(1).split('/')) {
    const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[token];
  }
  return current;
}

/** Escapes one JSON pointer token. */
export function escapePointer(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** A short, bounded description of a value for messages: its type and a preview. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'object') return 'an object';
  const text = JSON.stringify(value);
  const preview = text.length > 60 ? `${text.slice(0, 57)}...` : text;
  return `${typeof value} ${preview}`;
}
