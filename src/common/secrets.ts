import { maskSecret, type HeaderPair } from './headers';
import { encodedPattern } from './secret-pattern';
import { urlSecrets } from './url-secrets';

export { maskUrl, SECRET_QUERY_NAME } from './url-secrets';

/** Header pairs with their values masked, for any output. */
export function maskHeaders(headers: HeaderPair[]): HeaderPair[] {
  return headers.map(({ key, value }) => ({ key, value: maskSecret(value) }));
}

/** Where secrets are configured: the custom headers and the URLs (which may carry a token or password). */
interface SecretSources {
  headers: HeaderPair[];
  urls: Record<string, string>;
}

/** A configured secret as it may appear in a text, and what replaces it there. */
export type SecretForm = [secret: string, mask: string];

// A secret of a few characters would mask unrelated text everywhere; none is that short in practice.
const MIN_SECRET_LENGTH = 4;

/**
 * The configured secrets a merchant may echo: header values whole, without the scheme word
 * ("Bearer"), and a Basic header's decoded user:password and password; token-like query values and
 * passwords of the URLs, also as the Basic credentials node sends for them. Longest first, so a
 * whole value goes before its token. Each is matched in any encoding (see maskSecretsIn).
 */
export function secretForms(config: SecretSources): SecretForm[] {
  const forms = new Map<string, string>();
  const add = (secret: string, mask = '***'): void => {
    if (secret.length >= MIN_SECRET_LENGTH && !forms.has(secret)) forms.set(secret, mask);
  };
  for (const { value } of config.headers) {
    add(value, maskSecret(value));
    const token = value.replace(/^\S+\s+/, '');
    if (token !== value) add(token);
    for (const secret of basicCredentials(value)) add(secret);
  }
  for (const url of Object.values(config.urls)) {
    const { values, user, password } = urlSecrets(url);
    values.forEach((value) => add(value));
    if (password !== undefined) {
      // The user name stays: it is no secret, and masking it would also mask it inside host names.
      add(password);
      add(Buffer.from(`${user ?? ''}:${password}`).toString('base64'));
    }
  }
  return [...forms].sort((a, b) => b[0].length - a[0].length);
}

/** The decoded "user:password" of a Basic header value, and the password alone. */
function basicCredentials(value: string): string[] {
  const basic = /^Basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(value);
  if (!basic) return [];
  const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  // Only text that really is credentials: not binary that happens to decode.
  const printable = [...decoded].every((char) => char >= ' ' && char !== '\ufffd');
  if (colon < 0 || !printable) return [];
  return [decoded, decoded.slice(colon + 1)];
}

interface Matcher {
  pattern: RegExp;
  masks: string[];
  /** No encoding makes a secret shorter than itself: shorter texts need no search. */
  shortest: number;
}

const matchers = new WeakMap<readonly SecretForm[], Matcher>();

function matcherFor(forms: readonly SecretForm[]): Matcher {
  let matcher = matchers.get(forms);
  if (!matcher) {
    matcher = {
      // One alternation, longest secret first, so a text is scanned once whatever the number of secrets.
      pattern: new RegExp(forms.map(([secret]) => `(${encodedPattern(secret)})`).join('|'), 'g'),
      masks: forms.map(([, mask]) => mask),
      shortest: Math.min(...forms.map(([secret]) => [...secret].length)),
    };
    matchers.set(forms, matcher);
  }
  return matcher;
}

/**
 * Replaces every configured secret in a text, in every form it travels in: raw, JSON-escaped
 * (`\/`, `\uXXXX`), percent-encoded in either case, or form-encoded.
 */
export function maskSecretsIn(text: string, forms: readonly SecretForm[]): string {
  if (forms.length === 0) return text;
  const { pattern, masks, shortest } = matcherFor(forms);
  if (text.length < shortest) return text;
  return text.replace(pattern, (...groups: unknown[]) => {
    // groups: the match, one capture per secret (only the one that matched is defined), offset, text.
    const index = groups.slice(1, masks.length + 1).findIndex((group) => group !== undefined);
    return masks[index];
  });
}

/** A copy of a JSON-like value with every configured secret masked in its strings and keys. */
export function maskSecretsDeep<T>(value: T, forms: readonly SecretForm[]): T {
  if (forms.length === 0) return value;
  const scrub = (v: unknown): unknown => {
    if (typeof v === 'string') return maskSecretsIn(v, forms);
    if (Array.isArray(v)) return v.map(scrub);
    if (v !== null && typeof v === 'object')
      return Object.fromEntries(Object.entries(v).map(([k, child]) => [maskSecretsIn(k, forms), scrub(child)]));
    return v;
  };
  return scrub(value) as T;
}
