import { maskSecret, type HeaderPair } from '../common/headers';

/** A configured secret as it may appear in a text, and what replaces it there. */
export type SecretForm = [secret: string, mask: string];

/**
 * The configured header values in every form a merchant may echo them: whole, without the scheme
 * word ("Bearer"), and JSON-escaped. Longest first, so a whole value is masked before its token.
 */
export function secretForms(headers: HeaderPair[]): SecretForm[] {
  const forms: SecretForm[] = [];
  for (const { value } of headers) {
    forms.push([value, maskSecret(value)]);
    const token = value.replace(/^\S+\s+/, '');
    if (token !== value && token.length >= 4) forms.push([token, '***']);
  }
  for (const [secret, mask] of [...forms]) {
    const escaped = JSON.stringify(secret).slice(1, -1);
    if (escaped !== secret) forms.push([escaped, mask]);
  }
  return forms.sort((a, b) => b[0].length - a[0].length);
}

/** Replaces every configured secret in a text. */
export function maskSecretsIn(text: string, forms: SecretForm[]): string {
  return forms.reduce((out, [secret, mask]) => out.split(secret).join(mask), text);
}

/** A copy of a JSON-like value with every configured secret masked in its strings and keys. */
export function maskSecretsDeep<T>(value: T, forms: SecretForm[]): T {
  if (forms.length === 0) return value;
  const scrub = (v: unknown): unknown => {
    if (typeof v === 'string') return maskSecretsIn(v, forms);
    if (Array.isArray(v)) return v.map(scrub);
    if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, child]) => [maskSecretsIn(k, forms), scrub(child)]));
    return v;
  };
  return scrub(value) as T;
}

/**
 * Replaces every configured header value anywhere in a report: the last line of defence, for text a
 * check built from what it sent (received text is masked on arrival, see exchange).
 */
export function scrubSecrets<T>(value: T, headers: HeaderPair[]): T {
  return maskSecretsDeep(value, secretForms(headers));
}
