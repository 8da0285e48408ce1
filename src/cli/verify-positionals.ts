import { maskUrl } from '../common/secrets';
import { UsageError } from '../common/usage-error';

/**
 * verify takes everything as flags; a positional argument is a URL or config file given the way
 * other tools take them, so the error says which flag to put before it (a URL masked).
 */
export function rejectVerifyPositionals(args: readonly string[]): void {
  const [first] = args;
  if (first === undefined) return;
  if (/^https?:\/\//i.test(first))
    throw new UsageError(
      `verify takes the merchant's base URL as a flag: merchant-kit verify --base-url ${maskUrl(first)}`,
    );
  if (/\.json$/i.test(first))
    throw new UsageError(`verify takes the config file as a flag: merchant-kit verify --config ${first}`);
  throw new UsageError(
    `verify takes no positional argument (${JSON.stringify(first.slice(0, 60))}): give --config FILE or --base-url URL`,
  );
}
