import { OPERATION_IDS } from '../contracts';
import type { Lang } from '../common/i18n';
import { CallbackReceiver } from './callbacks/receiver';
import { settingsFromConfig, type FileSettings } from './config/load-config';
import { DEFAULT_CONCURRENCY, type RunConfig } from './config/run-config';
import { TargetGuard, type TargetGuardOptions } from './http/target-guard';
import { classifyAddress } from './http/address-kinds';
import { translatorFor } from './i18n';
import { usageError } from './i18n/usage';
import { runVerify } from './runner';
import { testOrderId } from './test-data';
import type { OperationReport, RunReport } from './types';

/** What names a config in a server run's messages: the key of the request body that carries it. */
const LABEL = 'config';
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * Checks a merchant config sent to a server (the QA console's `POST /__admin/verify-runs`) as
 * `verify --config` checks its file, with the same messages, plus what a server must not do for
 * whoever can reach it: read its own environment (`${VAR}`) or files (`ca`), or call an address of its
 * own network (a URL whose host is such an address is refused here; a host name, when the run connects).
 * Throws a UsageError naming the config key and the fix.
 */
export function checkServerConfig(raw: unknown, options: { allowPrivate: boolean }): FileSettings {
  const variable = findVariable(raw, '');
  if (variable) throw usageError('usage.serverVariable', { file: LABEL, ...variable });
  if (raw !== null && typeof raw === 'object' && !Array.isArray(raw) && 'ca' in raw)
    throw usageError('usage.serverCa', { file: LABEL });
  const settings = settingsFromConfig(raw, LABEL, {});
  settings.headers.forEach(({ key, value }, index) => {
    if (!HEADER_NAME.test(key))
      throw usageError('usage.serverHeaderName', { file: LABEL, where: `headers[${index}].key` });
    if (/[\r\n\0]/.test(value))
      throw usageError('usage.serverHeaderValue', { file: LABEL, where: `headers[${index}].value` });
  });
  if (!options.allowPrivate) {
    for (const operation of OPERATION_IDS) {
      const host = new URL(settings.urls[operation]).hostname;
      const kind = /^(localhost|.*\.localhost)$/i.test(host) ? 'loopback' : classifyAddress(host);
      if (kind !== undefined)
        throw usageError('usage.serverPrivateTarget', {
          file: LABEL,
          operation,
          host,
          kind: (lang: Lang) => translatorFor(lang)(`net.kind.${kind}`),
        });
    }
  }
  return settings;
}

/** The first `${VAR}` in a config, as `where` (headers[0].value) and the variable's name. */
function findVariable(value: unknown, where: string): { where: string; name: string } | undefined {
  if (typeof value === 'string') {
    const match = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/.exec(value);
    return match ? { where: where || '(root)', name: match[1] } : undefined;
  }
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, child] of Object.entries(value)) {
    const found = findVariable(child, Array.isArray(value) ? `${where}[${key}]` : where ? `${where}.${key}` : key);
    if (found) return found;
  }
  return undefined;
}

/** How a server runs one check of a merchant. */
export interface ServerRunOptions {
  /** Marks the run's test orders (mk-test-ID-...): letters, digits and dashes. */
  runId: string;
  lang: Lang;
  /** Search and validation only, as `--no-destructive`. */
  noDestructive: boolean;
  /** Where the merchant calls back: a path of the server's own listener (it hands those requests to `receiver`). */
  callbackUrl: string;
  /** What the run may reach, and its time limit (the signal). */
  guard: TargetGuardOptions;
  /** Each operation as it finishes, as the report will have it. */
  onOperation?: (report: OperationReport) => void;
}

/** A run started by a server: where its callbacks go, and its report once it ends. */
export interface ServerRun {
  /** Hand it every callback about one of this run's orders (see ownsOrder). */
  receiver: CallbackReceiver;
  /** True for an order id this run made up (its callbacks belong to it). */
  ownsOrder(orderId: string): boolean;
  /** The report, exactly as `verify --json` writes it. */
  done: Promise<RunReport>;
}

/**
 * Starts verify for a server (no process, no port of its own): the settings checkServerConfig gave,
 * every operation, no proxy and no extra CA (a server run reads neither the environment nor files),
 * every socket behind the TargetGuard, callbacks received through the server's listener.
 */
export function startServerRun(settings: FileSettings, options: ServerRunOptions): ServerRun {
  const { caFiles: _unused, ...fileSettings } = settings;
  const config: RunConfig = {
    ...fileSettings,
    only: [...OPERATION_IDS],
    destructive: !options.noDestructive,
    concurrency: DEFAULT_CONCURRENCY,
    network: { ca: [], insecure: false, proxy: { noProxy: '' }, guard: new TargetGuard(options.guard) },
  };
  const receiver = CallbackReceiver.attached(options.callbackUrl, options.guard.signal);
  const prefix = testOrderId(options.runId, '');
  return {
    receiver,
    ownsOrder: (orderId) => orderId.startsWith(prefix),
    done: runVerify(config, {
      runId: options.runId,
      lang: options.lang,
      callbacks: receiver,
      onOperation: options.onOperation,
    }),
  };
}
