import { maskSecretsIn, type SecretForm } from '../../../common/secrets';

/** Strings at most this long are remembered as clean: a request's method, path, headers, the time. */
const REMEMBERED_LENGTH = 256;
/** How many clean strings are remembered per set of forms before starting over. */
const REMEMBERED_COUNT = 1024;

/** What masking with one set of forms (a store's, or one request's) keeps between records. */
interface Masking {
  forms: readonly SecretForm[];
  /** No encoding makes a secret shorter than itself: shorter strings hold none. */
  shortest: number;
  /** Strings known to hold none of the forms. */
  clean: Set<string>;
}

const maskings = new WeakMap<readonly SecretForm[], Masking>();

/**
 * Masks every secret form in every string value of a record the mock has just built for one request
 * (a log line, a journal entry), at any depth, in place: the caller owns the record, and copying it
 * would cost more than the masking on the hot path. Keys are the mock's own names. Under load most
 * values repeat (the method, the path, the user agent, the time within a millisecond), so strings
 * found clean are remembered per set of forms; only secret-free text is kept there.
 */
export function maskRecord<T extends object>(record: T, forms: readonly SecretForm[]): T {
  if (forms.length === 0) return record;
  let masking = maskings.get(forms);
  if (masking === undefined) {
    const shortest = Math.min(...forms.map(([secret]) => [...secret].length));
    maskings.set(forms, (masking = { forms, shortest, clean: new Set() }));
  }
  scrub(record as Record<string, unknown>, masking);
  return record;
}

function scrub(target: Record<string, unknown>, masking: Masking): void {
  for (const key of Object.keys(target)) {
    const value = target[key];
    if (typeof value === 'string') {
      const masked = maskText(value, masking);
      if (masked !== value) target[key] = masked;
    } else if (value !== null && typeof value === 'object') {
      scrub(value as Record<string, unknown>, masking);
    }
  }
}

function maskText(text: string, { forms, shortest, clean }: Masking): string {
  if (text.length < shortest || clean.has(text)) return text;
  const masked = maskSecretsIn(text, forms);
  if (masked === text && text.length <= REMEMBERED_LENGTH) {
    if (clean.size >= REMEMBERED_COUNT) clean.clear();
    clean.add(text);
  }
  return masked;
}
