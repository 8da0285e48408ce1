import { maskHeaders, maskUrl } from '../../common/secrets';
import type { HttpRequest } from './client';

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
