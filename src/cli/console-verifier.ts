import type dns from 'node:dns';
import { maskSecret } from '../common/headers';
import { maskUrl } from '../common/secrets';
import { UsageError } from '../common/usage-error';
import type { FileSettings, RunReport } from '../conformance';
import type { VerifyReport, VerifyService } from '../mock';

type Runner = typeof import('../conformance');
let loaded: Runner | undefined;
/**
 * The runner, loaded when the console first needs it: most `serve` processes never run verify, and
 * loading it with the mock made every start about a quarter slower.
 */
function runner(): Runner {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require('../conformance') as Runner;
  return loaded;
}

/** What the QA console's runs may reach (serve --verify-allow-private; addresses let through for an embedder). */
export interface ConsoleVerifierOptions {
  allowPrivate: boolean;
  allowAddresses?: string[];
  /** The resolver runs' sockets ask (dns.lookup; tests give one of their own). */
  resolve?: typeof dns.lookup;
}

/**
 * The conformance runner behind the mock's VerifyService: `merchant-kit serve` hands it to createMockApp,
 * so that the QA console runs verify on the server. The mock and the runner never import each other;
 * this is where they meet.
 */
export function createConsoleVerifier(options: ConsoleVerifierOptions): VerifyService {
  return {
    prepare(config) {
      try {
        const settings = runner().checkServerConfig(config, { allowPrivate: options.allowPrivate });
        return { integration: settings.displayName, shown: shownConfig(config), settings };
      } catch (error) {
        if (error instanceof UsageError) return { refused: (lang) => error.in(lang) };
        throw error;
      }
    },
    start(plan, hooks) {
      const run = runner().startServerRun(plan.settings as FileSettings, {
        runId: hooks.runId,
        lang: hooks.lang,
        noDestructive: hooks.noDestructive,
        callbackUrl: hooks.callbackUrl,
        guard: { ...options, signal: hooks.signal },
        onOperation: (op) =>
          hooks.onOperation({ operation: op.operation, status: op.status, counts: runner().countStatuses(op.checks) }),
      });
      return {
        owns: run.ownsOrder,
        accept: (req, res, path) => run.receiver.handle(req, res, path),
        // The same JSON `verify --json` writes, as plain data.
        done: run.done.then((report) => JSON.parse(runner().renderJson(report)) as VerifyReport),
      };
    },
    render(report, format) {
      const { renderHtml, renderJunit } = runner();
      return format === 'junit' ? renderJunit(report as RunReport) : renderHtml(report as RunReport);
    },
  };
}

/** A checked config as it may be shown and kept: header values and URL secrets masked (a re-run asks for them). */
function shownConfig(config: unknown): Record<string, unknown> {
  const shown = JSON.parse(JSON.stringify(config)) as Record<string, unknown> & {
    headers?: { key: string; value: string }[];
    urls: Record<string, string>;
  };
  shown.headers = (shown.headers ?? []).map(({ key, value }) => ({ key, value: maskSecret(value) }));
  shown.urls = Object.fromEntries(Object.entries(shown.urls).map(([op, url]) => [op, maskUrl(url)]));
  return shown;
}
