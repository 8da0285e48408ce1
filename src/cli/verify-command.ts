import type { Command } from 'commander';
import { OPERATION_IDS } from '../contracts/operations';
import { MAX_CUSTOM_HEADERS } from '../common/headers';
import { UsageError } from '../common/usage-error';
import { langOption } from './lang-option';
import { rejectVerifyPositionals } from './verify-positionals';
import type { VerifyOptions } from './verify-run';

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
        // Loaded when the command runs, the flags first: a mistake in them is said before the runner,
        // its checks and its reports are loaded.
        const { runConfigFromFlags } = await import('../conformance/config/from-flags');
        const config = runConfigFromFlags(options);
        const { runVerifyCommand } = await import('./verify-run');
        process.exitCode = await runVerifyCommand(config, options, lang);
      } catch (error) {
        if (error instanceof UsageError) error.lang = lang;
        throw error;
      }
    });
}
