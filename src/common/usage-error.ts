/** Exit codes shared by every command (docs/verify.md, exit codes): 0 passed, 1 contract failed, 2 bad usage or config. */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

/** A mistake in how the CLI was called; the message names the flag or config key and the fix. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Prints a usage error the way every command does and returns the exit code to use. */
export function reportUsageError(error: UsageError, stderr: NodeJS.WritableStream = process.stderr): number {
  stderr.write(`merchant-kit: ${error.message}\n`);
  return EXIT_USAGE;
}
