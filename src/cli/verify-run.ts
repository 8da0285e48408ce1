import {
  exitCodeFor,
  renderHtml,
  renderJson,
  renderJunit,
  RUN_ORDER,
  runVerify,
  type RunConfig,
  type VerifyFlags,
} from '../conformance';
import { EXIT_USAGE } from '../common/usage-error';
import { usageError } from '../conformance/i18n/usage';
import { prepareReportFile, writeReportFile } from './report-files';
import type { Lang } from '../common/i18n';
import { translatorFor } from '../conformance/i18n';
import { VerifyOutput } from './verify-output';

/** verify's flags as commander parses them. */
export interface VerifyOptions extends VerifyFlags {
  runId?: string;
  json?: string;
  junit?: string;
  html?: string;
  lang?: string;
  coverage?: boolean;
}

/** Runs verify with its checked config and parsed flags, writes the reports and returns the exit code (bad usage throws UsageError). */
export async function runVerifyCommand(
  config: RunConfig,
  options: VerifyOptions,
  lang: Lang,
  out: NodeJS.WritableStream = process.stdout,
  err: NodeJS.WritableStream = process.stderr,
): Promise<number> {
  // Checked before the run, so a typo in a report path does not waste (or half-report) a whole run.
  const reports = [
    ['--json', options.json, renderJson],
    ['--junit', options.junit, renderJunit],
    ['--html', options.html, renderHtml],
  ] as const;
  for (const [flag, file] of reports) if (file !== undefined) prepareReportFile(flag, file);
  const output = new VerifyOutput(
    out,
    RUN_ORDER.filter((operation) => config.only.includes(operation)),
    process.env,
    lang,
    { coverage: options.coverage === true, reportFile: options.json ?? options.junit ?? options.html },
  );
  const report = await runVerify(config, {
    lang,
    runId: parseRunId(options.runId),
    onStart: output.start,
    onCheck: output.check,
    onOperation: output.operation,
  });
  output.finish(report);
  output.writeStepSummary(report, err);
  // Every report is tried; each one that cannot be written (a full disk) is one line, and exit 2.
  const unwritten = reports.flatMap(([flag, file, render]) => {
    const error = file === undefined ? undefined : writeReportFile(flag, file, render(report));
    return error ? [error] : [];
  });
  for (const error of unwritten) err.write(`merchant-kit: ${error.in(lang)}\n`);
  if (unwritten.length > 0) return EXIT_USAGE;
  const code = exitCodeFor(report.summary);
  if (code === EXIT_USAGE) err.write(`merchant-kit: ${translatorFor(lang)('console.nothingTested')}\n`);
  return code;
}

// Letters, digits and dashes only: the id goes into order ids, search terms and curl lines unescaped.
const RUN_ID = /^[A-Za-z0-9-]{1,32}$/;

function parseRunId(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  if (!RUN_ID.test(raw)) throw usageError('usage.runId', { value: JSON.stringify(raw.slice(0, 40)) });
  return raw;
}
