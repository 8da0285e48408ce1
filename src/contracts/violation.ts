import type { ErrorObject } from 'ajv';
import type { Lang } from '../common/i18n';
import { describeFound, expectedText, foundValue, messageOf, type ViolationParts } from './violation-text';

/** Where a violation keeps what it was made of (a symbol: JSON.stringify leaves it out of problem bodies). */
const PARTS = Symbol('violation parts');

/** One way a payload breaks its contract. */
export interface Violation {
  /** JSON pointer of the offending value ('' is the whole payload). */
  pointer: string;
  /** The schema keyword that failed (type, required, enum, ...). */
  keyword: string;
  /** What was expected and what was found, in the language it was asked in (English by default). */
  message: string;
  [PARTS]?: ViolationParts;
}

/**
 * One violation as one line, the form every message of the kit uses (CLI, mock problems, reports):
 * `/items/0/price: must be number, found string "10" [type]`; the payload itself is `(root)`.
 */
export function formatViolation(violation: Violation, lang?: Lang): string {
  const message = lang === undefined ? violation.message : localizeViolation(violation, lang).message;
  return `${violation.pointer || '(root)'}: ${message} [${violation.keyword}]`;
}

/**
 * The violation said in another language (ajv-i18n's words for ajv's part, the kit's for the rest);
 * pointer and keyword never change. A violation built by hand, without parts, is returned as it is.
 */
export function localizeViolation(violation: Violation, lang: Lang): Violation {
  const parts = violation[PARTS];
  if (!parts) return violation;
  return { pointer: violation.pointer, keyword: violation.keyword, message: messageOf(parts, lang), [PARTS]: parts };
}

/** What was expected and what was found, apart, in a language (reports show them on lines of their own). */
export function violationSides(violation: Violation, lang: Lang = 'en'): { expected: string; received: string } {
  const parts = violation[PARTS];
  if (!parts) return { expected: violation.message, received: describeFound({ kind: 'nothing' }, lang) };
  return { expected: expectedText(parts, lang), received: describeFound(parts.found, lang) };
}

/** Normalises ajv's errors into violations that name the field, the expectation and the value found. */
export function toViolations(errors: ErrorObject[] | null | undefined, value: unknown, lang: Lang = 'en'): Violation[] {
  if (!errors) return [];
  const seen = new Set<string>();
  const out: Violation[] = [];
  for (const error of errors) {
    // `if` only says "then failed"; the failing `then` keyword is reported on its own.
    if (error.keyword === 'if') continue;
    const violation = describe(error, value, lang);
    const key = `${violation.pointer}\u0000${violation.keyword}\u0000${violation.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(violation);
  }
  return out;
}

function describe(error: ErrorObject, root: unknown, lang: Lang): Violation {
  const params = error.params as Record<string, unknown>;
  const required = error.keyword === 'required';
  const parts: ViolationParts = {
    keyword: error.keyword,
    params,
    ajvMessage: error.message,
    found: required ? { kind: 'nothing' } : foundValue(valueAt(root, error.instancePath)),
  };
  const pointer = required
    ? `${error.instancePath}/${escapePointer(String(params.missingProperty))}`
    : error.instancePath;
  return { pointer, keyword: error.keyword, message: messageOf(parts, lang), [PARTS]: parts };
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
export function describeValue(value: unknown, lang: Lang = 'en'): string {
  return describeFound(foundValue(value), lang);
}
