import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import v8 from 'node:v8';
import type { AddressInfo } from 'node:net';
import {
  answerClientErrors,
  CatalogError,
  createMockListener,
  openMockApp,
  shownStoreUrl,
  StoreOpenError,
  type MockApp,
  type MockOptions,
  type StoreSpec,
  loadCatalogFile,
  DEFAULT_CATALOG_PATH,
  normalizeBasePath,
  type Product,
} from '../mock';
import type { ServeSettings } from './serve-options';
import { UsageError } from '../common/usage-error';
import { formatViolation } from '../contracts';
import { listenError } from './listen-check';
import { createConsoleVerifier } from './console-verifier';

/** `merchant-kit serve`'s action once its flags are checked: the server until SIGINT or SIGTERM. */
export async function serveWith(settings: ServeSettings): Promise<void> {
  try {
    await serve(settings);
  } catch (error) {
    if (!(error instanceof UnreachableStore)) throw error;
    // Not a usage mistake: the database did not answer. One line, exit 1 (as verify for a merchant it cannot reach).
    process.stderr.write(`merchant-kit: ${error.message}\n`);
    process.exitCode = 1;
  }
}

/** Starts the server and resolves once it has shut down cleanly after SIGINT or SIGTERM. */
export async function serve(settings: ServeSettings): Promise<void> {
  const products = loadProducts(settings);
  boundHeapGrowth(products.length);
  const server = http.createServer();
  // Node answers oversized headers and garbled requests with a bare status line: make them problem+json too.
  answerClientErrors(server);
  await listen(server, settings);
  // Requests that arrive while the store opens (a database takes a moment) wait for it, none is lost.
  const early: [IncomingMessage, ServerResponse][] = [];
  const hold = (req: IncomingMessage, res: ServerResponse): number => early.push([req, res]);
  server.on('request', hold);
  const port = (server.address() as AddressInfo).port;
  const host = settings.host.includes(':') && !settings.host.startsWith('[') ? `[${settings.host}]` : settings.host;
  const origin = `http://${host}:${port}`;
  const basePath = normalizeBasePath(settings.basePath);
  const app = await openApp(settings.store, {
    products,
    basePath,
    auth: settings.auth,
    checkout: settings.checkout,
    allowFreightChange: settings.allowFreightChange,
    omnichatApi: settings.omnichatApi,
    omnichatToken: settings.omnichatToken,
    publicUrl: settings.publicUrl ?? origin,
    hostNames: [settings.host],
    lenient: settings.lenient,
    adminToken: settings.adminToken,
    storeBudgetBytes: settings.storeBudgetBytes,
    journalBudgetBytes: settings.journalBudgetBytes,
    historyLimit: settings.historyLimit,
    adminAnswerLimitBytes: settings.adminAnswerLimitBytes,
    maxSandboxes: settings.maxSandboxes,
    sandboxIdleMs: settings.sandboxIdleMs,
    verify: createConsoleVerifier({ allowPrivate: settings.verify.allowPrivate }),
    verifyLimits: { maxRunning: settings.verify.maxRunning, timeLimitMs: settings.verify.timeLimitMs },
    verifyHistoryRuns: settings.verify.historyRuns,
    log: settings.quiet ? undefined : (line) => process.stdout.write(`${line}\n`),
  }).catch((error: unknown) => {
    server.closeAllConnections();
    server.close();
    throw error;
  });
  // The listener sends the five operations straight to the pipeline and everything else to the express app.
  const listener = createMockListener(app);
  server.off('request', hold);
  server.on('request', listener);
  for (const [req, res] of early.splice(0)) listener(req, res);
  // Listening for the signals before the start-up line goes out: whoever reads the line may stop us at once.
  const stopped = new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      server.close(() => resolve());
      server.closeAllConnections();
      void app.mock.close();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  const { catalog } = app.mock.context;
  const where = settings.store.kind === 'memory' ? 'memory' : `postgres ${shownStoreUrl(settings.store.url)}`;
  process.stdout.write(
    `merchant-kit: mock merchant listening on ${origin}${basePath} (${catalog.size} products, ${catalog.variantCount} variants; checkout ${settings.checkout}; store ${where}; dashboard ${origin}/__admin/)\n`,
  );
  await stopped;
  await app.mock.close();
}

/** Catalogs from this size on hold enough live heap for V8's default growth to matter (100k: ~210 MB). */
const LARGE_CATALOG = 20000;

/**
 * V8 lets the old generation grow to up to four times the live heap before a full collection, so a
 * 100k catalog (~210 MB live) peaked above 900 MB RSS under load although a collection brings it
 * back to 210 MB. Capping the growth at 20% per cycle kept the peak near 370 MB at the same
 * throughput (npm run bench); small catalogs keep V8's defaults, their full collections are cheap
 * anyway. The flag is read at each collection, so setting it after start-up takes effect.
 */
function boundHeapGrowth(productCount: number): void {
  if (productCount < LARGE_CATALOG) return;
  v8.setFlagsFromString('--heap-growing-percent=20');
}

function loadProducts(settings: ServeSettings): Product[] {
  if (settings.generate) {
    // Loaded lazily: faker costs a start-up that only --generate needs.
    type GenerateModule = typeof import('../mock/domain/generate-catalog');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { generateCatalog } = require('../mock/domain/generate-catalog') as GenerateModule;
    // Valid by construction (a test checks a generated catalog against the contract): skipping the
    // check saves about a second and 40 MB on a 100k catalog.
    return generateCatalog(settings.generate.count, settings.generate.seed);
  }
  const file = settings.catalog ?? DEFAULT_CATALOG_PATH;
  try {
    return loadCatalogFile(file);
  } catch (error) {
    if (!(error instanceof CatalogError)) throw error;
    const [first] = error.violations;
    if (first.keyword === 'file')
      throw new UsageError(`--catalog ${file}: ${first.message}; give the path of a JSON array of products`);
    if (first.keyword === 'json') throw new UsageError(`--catalog ${file} is ${first.message}`);
    const shown = error.violations.slice(0, 20).map((v) => `  ${formatViolation(v)}`);
    const more = error.violations.length > 20 ? `\n  ... and ${error.violations.length - 20} more` : '';
    throw new UsageError(
      `--catalog ${file} breaks the productSearch response contract (${error.violations.length} violation${error.violations.length === 1 ? '' : 's'}); fix these and start again:\n${shown.join('\n')}${more}`,
    );
  }
}

/**
 * The mock app over its store. A database that cannot be opened is one line naming --store and the fix:
 * exit 2 when the URL must change (a user, password or database refused), 1 when nothing answered.
 */
async function openApp(store: StoreSpec, options: MockOptions): Promise<MockApp> {
  try {
    return await openMockApp({ ...options, store: store.kind === 'memory' ? 'memory' : store.url });
  } catch (error) {
    if (!(error instanceof StoreOpenError)) throw error;
    if (error.unreachable) throw new UnreachableStore(error.message);
    throw new UsageError(error.message);
  }
}

/** The database named by --store did not answer: exit 1, as verify exits for a merchant it cannot reach. */
export class UnreachableStore extends Error {
  readonly exitCode = 1;
}

function listen(server: http.Server, settings: ServeSettings): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => reject(listenError(error, settings.host, settings.port)));
    server.listen(settings.port, settings.host, () => resolve());
  });
}
