import fs from 'node:fs';
import {
  indexRequests,
  renderAnnotations,
  renderHeader,
  renderOperation,
  renderStepSummary,
  renderTail,
  type NetworkReport,
  type OperationReport,
  type RunMeta,
  type RunReport,
} from '../conformance';
import type { Lang } from '../common/i18n';
import { translatorFor } from '../conformance/i18n';
import { RequestBodies, requestFileName } from './request-bodies';

/** What verify's flags change on the console: --coverage, and the report beside which long request bodies go. */
export interface ConsoleChoices {
  coverage?: boolean;
  /** The first report file (--json, --junit or --html), if any. */
  reportFile?: string;
}

/** A stream that may be a terminal (process.stdout is one when nothing redirects it). */
type Output = NodeJS.WritableStream & { isTTY?: boolean };

/** Erases the live line: back to the line's start, clear to its end. */
const CLEAR_LINE = '\r\u001b[2K';

/**
 * Prints verify's console output as the run goes: the header at the start, each operation's block
 * when it finishes, the verdict and what to fix at the end (long request bodies written to files).
 * On a terminal a live line shows the check in flight (only ids, never merchant text); anywhere else
 * (CI, a pipe, a file) only plain lines are written, the same bytes for the same merchant state and
 * run id.
 */
export class VerifyOutput {
  private live = false;
  private next = 0;

  /** `operations`: those the run will report, in the order it calls them (the live line names the next one). */
  constructor(
    private readonly out: Output,
    private readonly operations: readonly string[],
    private readonly env: NodeJS.ProcessEnv = process.env,
    private readonly lang: Lang = 'en',
    private readonly choices: ConsoleChoices = {},
  ) {}

  /** True inside a GitHub Actions job (annotations and a step summary are written). */
  get inGithubActions(): boolean {
    return this.env.GITHUB_ACTIONS === 'true';
  }

  start = (meta: Omit<RunMeta, 'durationMs'>, network: NetworkReport): void => {
    this.out.write(renderHeader(meta, network));
    this.calling();
  };

  check = (operation: string, checkId: string): void => {
    this.showLive(translatorFor(this.lang)('console.checking', { operation, check: checkId }));
  };

  operation = (report: OperationReport): void => {
    this.clear();
    this.out.write(renderOperation(report, this.lang, { coverage: this.choices.coverage }));
    this.next = this.operations.indexOf(report.operation) + 1;
    this.calling();
  };

  /** Before an operation's first check its first request is on its way, which a slow merchant makes long. */
  private calling(): void {
    const operation = this.operations[this.next];
    if (operation !== undefined) this.showLive(translatorFor(this.lang)('console.calling', { operation }));
  }

  private showLive(text: string): void {
    if (!this.out.isTTY) return;
    this.out.write(`${CLEAR_LINE}  ${text}`);
    this.live = true;
  }

  /** The end of the run: annotations first in Actions (GitHub hides them from the log), then the tail. */
  finish(report: RunReport): void {
    this.clear();
    if (this.inGithubActions) this.out.write(renderAnnotations(report));
    const bodies = new RequestBodies(
      requestFileName(this.choices.reportFile, report.meta.runId),
      indexRequests(report).numberOf,
    );
    this.out.write(renderTail(report, { curl: bodies.shorten }));
  }

  /**
   * Appends the markdown summary to $GITHUB_STEP_SUMMARY in Actions. A summary that cannot be written
   * is said on stderr and changes nothing else: the checks' verdict is the exit code.
   */
  writeStepSummary(report: RunReport, err: NodeJS.WritableStream): void {
    const file = this.env.GITHUB_STEP_SUMMARY;
    if (!this.inGithubActions || !file) return;
    try {
      fs.appendFileSync(file, renderStepSummary(report));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'error';
      err.write(`merchant-kit: could not append the job summary to $GITHUB_STEP_SUMMARY (${code})\n`);
    }
  }

  private clear(): void {
    if (!this.live) return;
    this.out.write(CLEAR_LINE);
    this.live = false;
  }
}
