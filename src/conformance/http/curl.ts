import { maskHeaders, maskUrl } from '../../common/secrets';
import type { HttpRequest } from './client';

function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * A curl command that repeats a request, with header values and token-like query values masked. It
 * trusts the same extra CAs (--cacert) and skips the same checks (-k) as the run; curl reads the same
 * proxy variables by itself.
 */
export function toCurl(request: Pick<HttpRequest, 'method' | 'url' | 'headers' | 'body' | 'network'>): string {
  const parts = ['curl', '-sS', '-X', request.method, shellQuote(maskUrl(request.url))];
  if (request.url.startsWith('https:')) {
    for (const { file } of request.network?.ca ?? []) parts.push('--cacert', shellQuote(file));
    if (request.network?.insecure) parts.push('-k');
  }
  if (request.body !== undefined) parts.push('-H', shellQuote('Content-Type: application/json'));
  for (const { key, value } of maskHeaders(request.headers)) parts.push('-H', shellQuote(`${key}: ${value}`));
  if (request.body !== undefined) parts.push('--data-binary', shellQuote(request.body));
  return parts.join(' ');
}
