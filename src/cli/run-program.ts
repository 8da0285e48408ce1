import { CommanderError, type Command } from 'commander';
import { EXIT_USAGE, UsageError, reportUsageError } from '../common/usage-error';

/**
 * Parses argv with a program and turns every failure into an exit code: never a stack trace for a
 * user's mistake. Shared by the CLI (main.ts) and the GitHub Action's entry (github-action.ts).
 */
export async function runProgram(program: Command, argv: string[]): Promise<number> {
  try {
    await program.parseAsync(argv);
    return process.exitCode === undefined ? 0 : Number(process.exitCode);
  } catch (error) {
    if (error instanceof UsageError) return reportUsageError(error);
    if (error instanceof CommanderError) {
      // commander has printed its own message; help and --version end with exit code 0.
      return error.exitCode === 0 ? 0 : EXIT_USAGE;
    }
    process.stderr.write(`merchant-kit: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
