import { langFromEnv } from '../common/i18n';
import { translatorFor } from '../conformance/i18n';

/**
 * Keeps a failing standard output from crashing the CLI with a stack trace. A reader that stops
 * early (`merchant-kit contracts | head -1`) closes the pipe: the rest of the output is dropped, one
 * line on stderr says so, and the command finishes with its own exit code (reports are still
 * written, the verdict still decides). Any other write error (a full disk behind `> file`) loses
 * output nobody chose to drop, so a run that would have exited 0 exits 1.
 */
export class OutputGuard {
  private failure: string | undefined;

  constructor(
    private readonly stdout: NodeJS.WritableStream,
    private readonly stderr: NodeJS.WritableStream,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {}

  /** Starts listening for stdout's errors (and ignores stderr's: there is nowhere left to say them). */
  watch(): this {
    this.stdout.on('error', (error: NodeJS.ErrnoException) => this.failed(error.code ?? 'error'));
    this.stderr.on('error', () => undefined);
    return this;
  }

  /** The exit code to end with, given the command's own. */
  exitCode(code: number): number {
    if (this.failure === undefined || this.failure === 'EPIPE' || code !== 0) return code;
    return 1;
  }

  private failed(code: string): void {
    // Writes after the first failure fail too (the stream is destroyed): one line is enough.
    if (this.failure !== undefined) return;
    this.failure = code;
    const t = translatorFor(langFromEnv(this.env));
    const line = code === 'EPIPE' ? t('console.outputClosed') : t('console.outputFailed', { code });
    this.stderr.write(`merchant-kit: ${line}\n`);
    // The error may arrive after main() has returned its code: correct the code already set.
    if (process.exitCode !== undefined) process.exitCode = this.exitCode(Number(process.exitCode));
  }
}
