import { maskUrl } from '../common/secrets';
import { usageError } from '../conformance/i18n/usage';

/**
 * verify takes everything as flags; a positional argument is a URL or config file given the way
 * other tools take them, so the error says which flag to put before it (a URL masked).
 */
export function rejectVerifyPositionals(args: readonly string[]): void {
  const [first] = args;
  if (first === undefined) return;
  if (/^https?:\/\//i.test(first)) throw usageError('usage.positionalUrl', { url: maskUrl(first) });
  if (/\.json$/i.test(first)) throw usageError('usage.positionalConfig', { file: first });
  throw usageError('usage.positional', { value: JSON.stringify(first.slice(0, 60)) });
}
