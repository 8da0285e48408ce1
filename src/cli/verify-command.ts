import type { Command } from 'commander';
import { OPERATION_IDS } from '../contracts';
import {
  exitCodeFor,
  renderHtml,
  renderJson,
  renderJunit,
  RUN_ORDER,
  runConfigFromFlags,
  runVerify,
  type VerifyFlags,
} from '../conformance';
import { MAX_CUSTOM_HEADERS } from '../common/headers';
import { EXIT_USAGE, UsageError } from '../common/usage-error';
import { usageError } from '../conformance/i18n/usage';
import { prepareReportFile, writeReportFile } from './report-files';
import { langOption } from './lang-option';
import type { Lang } from '../common/i18n';
import { translatorFor } from '../conformance/i18n';
import { rejectVerifyPositionals } from './verify-positionals';
import { VerifyOutput } from './verify-output';

interface VerifyOptions extends VerifyFlags {
  runId?: string;
  json?: string;
  junit?: string;
  html?: string;
  lang?: string;
  coverage?: boolean;
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** `merchant-kit verify`: calls a merchant's five URLs the way OmniChat does and reports which contracts pass. */
export function registerVerifyCommand(program: Command): void {
  program
    .command('verify')
    .description("check a merchant's five URLs against OmniChat's contracts (exit 0 pass, 1 fail, 2 usage)")
    .option('--config <file>', 'merchant config (JSON: urls, headers, testData, capabilities, timeoutMs)')
    .option('--base-url <url>', 'the five default paths under URL (URL/products/productsearch, ...)')
    .option(
      '--header <"Name: value">',
      `header sent on every call, repeatable (at most ${MAX_CUSTOM_HEADERS})`,
      collect,
    )
    .option('--only <ops>', `comma-separated operations: ${OPERATION_IDS.join(',')}`)
    .option('--timeout <ms>', 'time budget per request in ms (default 5000, as OmniChat)')
    .option('--no-destructive', 'do not create, notify or cancel test orders')
    .option(
      '--callback-port <port>',
      "listen on 127.0.0.1:PORT as OmniChat's orders API and expect the merchant's callback",
    )
    .option(
      '--concurrency <n>',
      'requests in flight at once within an operation, 1 to 16 (default 4; 1 = one at a time)',
    )
    .option(
      '--explore-calls <n>',
      'call budget of the explorer (generated journeys, shrunk when they fail), 0 to 2000 (default 36; 0 = off)',
    )
    .option(
      '--seed <n>',
      "the explorer's seed, to replay a run's journeys (default: from the run id; every report states it)",
    )
    .option(
      '--ca <file>',
      'trust the CA certificates in FILE (PEM) besides the usual ones, repeatable: for an internal CA or a self-signed staging server',
      collect,
    )
    .option('--insecure', 'do not check TLS certificates (every report says so; prefer --ca)')
    .option('--lang <lang>', 'language of the reports: en or pt-BR (default: from LC_ALL, LC_MESSAGES or LANG)')
    .option(
      '--coverage',
      'also print which optional fields the merchant fills, per operation (always in the JSON, JUnit and HTML reports)',
    )
    .option('--json <file>', 'write the JSON report to FILE')
    .option('--junit <file>', 'write a JUnit XML report to FILE')
    .option('--html <file>', 'write a self-contained HTML report to FILE')
    .option(
      '--run-id <id>',
      'marks the test order ids (mk-test-<id>-...); fix it for byte-identical output between runs (default: a timestamp)',
    )
    .addHelpText('after', '\nProxies: HTTPS_PROXY, HTTP_PROXY, ALL_PROXY and NO_PROXY are honoured as curl does.')
    // Positionals are accepted by the parser only to be answered with the flag to use (verify-positionals.ts).
    .allowExcessArguments()
    .action(async (options: VerifyOptions, command: Command) => {
      // Read first: a bad --lang is said in the locale's language, every later mistake in the run's.
      const lang = langOption(options.lang);
      try {
        rejectVerifyPositionals(command.args);
        process.exitCode = await runVerifyCommand(options, lang);
      } catch (error) {
        if (error instanceof UsageError) error.lang = lang;
        throw error;
      }
    });
}

/** Runs verify with parsed flags, writes the reports and returns the exit code (bad usage throws UsageError). */
async function runVerifyCommand(
  options: VerifyOptions,
  lang: Lang,
  out: NodeJS.WritableStream = process.stdout,
  err: NodeJS.WritableStream = process.stderr,
): Promise<number> {
  const config = runConfigFromFlags(options);
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
