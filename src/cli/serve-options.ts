import { MAX_CUSTOM_HEADERS, parseHeaderFlag, type HeaderPair } from '../common/headers';
import { maskUrl } from '../common/secrets';
import { UsageError } from '../common/usage-error';
import { parseStoreSpec, shownStoreUrl, type StoreSpec } from '../mock/store/store-spec';

/** The raw flags of `merchant-kit serve`, as commander hands them over. */
export interface ServeFlags {
  port: string;
  host: string;
  basePath: string;
  catalog?: string;
  generate?: string;
  seed?: string;
  auth: string[];
  checkout: string;
  freightChange: string;
  omnichatApi?: string;
  omnichatToken?: string;
  lenient?: boolean;
  quiet?: boolean;
  adminToken?: string;
  storeBudget?: string;
  journalBudget?: string;
  historyLimit?: string;
  adminAnswerLimit?: string;
  maxSandboxes?: string;
  sandboxIdle?: string;
  publicUrl?: string;
  store?: string;
  verifyAllowPrivate?: boolean;
  maxVerifyRuns?: string;
  verifyTimeLimit?: string;
  verifyHistory?: string;
}

/** Checked serve settings. */
export interface ServeSettings {
  port: number;
  host: string;
  basePath: string;
  catalog?: string;
  generate?: { count: number; seed: number };
  auth: HeaderPair[];
  checkout: 'omni' | 'own';
  /** --freight-change allowed|refused (OmniChat's "Alterar dados do frete"). */
  allowFreightChange: boolean;
  omnichatApi?: string;
  omnichatToken?: string;
  lenient: boolean;
  quiet: boolean;
  adminToken?: string;
  /** Byte budgets and bounds of what the mock keeps; undefined keeps the mock's default. */
  storeBudgetBytes?: number;
  journalBudgetBytes?: number;
  historyLimit?: number;
  adminAnswerLimitBytes?: number;
  /** --max-sandboxes and --sandbox-idle (ms, 0: never); undefined keeps the mock's default. */
  maxSandboxes?: number;
  sandboxIdleMs?: number;
  /** --public-url: how clients, and merchants calling back during a run from the console, reach this server. */
  publicUrl?: string;
  /** Runs from the QA console: --verify-allow-private, --max-verify-runs, --verify-time-limit (ms), --verify-history. */
  verify: { allowPrivate: boolean; maxRunning?: number; timeLimitMs?: number; historyRuns?: number };
  /** Where the state lives: `memory`, or a PostgreSQL URL (--store, else MERCHANT_KIT_STORE). */
  store: StoreSpec;
}

/** The environment variable that names the store when --store is not given. */
export const STORE_ENV = 'MERCHANT_KIT_STORE';

