import fs from 'node:fs';
import os from 'node:os';
import { compareWithBare, DOCUMENTED_ORDER_REQUEST, NEW_CART_LOAD } from './bare';
import { compareInTurn, summarize } from './compare';
import { stopLoad, type LoadOptions } from './load';
import { BenchUsageError, parseOptions, type BenchOptions } from './options';
import { measureStartups, preflight, timeVerify } from './phases';
import { countMissed, roundsTable, summaryTable } from './report';
import { measureScale } from './scale';
import { killAllNow, readMemory, StartError, stopAll } from './servers';
import { answersSearch, CLI_PATH, oursSpec, prismSpec } from './sides';
import { buildWorkload } from './workload';
import { buildSummary } from './summary';
import { slowVerifyRows, timeSlowVerify } from './slow-verify';
import { measureStores } from './stores';
import { longAnswerRow, LONG_ITEMS, timeLongAnswer } from './long-answer';

const START_TIMEOUT_MS = 30000;

type Log = (line: string) => void;

/** The whole bench: startups, A B load rounds against Prism, verify, the 100k catalog, then the table. */
async function bench(options: BenchOptions, log: Log): Promise<number> {
  if (!fs.existsSync(CLI_PATH)) throw new StartError(`${CLI_PATH} is missing: run npm run bench (it builds first)`);
  const machine = describeMachine();
  log(machine);
  const workload = buildWorkload(options.query);
  log(
    `workload: productSearch TEXT "${workload.term}" size=10; orderValidation cart of ${workload.variantIds.join(', ')}`,
  );

  log('\nstartup, spawn to first correct productSearch answer:');
  const ready = answersSearch(workload.requests.productSearch);
  const startups = await measureStartups(
    (port) => oursSpec('ours', port, ready, START_TIMEOUT_MS),
    (port) => prismSpec(port, ready, START_TIMEOUT_MS),
    options.startups,
    log,
  );
  const { ours, prism } = startups;
  for (const server of [ours, prism]) {
    const check = await preflight(server.port, workload);
    // Prism answers its static example whatever the query, so its answer is smaller than ours.
    const why = server === prism ? ' (its static example, whatever the query)' : '';
    log(
      `  ${server.name}: the search returns ${products(check.searchHits)}${why}${check.problems.map((p) => `\n  FLAG ${p}`).join('')}`,
    );
  }

  const load: LoadOptions = { durationSec: options.durationSec, connections: options.connections };
  log(
    `\nload: ${options.rounds} rounds of ${options.durationSec} s, ${options.connections} connections, ours and Prism in turn (after a 1 s warm-up each)`,
  );
  const rounds = await compareInTurn(
    { label: 'ours', port: ours.port },
    { label: 'Prism', port: prism.port },
    workload.requests,
    options.rounds,
    load,
    log,
  );
  const memory = { ours: readMemory(ours.pid), prism: readMemory(prism.pid) };
  log(`\n${roundsTable(rounds, 'ours', 'Prism')}`);
  // Prism is done: stopped so that it holds neither memory nor timers during the next phases.
  await prism.stop();

  log("\nthis machine's limit: a bare node:http server answering the bytes ours answers, in turn with ours:");
  const bareRequests = {
    ...workload.requests,
    [NEW_CART_LOAD]: { ...workload.requests.orderValidation, newCartEachRequest: true as const },
    'orderValidation, documented example': DOCUMENTED_ORDER_REQUEST,
    'orderValidation, documented example, a new order each request': {
      ...DOCUMENTED_ORDER_REQUEST,
      newOrderEachRequest: true as const,
    },
  };
  const bare = await compareWithBare(ours, bareRequests, options.rounds, load, log);
  if (bare.error) log(`  not measured: ${bare.error}`);

  log('verify against the local mock:');
  const verify = await timeVerify(ours.port);
  log(
    `  wall times ${verify.wallMs.map((ms) => `${Math.round(ms)} ms`).join(', ')}; exit codes ${verify.exitCodes.join(', ')}`,
  );
  if (verify.failure) log(`  FLAG verify did not pass against the mock:\n${indent(verify.failure)}`);

  log('\nverify against a mock that answers every call 1 s late:');
  const slow = await timeSlowVerify(log);
  if (slow.error) log(`  not measured: ${slow.error}`);
  for (const run of slow.runs.filter((r) => r.failure))
    log(`  FLAG --concurrency ${run.concurrency} did not pass:\n${indent(run.failure ?? '')}`);

  log(`\nverify against a search answering ${LONG_ITEMS.toLocaleString('en-US')} items:`);
  const long = await timeLongAnswer(log);
  if (long.error) log(`  not measured: ${long.error}`);

  log('\nscale, generated catalog vs default (productSearch):');
  const scale = await measureScale(ours, workload, options.rounds, load, log);
  if (scale.error) log(`  could not start: ${scale.error}`);
  else log(`\n${roundsTable(scale.rounds, '100k', 'default')}`);

  log('\nstores, the PostgreSQL store next to the memory one (the same serve, in turn):');
  const stores = await measureStores(ours, workload, options.rounds, load, log);
  if (stores.skipped) log(`  skipped: ${stores.skipped}`);

  const rows = [
    ...buildSummary({ comparisons: summarize(rounds), startups, memory, verify, scale, bare, stores }),
    ...slowVerifyRows(slow),
    longAnswerRow(long),
  ];
  log('## Summary\n');
  log(
    'reference = Prism on the same contract, a bare node:http server answering our bytes for the "vs bare" rows, or the default catalog for the 100k rows; ratio = median of the per-round ratios\n',
  );
  log(summaryTable(rows));
  const missed = countMissed(rows);
  log(missed === 0 ? 'every target met' : `${missed} target(s) MISSED`);
  // The load average at the end is the bench's own; the one at the start says how quiet the machine was.
  log(`${machine.replace(/^machine: /, 'measured on ')} at start`);
  return scale.error ? 1 : 0;
}

function describeMachine(): string {
  const cpus = os.cpus();
  return `machine: ${cpus.length} cores (${cpus[0]?.model.trim() ?? 'unknown cpu'}), Node ${process.version}, ${os.platform()}; ${describeLoad()}`;
}

// Other engineers' tests share these cores: a busy machine lowers every number, so it is printed.
function describeLoad(): string {
  const [one] = os.loadavg();
  const busy = one > os.cpus().length / 2 ? ' (busy: re-run when the machine is quieter)' : '';
  return `load average ${one.toFixed(2)}${busy}`;
}

function products(count: number): string {
  return `${count} product${count === 1 ? '' : 's'}`;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
}

/** Entry: parses flags, runs the bench, and always stops every child it spawned. */
async function main(): Promise<number> {
  const log: Log = (line) => process.stdout.write(`${line}\n`);
  process.on('exit', killAllNow);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      stopLoad();
      killAllNow();
      process.stderr.write(`bench: ${signal}, every server stopped\n`);
      process.exit(signal === 'SIGINT' ? 130 : 143);
    });
  }
  try {
    return await bench(parseOptions(process.argv.slice(2)), log);
  } catch (error) {
    if (error instanceof BenchUsageError) {
      process.stderr.write(`bench: ${error.message}\n`);
      return 2;
    }
    const prefix = error instanceof StartError ? 'a server could not start' : 'unexpected error';
    process.stderr.write(`bench: ${prefix}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    await stopAll();
  }
}

void main().then((code) => {
  process.exitCode = code;
});
