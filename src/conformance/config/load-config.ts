import fs from 'node:fs';
import path from 'node:path';
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import type { Lang } from '../../common/i18n';
import { usageError, usageWord } from '../i18n/usage';
import { MAX_CUSTOM_HEADERS, type HeaderPair } from '../../common/headers';
import { expectedText, nearestName, OPERATION_IDS, type OperationId } from '../../contracts';
import { maskUrl } from '../../common/secrets';
import { CONFIG_SCHEMA } from './config-schema';
import { SEARCH_TYPES, type SearchType } from '../../contracts';
import { jsonSyntaxError } from './json-syntax';
import { DEFAULT_EXPLORE_CALLS, DEFAULT_SEARCH_QUERY, DEFAULT_TIMEOUT_MS, type RunConfig } from './run-config';

/** The parts of a run that a config file decides. */
export type FileSettings = Pick<
  RunConfig,
  | 'displayName'
  | 'checkout'
  | 'urls'
  | 'headers'
  | 'searchQuery'
  | 'searchTypes'
  | 'timeoutMs'
  | 'allowFreightChange'
  | 'exploreCalls'
> & {
  /** The config's "ca" files, resolved against the config file's directory, and where they were named. */
  caFiles?: { file: string; source: string }[];
};

interface ConfigFile {
  displayName?: string;
  checkout?: 'omni' | 'own';
  urls: Record<OperationId, string>;
  headers?: HeaderPair[];
  testData?: { searchQuery?: string };
  capabilities?: { searchTypes?: SearchType[] };
  timeoutMs?: number;
  allowFreightChange?: boolean;
  exploreCalls?: number;
  ca?: string | string[];
}

let compiledConfigValidator: ValidateFunction | undefined;

/**
 * The config schema's validator, compiled on first use: every command imports this module (through
 * verify's), and compiling at import cost about a fifth of each CLI start, `--version` and serve included.
 * allErrors: a misspelt key is also a missing one (urls.productSerch), and the misspelling is what to report.
 */
function configValidator(): ValidateFunction {
  compiledConfigValidator ??= new Ajv2020({ strict: true, allErrors: true }).compile(CONFIG_SCHEMA);
  return compiledConfigValidator;
}

/** Reads, expands (`${VAR}`) and validates a merchant config; every problem is one UsageError line. */
export function loadConfigFile(file: string, env: NodeJS.ProcessEnv = process.env): FileSettings {
  const label = path.basename(file);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = usageWord(
      code === 'ENOENT' ? 'usage.noSuchFile' : code === 'EISDIR' ? 'usage.isDirectory' : 'usage.cannotRead',
    );
    throw usageError('usage.configUnreadable', { file, why });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    // JSON.parse's own message quotes the text near the error, which may be a header value.
    const where = jsonSyntaxError(text);
    const at = where ? usageWord('usage.jsonAt', where) : usageWord('usage.jsonSyntax');
    throw usageError('usage.configNotJson', { file: label, where: at });
  }
  return settingsFromConfig(raw, file, env);
}

/**
 * Expands (`${VAR}`) and validates a config already parsed, as `verify --config` does with its file:
 * `file` names it in messages (its base name) and is where relative "ca" paths start.
 */
export function settingsFromConfig(raw: unknown, file: string, env: NodeJS.ProcessEnv = process.env): FileSettings {
  const label = path.basename(file);
  const expanded = expandVariables(raw, '', env, label);
  const validateConfig = configValidator();
  if (!validateConfig(expanded))
    throw usageError('usage.configProblem', {
      file: label,
      problem: describeConfigError(mostTelling(validateConfig.errors ?? []), expanded),
    });
  const config = expanded as ConfigFile;
  checkUrlsParse(config.urls, label);
  // A term of spaces is no evidence of anything: it finds every product, or none.
  if (config.testData?.searchQuery !== undefined && config.testData.searchQuery.trim() === '')
    throw usageError('usage.configProblem', { file: label, problem: usageWord('usage.configBlankQuery') });
  return {
    displayName: config.displayName ?? 'merchant',
    checkout: config.checkout ?? 'omni',
    urls: config.urls,
    headers: config.headers ?? [],
    searchQuery: config.testData?.searchQuery ?? DEFAULT_SEARCH_QUERY,
    searchTypes: config.capabilities?.searchTypes ?? [...SEARCH_TYPES],
    timeoutMs: config.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    allowFreightChange: config.allowFreightChange === true,
    exploreCalls: config.exploreCalls ?? DEFAULT_EXPLORE_CALLS,
    caFiles: [config.ca ?? []].flat().map((ca) => ({
      file: path.resolve(path.dirname(file), ca),
      source: `${label}: "ca"`,
    })),
  };
}

/** The schema's pattern lets through URLs that do not parse (`http://[::1/...`): refused here, masked. */
function checkUrlsParse(urls: Record<OperationId, string>, label: string): void {
  for (const [operation, url] of Object.entries(urls)) {
    try {
      new URL(url);
    } catch {
      throw usageError('usage.configUrl', { file: label, operation, url: JSON.stringify(maskUrl(url)) });
    }
  }
}

/** Replaces `${VAR}` in every string of the config; a variable that is not set is a usage error naming it. */
function expandVariables(value: unknown, where: string, env: NodeJS.ProcessEnv, label: string): unknown {
  if (typeof value === 'string') {
    return value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_match, name: string) => {
      const found = env[name];
      if (found === undefined || found === '') {
        throw usageError('usage.configVariable', { file: label, where: where || usageWord('usage.aValue'), name });
      }
      return found;
    });
  }
  if (Array.isArray(value)) return value.map((item, index) => expandVariables(item, `${where}[${index}]`, env, label));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value))
      out[key] = expandVariables(child, where ? `${where}.${key}` : key, env, label);
    return out;
  }
  return value;
}