/** True for addresses only this machine can reach (the admin API is open there). */
function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** Checks every flag; a bad one is a UsageError naming the flag and the fix. */
export function checkServeFlags(flags: ServeFlags, env: NodeJS.ProcessEnv = process.env): ServeSettings {
  const port = wholeNumber('--port', flags.port, 0, 65535);
  if (!/^\/[A-Za-z0-9._~\-/]*$/.test(flags.basePath))
    throw new UsageError(
      `--base-path must be a URL path starting with / (e.g. /v1), got ${JSON.stringify(flags.basePath)}`,
    );
  if (flags.checkout !== 'omni' && flags.checkout !== 'own')
    throw new UsageError(`--checkout must be omni or own, got ${JSON.stringify(flags.checkout)}`);
  if (flags.freightChange !== 'allowed' && flags.freightChange !== 'refused')
    throw new UsageError(
      `--freight-change must be allowed or refused (OmniChat's "Alterar dados do frete"), got ${JSON.stringify(flags.freightChange.slice(0, 40))}`,
    );
  if (flags.catalog !== undefined && flags.generate !== undefined)
    throw new UsageError('--catalog and --generate exclude each other: serve your own catalog or a generated one');
  if (flags.seed !== undefined && flags.generate === undefined)
    throw new UsageError('--seed only applies with --generate N');
  const generate =
    flags.generate === undefined
      ? undefined
      : {
          count: wholeNumber('--generate', flags.generate, 1, 1_000_000),
          seed: wholeNumber('--seed', flags.seed ?? '1', 0, 2 ** 31 - 1),
        };
  if (flags.auth.length > MAX_CUSTOM_HEADERS)
    throw new UsageError(
      `--auth was given ${flags.auth.length} times: OmniChat sends at most ${MAX_CUSTOM_HEADERS} custom headers`,
    );
  const auth = flags.auth.map((raw) => {
    const parsed = parseHeaderFlag(raw);
    if ('error' in parsed)
      throw new UsageError(`--auth: ${parsed.error}; write it as --auth "Authorization: Bearer <token>"`);
    return parsed;
  });
  if (flags.omnichatApi !== undefined && !/^https?:\/\/[^\s/]+/.test(flags.omnichatApi)) {
    throw new UsageError(
      `--omnichat-api must be an http(s) URL such as https://orders-api.omni.chat, got ${JSON.stringify(flags.omnichatApi.slice(0, 80))}`,
    );
  }
  if (flags.omnichatToken !== undefined && flags.omnichatApi === undefined)
    throw new UsageError('--omnichat-token needs --omnichat-api URL (where to send callbacks)');
  if (flags.adminToken === '') throw new UsageError('--admin-token must not be empty');
  if (!isLoopback(flags.host) && flags.adminToken === undefined) {
    throw new UsageError(
      `--host ${flags.host} is reachable from other machines: add --admin-token T to protect the admin API, or use --host 127.0.0.1`,
    );
  }
  const publicUrl = checkPublicUrl(flags.publicUrl);
  if (publicUrl !== undefined && !isLoopback(new URL(publicUrl).hostname) && flags.adminToken === undefined)
    throw new UsageError(
      `--public-url ${publicUrl} makes the admin API (and its runs of verify, which call other servers) reachable from other machines: add --admin-token T`,
    );
  const timeLimitMs = duration('--verify-time-limit', flags.verifyTimeLimit);
  if (timeLimitMs === 0)
    throw new UsageError('--verify-time-limit must be a duration from 1s to 365d such as 5m: a run always ends');
  return {
    port,
    host: flags.host,
    basePath: flags.basePath,
    catalog: flags.catalog,
    generate,
    auth,
    checkout: flags.checkout,
    allowFreightChange: flags.freightChange === 'allowed',
    omnichatApi: flags.omnichatApi,
    omnichatToken: flags.omnichatToken,
    lenient: flags.lenient === true,
    quiet: flags.quiet === true,
    adminToken: flags.adminToken,
    storeBudgetBytes: byteSize('--store-budget', flags.storeBudget, MB),
    journalBudgetBytes: byteSize('--journal-budget', flags.journalBudget, 64 * KB),
    historyLimit:
      flags.historyLimit === undefined ? undefined : wholeNumber('--history-limit', flags.historyLimit, 1, 100_000),
    adminAnswerLimitBytes: byteSize('--admin-answer-limit', flags.adminAnswerLimit, 64 * KB),
    maxSandboxes:
      flags.maxSandboxes === undefined ? undefined : wholeNumber('--max-sandboxes', flags.maxSandboxes, 0, 1000),
    sandboxIdleMs: duration('--sandbox-idle', flags.sandboxIdle),
    publicUrl,
    verify: {
      allowPrivate: flags.verifyAllowPrivate === true,
      maxRunning:
        flags.maxVerifyRuns === undefined ? undefined : wholeNumber('--max-verify-runs', flags.maxVerifyRuns, 1, 16),
      timeLimitMs,
      historyRuns:
        flags.verifyHistory === undefined ? undefined : wholeNumber('--verify-history', flags.verifyHistory, 0, 10_000),
    },
    store: storeSpec(flags.store, env[STORE_ENV]),
  };
}

