import { langFromEnv, type Lang } from './i18n';

/** Exit codes shared by every command (docs/verify.md, exit codes): 0 passed, 1 contract failed, 2 bad usage or config. */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

/**
 * A mistake in how the CLI was called; the message names the flag or config key and the fix. The
 * message is English; an error that can be said in another language carries `said` (verify's errors),
 * and the command that knows the language (--lang) sets `lang` before it is printed.
 */
export class UsageError extends Error {
  /** The language to print the error in, once the command has read it (else the locale's). */
  lang?: Lang;

  constructor(
    message: string,
    readonly said?: (lang: Lang) => string,
  ) {
    super(message);
    this.name = 'UsageError';
  }

  /** The message in a language (English when the error has no other). */
  in(lang: Lang): string {
    return this.said?.(lang) ?? this.message;
  }
}

/** Prints a usage error the way every command does and returns the exit code to use. */
export function reportUsageError(
  error: UsageError,
  stderr: NodeJS.WritableStream = process.stderr,
  env: NodeJS.ProcessEnv = process.env,
): number {
  stderr.write(`merchant-kit: ${error.in(error.lang ?? langFromEnv(env))}\n`);
  return EXIT_USAGE;
}
