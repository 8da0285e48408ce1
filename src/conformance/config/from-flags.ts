import { usageError } from '../i18n/usage';
import { MAX_CUSTOM_HEADERS, parseHeaderFlag, type HeaderPair } from '../../common/headers';
import { maskUrl } from '../../common/secrets';
import type { NetworkSettings } from '../http/network';
import { readProxyEnv } from '../http/proxy-env';
import { readCaFile, readExtraCaCerts } from './ca-files';
import { loadConfigFile, parseOnly, urlsUnder, type FileSettings } from './load-config';
import { SEARCH_TYPES } from '../../contracts';
import {
  DEFAULT_CONCURRENCY,
  DEFAULT_EXPLORE_CALLS,
  DEFAULT_SEARCH_QUERY,
  DEFAULT_TIMEOUT_MS,
  MAX_EXPLORE_CALLS,
  type RunConfig,
} from './run-config';

/** Seeds are 31-bit: what fast-check takes as a seed, and what a shell reads back from a report as is. */
const MAX_SEED = 2 ** 31 - 1;

/** The verify flags as commander hands them over. */
export interface VerifyFlags {
  config?: string;
  baseUrl?: string;
  header?: string[];
  only?: string;
  timeout?: string;
  destructive?: boolean;
  callbackPort?: string;
  /** Requests in flight at once within an operation (1 to 16). */
  concurrency?: string;
  /** --ca FILE, repeatable: PEM CA certificates trusted besides the usual ones. */
  ca?: string[];
  /** --insecure: do not check certificates (stated in every report). */
  insecure?: boolean;
  /** --explore-calls N: the explorer's call budget (0 turns it off). */
  exploreCalls?: string;
  /** --seed N: the explorer's seed, to replay a run's journeys. */
  seed?: string;
}

/** Turns the flags (and the config file they name) into one RunConfig, or throws a one-line UsageError. */
export function runConfigFromFlags(flags: VerifyFlags, env: NodeJS.ProcessEnv = process.env): RunConfig {
  if (flags.config !== undefined && flags.baseUrl !== undefined) {
    throw usageError('usage.configAndBaseUrl');
  }
  if (flags.config === undefined && flags.baseUrl === undefined) {
    throw usageError('usage.nothingToVerify');
  }
  const settings: FileSettings =
    flags.config !== undefined ? loadConfigFile(flags.config, env) : fromBaseUrl(flags.baseUrl as string);
  const headers = [...settings.headers, ...(flags.header ?? []).map(parseHeader)];
  if (headers.length > MAX_CUSTOM_HEADERS) {
    throw usageError('usage.tooManyHeaders', { count: headers.length, max: MAX_CUSTOM_HEADERS });
  }
  const { caFiles: _caFiles, ...fileSettings } = settings;
  return {
    ...fileSettings,
    headers,
    timeoutMs: flags.timeout !== undefined ? parsePositive('--timeout', flags.timeout, 100, 60000) : settings.timeoutMs,
    only: parseOnly(flags.only),
    destructive: flags.destructive !== false,
    callbackPort:
      flags.callbackPort !== undefined ? parsePositive('--callback-port', flags.callbackPort, 0, 65535) : undefined,
    concurrency:
      flags.concurrency !== undefined ? parsePositive('--concurrency', flags.concurrency, 1, 16) : DEFAULT_CONCURRENCY,
    exploreCalls:
      flags.exploreCalls !== undefined
        ? parsePositive('--explore-calls', flags.exploreCalls, 0, MAX_EXPLORE_CALLS)
        : settings.exploreCalls,
    seed: flags.seed !== undefined ? parsePositive('--seed', flags.seed, 0, MAX_SEED) : undefined,
    network: networkSettings(flags, settings, env),
  };
}

/** The config's "ca" files, then --ca files; the proxy variables as curl reads them. */
function networkSettings(flags: VerifyFlags, settings: FileSettings, env: NodeJS.ProcessEnv): NetworkSettings {
  const caFiles = [...(settings.caFiles ?? []), ...(flags.ca ?? []).map((file) => ({ file, source: '--ca' }))];
  // The proxy variables first: with a bad one and a bad CA file too, the proxy is what is reported.
  const proxy = readProxyEnv(env);
  return {
    ca: caFiles.map(({ file, source }) => readCaFile(file, source)),
    insecure: flags.insecure === true,
    proxy,
    extraCaPem: readExtraCaCerts(env),
  };
}

function fromBaseUrl(raw: string): FileSettings {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw usageError('usage.baseUrlNotUrl', { url: JSON.stringify(maskUrl(raw)) });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw usageError('usage.baseUrlProtocol', { protocol: url.protocol.replace(':', '') });
  }
  return {
    // Without a config there is no display name: the host says which merchant the report is about.
    displayName: url.host,
    checkout: 'omni',
    urls: urlsUnder(raw),
    headers: [],
    searchQuery: DEFAULT_SEARCH_QUERY,
    searchTypes: [...SEARCH_TYPES],
    timeoutMs: DEFAULT_TIMEOUT_MS,
    allowFreightChange: false,
    exploreCalls: DEFAULT_EXPLORE_CALLS,
  };
}

function parseHeader(raw: string): HeaderPair {
  const parsed = parseHeaderFlag(raw);
  if (!('error' in parsed)) return parsed;
  const { kind, subject } = parsed;
  if (kind === 'form') throw usageError('usage.headerForm', { given: subject });
  if (kind === 'name') throw usageError('usage.headerName', { given: subject });
  throw usageError(kind === 'empty' ? 'usage.headerEmpty' : 'usage.headerControl', { name: subject });
}

function parsePositive(flag: string, raw: string, min: number, max: number): number {
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    throw usageError('usage.wholeNumber', { flag, value: JSON.stringify(raw), min, max });
  }
  return value;
}
