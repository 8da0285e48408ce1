import { maskSecret, type HeaderPair } from './headers';

/** Query parameter names whose values are secrets (`?token=`, `api_key=`, ...). */
export const SECRET_QUERY_NAME = /token|secret|key|pass|signature|auth|sig/i;

/** Masks token-like query values (`?token=...`, `api_key=...`) and any user:password in a URL for display. */
export function maskUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return raw;
  }
  if (url.username || url.password) {
    url.username = url.username ? '***' : '';
    url.password = url.password ? '***' : '';
  }
  for (const name of [...url.searchParams.keys()]) {
    if (SECRET_QUERY_NAME.test(name)) url.searchParams.set(name, '***');
  }
  // URLSearchParams encodes '*' as %2A; keep the mask readable.
  return url.toString().replace(/%2A%2A%2A/g, '***');
}

/** Header pairs with their values masked, for any output. */
export function maskHeaders(headers: HeaderPair[]): HeaderPair[] {
  return headers.map(({ key, value }) => ({ key, value: maskSecret(value) }));
}

/** Where secrets are configured: the custom headers and the URLs (which may carry a token or password). */
export interface SecretSources {
  headers: HeaderPair[];
  urls: Record<string, string>;
}

/** A configured secret as it may appear in a text, and what replaces it there. */
export type SecretForm = [secret: string, mask: string];

/**
 * The configured secrets in every form a merchant may echo them: header values whole, without the
 * scheme word ("Bearer") and JSON-escaped; token-like query values and passwords of the URLs, also as
 * the Basic credentials node sends for them. Longest first, so a whole value goes before its token.
 */
export function secretForms(config: SecretSources): SecretForm[] {
  const forms: SecretForm[] = [];
  for (const { value } of config.headers) {
    forms.push([value, maskSecret(value)]);
    const token = value.replace(/^\S+\s+/, '');
    if (token !== value && token.length >= 4) forms.push([token, '***']);
  }
  for (const url of Object.values(config.urls)) for (const secret of urlSecrets(url)) forms.push([secret, '***']);
  for (const [secret, mask] of [...forms]) {
    for (const variant of [JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)]) {
      if (variant !== secret) forms.push([variant, mask]);
    }
  }
  return forms.sort((a, b) => b[0].length - a[0].length);
}

/** The secrets written into a URL: values of token-like query names and the password. */
function urlSecrets(raw: string): string[] {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return [];
  }
  const secrets = [...url.searchParams].filter(([name]) => SECRET_QUERY_NAME.test(name)).map(([, value]) => value);
  if (url.password) {
    // The user name stays: it is no secret, and masking it would also mask it inside host names.
    const password = decodeURIComponent(url.password);
    secrets.push(password, Buffer.from(`${decodeURIComponent(url.username)}:${password}`).toString('base64'));
  }
  // A secret of a few characters would mask unrelated text everywhere; none is that short in practice.
  return secrets.filter((secret) => secret.length >= 4);
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
    if (v !== null && typeof v === 'object')
      return Object.fromEntries(Object.entries(v).map(([k, child]) => [maskSecretsIn(k, forms), scrub(child)]));
    return v;
  };
  return scrub(value) as T;
}