/** "/headers/0/value" -> "headers[0].value", the way a merchant reads their file. */
function dotted(pointer: string, extra?: string): string {
  const tokens = pointer.split('/').filter(Boolean);
  if (extra !== undefined) tokens.push(extra);
  return tokens.reduce(
    (out, token) => (/^\d+$/.test(token) ? `${out}[${token}]` : out ? `${out}.${token}` : token),
    '',
  );
}

/** The schema node that describes a config location, to list the valid keys there. */
function knownKeysAt(pointer: string): string[] {
  let node: Record<string, unknown> = CONFIG_SCHEMA as unknown as Record<string, unknown>;
  for (const token of pointer.split('/').filter(Boolean)) {
    const next = /^\d+$/.test(token) ? node.items : (node.properties as Record<string, unknown> | undefined)?.[token];
    if (!next || typeof next !== 'object') return [];
    node = next as Record<string, unknown>;
  }
  return Object.keys((node.properties as Record<string, unknown> | undefined) ?? {}).filter((k) => k !== '$schema');
}

// Other tools' spellings of a header pair (HAR and fetch write {name, value}): too far apart for nearestName.
const HEADER_KEY_ALIASES: Record<string, string> = {
  name: 'key',
  header: 'key',
  headerName: 'key',
  headerValue: 'value',
};

/** The valid key an unknown one most likely meant at that place, or undefined. */
function suggestKey(name: string, pointer: string): string | undefined {
  if (/^\/headers\/\d+$/.test(pointer) && Object.prototype.hasOwnProperty.call(HEADER_KEY_ALIASES, name))
    return HEADER_KEY_ALIASES[name];
  return nearestName(name, knownKeysAt(pointer));
}

/** The error to report: an unknown key that is a near miss of a valid one explains the others. */
function mostTelling(errors: ErrorObject[]): ErrorObject | undefined {
  const misspelt = errors.find(
    (error) =>
      error.keyword === 'additionalProperties' &&
      suggestKey(String(error.params.additionalProperty), error.instancePath) !== undefined,
  );
  return misspelt ?? errors[0];
}

/** The config's first telling problem, said in the run's language. */
function describeConfigError(error: ErrorObject | undefined, config: unknown): (lang: Lang) => string {
  if (!error) return usageWord('usage.configInvalid');
  if (/^\/ca(\/|$)/.test(error.instancePath)) return usageWord('usage.configCa');
  const where = dotted(error.instancePath);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = dotted(error.instancePath, String(params.additionalProperty));
      const suggestion = suggestKey(String(params.additionalProperty), error.instancePath);
      return suggestion
        ? usageWord('usage.unknownKeyNear', { key, suggestion: dotted(error.instancePath, suggestion) })
        : usageWord('usage.unknownKey', { key, known: knownKeysAt(error.instancePath).join(', ') });
    }
    case 'required': {
      const name = String(params.missingProperty);
      const key = dotted(error.instancePath, name);
      if (name === 'urls') return usageWord('usage.missingUrls', { key });
      if (error.instancePath === '/urls') return usageWord('usage.missingUrl', { key, operation: name });
      return usageWord('usage.missingKey', { key });
    }
    case 'maxItems': {
      const count = (valueAtPath(config, error.instancePath) as unknown[]).length;
      return usageWord('usage.configHeaders', { where, count, max: MAX_CUSTOM_HEADERS });
    }
    case 'pattern': {
      const url = JSON.stringify(maskUrl(String(valueAtPath(config, error.instancePath))));
      return usageWord('usage.configNotHttp', { where, url });
    }
    case 'enum':
      return usageWord('usage.configOneOf', {
        where,
        allowed: (params.allowedValues as unknown[]).map(String).join(', '),
      });
    case 'minLength':
      return usageWord('usage.configEmpty', { where });
    default: {
      // ajv's own words (pt-BR through ajv-i18n), as for a contract violation.
      const parts = { keyword: error.keyword, params, ajvMessage: error.message, found: { kind: 'nothing' as const } };
      return usageWord('usage.configOther', {
        where: where || '(root)',
        expected: (lang) => expectedText(parts, lang),
      });
    }
  }
}

function valueAtPath(root: unknown, pointer: string): unknown {
  let current = root;
  for (const token of pointer.split('/').filter(Boolean))
    current = (current as Record<string, unknown> | undefined)?.[token];
  return current;
}

/** The five default paths under a base URL (docs/contracts.md, decision 1). */
export function urlsUnder(baseUrl: string): Record<OperationId, string> {
  const base = baseUrl.replace(/\/+$/, '');
  return {
    productSearch: `${base}/products/productsearch`,
    orderValidation: `${base}/orders/orderchecker`,
    orderCreation: `${base}/orders/orderprovisioning`,
    orderCancellation: `${base}/orders/ordercancel`,
    statusNotification: `${base}/orders/statuschange`,
  };
}

/** Parses `--only op,op`; an unknown name is a usage error with the nearest valid one. */
export function parseOnly(raw: string | undefined): OperationId[] {
  if (raw === undefined) return [...OPERATION_IDS];
  const names = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const operations = OPERATION_IDS.join(', ');
  if (names.length === 0) throw usageError('usage.onlyEmpty', { operations });
  for (const name of names) {
    if (!(OPERATION_IDS as readonly string[]).includes(name)) {
      const suggestion = nearestName(name, OPERATION_IDS);
      throw suggestion
        ? usageError('usage.onlyUnknownNear', { name, suggestion, operations })
        : usageError('usage.onlyUnknown', { name, operations });
    }
  }
  return OPERATION_IDS.filter((id) => names.includes(id));
}
