import type { Command } from 'commander';
import { checkHostResolves } from './listen-check';
import type { ServeFlags } from './serve-options';

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** `merchant-kit serve`: the mock merchant on a port, until SIGINT or SIGTERM. */
export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('run the mock merchant: a stub store answering the five operations (Ctrl-C to stop)')
    .option('--port <n>', 'port to listen on (0 picks a free one)', '4010')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--base-path <path>', 'where the five operations live', '/v1')
    .option('--catalog <path>', 'a catalog JSON file (a productSearch answer); default: the embedded fixtures')
    .option('--generate <n>', 'serve a generated pt-BR catalog of N products instead')
    .option('--seed <s>', 'seed for --generate (same seed, same catalog)')
    .option('--auth <header>', 'require "Name: value" on every operation request (repeatable, at most 5)', collect, [])
    .option('--checkout <mode>', 'omni or own: which callback follows an order', 'omni')
    .option(
      '--freight-change <mode>',
      'allowed or refused: whether an order may carry another freight than the one quoted ("Alterar dados do frete")',
      'allowed',
    )
    .option('--omnichat-api <url>', "OmniChat's orders API base for callbacks")
    .option('--omnichat-token <token>', 'bearer token for the callbacks')
    .option('--lenient', 'accept requests that break the contract (violations go to the journal)')
    .option('--quiet', 'no request log')
    .option('--admin-token <token>', 'require Authorization: Bearer <token> on /__admin (mandatory off loopback)')
    .option(
      '--store-budget <size>',
      'bytes of orders kept, e.g. 256MB; past it the oldest order is forgotten (default 256MB)',
    )
    .option('--journal-budget <size>', 'bytes of the request journal, besides its 1,000 entries (default 16MB)')
    .option('--history-limit <n>', 'status history entries kept per order, the newest (default 100)')
    .option('--max-sandboxes <n>', 'named sandboxes (/sandboxes/NAME/...) one server holds (default 50)')
    .option(
      '--sandbox-idle <duration>',
      'drop a sandbox without requests this long, unless in use (default 24h; 0: never)',
    )
    .option(
      '--public-url <url>',
      'the URL clients reach this server by, when it differs from --host and --port (a proxy, a tunnel): the admin API answers its Host, checkout links and callbacks to console runs use it',
    )
    .option('--admin-answer-limit <size>', 'bytes of one admin list answer: the newest items that fit (default 16MB)')
    .option(
      '--store <url>',
      'where the state lives: memory (default) or postgres://USER@HOST:PORT/DB, shared by replicas (env MERCHANT_KIT_STORE)',
    )
    .option(
      '--verify-allow-private',
      'let runs from the QA console reach loopback, private, link-local and metadata addresses (local use only)',
    )
    .option('--max-verify-runs <n>', 'runs of verify from the QA console at once, the rest wait (default 2)')
    .option('--verify-time-limit <duration>', 'the longest one run from the QA console may take (default 5m)')
    .option('--verify-history <n>', 'finished runs kept, the newest (default 200)')
    .action(async (flags: ServeFlags) => {
      // Loaded when the command runs, the flags first: a mistake in them is said before the mock loads,
      // and `merchant-kit --help` or `verify` never pay for the mock's start-up.
      const { checkServeFlags } = await import('./serve-options');
      await checkHostResolves(flags.host);
      const settings = checkServeFlags(flags);
      const { serveWith } = await import('./serve-run');
      await serveWith(settings);
    });
}
