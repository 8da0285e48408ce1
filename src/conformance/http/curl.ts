import { maskSecret, type HeaderPair } from '../../common/headers';
import type { HttpRequest } from './client';

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

function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** A curl command that repeats a request, with header values and token-like query values masked. */
export function toCurl(request: Pick<HttpRequest, 'method' | 'url' | 'headers' | 'body'>): string {
  const parts = ['curl', '-sS', '-X', request.method, shellQuote(maskUrl(request.url))];
  if (request.body !== undefined) parts.push('-H', shellQuote('Content-Type: application/json'));
  for (const { key, value } of maskHeaders(request.headers)) parts.push('-H', shellQuote(`${key}: ${value}`));
  if (request.body !== undefined) parts.push('--data-binary', shellQuote(request.body));
  return parts.join(' ');
}