/** --public-url: an http(s) URL without user, query or fragment, kept without its trailing slash. */
function checkPublicUrl(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  if (!url || !/^https?:$/.test(url.protocol) || url.username || url.password || url.search || url.hash)
    throw new UsageError(
      `--public-url must be the http(s) URL clients reach this server by, such as https://mock.example.com (no user, query or fragment), got ${JSON.stringify(maskUrl(raw).slice(0, 80))}`,
    );
  return url.href.replace(/\/+$/, '');
}

/** --store, else MERCHANT_KIT_STORE, else memory; a bad one names where it came from and the forms it takes. */
function storeSpec(flag: string | undefined, fromEnv: string | undefined): StoreSpec {
  const given = flag ?? (fromEnv !== undefined && fromEnv.trim() !== '' ? fromEnv : undefined);
  if (given === undefined) return { kind: 'memory' };
  const parsed = parseStoreSpec(given);
  if (!('error' in parsed)) return parsed;
  const source = flag !== undefined ? '--store' : `${STORE_ENV} (no --store given)`;
  throw new UsageError(
    `${source} ${JSON.stringify(shownStoreUrl(given))} ${parsed.error}: give memory (the default) or a PostgreSQL URL such as postgres://USER@HOST:5432/DB`,
  );
}

const DURATION_UNITS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** A duration flag such as 30m, 24h or 7d (0 for never); undefined when the flag was not given. */
function duration(flag: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  if (raw.trim() === '0') return 0;
  const match = /^\s*(\d{1,6})\s*([smhd])\s*$/i.exec(raw);
  const ms = match ? Number(match[1]) * DURATION_UNITS[match[2].toLowerCase()] : Number.NaN;
  if (!(ms >= 1000 && ms <= 365 * DURATION_UNITS.d))
    throw new UsageError(
      `${flag} must be a duration from 1s to 365d such as 30m, 24h or 7d (0 keeps idle sandboxes forever), got ${JSON.stringify(raw.slice(0, 40))}`,
    );
  return ms;
}

const KB = 1024;
const MB = 1024 * KB;
const GB = 1024 * MB;
const UNITS: Record<string, number> = { '': MB, B: 1, KB, MB, GB };
/** No budget above this: V8's heap would give out first. */
const MAX_SIZE = 16 * GB;

/** A size flag such as 256MB, 512KB, 1.5GB or 256 (MB); undefined when the flag was not given. */
function byteSize(flag: string, raw: string | undefined, min: number): number | undefined {
  if (raw === undefined) return undefined;
  const match = /^\s*(\d+(?:\.\d+)?)\s*([KMG]?B?)\s*$/i.exec(raw);
  const unit = match ? UNITS[match[2].toUpperCase().replace(/^([KMG])$/, '$1B')] : undefined;
  const bytes = match && unit !== undefined ? Math.floor(Number(match[1]) * unit) : Number.NaN;
  if (!(bytes >= min && bytes <= MAX_SIZE)) {
    throw new UsageError(
      `${flag} must be a size from ${describeSize(min)} to ${describeSize(MAX_SIZE)} such as 256MB (KB, MB or GB; MB when no unit is given), got ${JSON.stringify(raw.slice(0, 40))}`,
    );
  }
  return bytes;
}

function describeSize(bytes: number): string {
  if (bytes >= GB) return `${bytes / GB}GB`;
  return bytes >= MB ? `${bytes / MB}MB` : `${bytes / KB}KB`;
}

function wholeNumber(flag: string, raw: string, min: number, max: number): number {
  const n = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || n < min || n > max)
    throw new UsageError(`${flag} must be a whole number from ${min} to ${max}, got ${JSON.stringify(raw)}`);
  return n;
}
