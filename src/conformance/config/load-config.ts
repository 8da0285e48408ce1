import fs from 'node:fs';
import path from 'node:path';
import Ajv2020, { type ErrorObject } from 'ajv/dist/2020';
import { UsageError } from '../../common/usage-error';
import { MAX_CUSTOM_HEADERS, type HeaderPair } from '../../common/headers';
import { nearestName, OPERATION_IDS, type OperationId } from '../../contracts';
import { maskUrl } from '../../common/secrets';
import { CONFIG_SCHEMA } from './config-schema';
import { SEARCH_TYPES, type SearchType } from '../../contracts';
import { DEFAULT_SEARCH_QUERY, DEFAULT_TIMEOUT_MS, type RunConfig } from './run-config';

/** The parts of a run that a config file decides. */
export type FileSettings = Pick<
  RunConfig,
  'displayName' | 'checkout' | 'urls' | 'headers' | 'searchQuery' | 'searchTypes' | 'timeoutMs'
>;

interface ConfigFile {
  displayName?: string;
  checkout?: 'omni' | 'own';
  urls: Record<OperationId, string>;
  headers?: HeaderPair[];
  testData?: { searchQuery?: string };
  capabilities?: { searchTypes?: SearchType[] };
  timeoutMs?: number;
}

const validateConfig = new Ajv2020({ strict: true, allErrors: false }).compile(CONFIG_SCHEMA);

/** Reads, expands (`${VAR}`) and validates a merchant config; every problem is one UsageError line. */
export function loadConfigFile(file: string, env: NodeJS.ProcessEnv = process.env): FileSettings {
  const label = path.basename(file);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      `--config ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : 'cannot be read'}`,
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--config ${label} is not JSON: ${(error as Error).message}`);
  }
  const expanded = expandVariables(raw, '', env, label);
  if (!validateConfig(expanded))
    throw new UsageError(`${label}: ${describeConfigError(validateConfig.errors?.[0], expanded)}`);
  const config = expanded as ConfigFile;
  return {
    displayName: config.displayName ?? 'merchant',
    checkout: config.checkout ?? 'omni',
    urls: config.urls,
    headers: config.headers ?? [],
    searchQuery: config.testData?.searchQuery ?? DEFAULT_SEARCH_QUERY,
    searchTypes: config.capabilities?.searchTypes ?? [...SEARCH_TYPES],
    timeoutMs: config.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  };
}

/** Replaces `${VAR}` in every string of the config; a variable that is not set is a usage error naming it. */
function expandVariables(value: unknown, where: string, env: NodeJS.ProcessEnv, label: string): unknown {
  if (typeof value === 'string') {
    return value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_match, name: string) => {
      const found = env[name];
      if (found === undefined || found === '') {
        throw new UsageError(
          `${label}: ${where || 'a value'} uses \${${name}}, which is not set in the environment: export ${name} or write the value`,
        );
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

function describeConfigError(error: ErrorObject | undefined, config: unknown): string {
  if (!error) return 'is not a valid config';
  const where = dotted(error.instancePath);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const name = String(params.additionalProperty);
      const known = knownKeysAt(error.instancePath);
      const suggestion = nearestName(name, known);
      const fix = suggestion ? `did you mean "${suggestion}"?` : `valid keys here: ${known.join(', ')}`;
      return `unknown key "${dotted(error.instancePath, name)}": ${fix}`;
    }
    case 'required': {
      const name = String(params.missingProperty);
      if (error.instancePath === '/urls' || name === 'urls') {
        const what = name === 'urls' ? 'the five URLs' : `the full URL OmniChat calls for ${name}`;
        return `missing key "${dotted(error.instancePath, name)}": set ${what} (as typed on OmniChat's settings screen)`;
      }
      return `missing key "${dotted(error.instancePath, name)}": add it`;
    }
    case 'maxItems':
      return `"${where}" has ${(valueAtPath(config, error.instancePath) as unknown[]).length} entries: OmniChat sends at most ${MAX_CUSTOM_HEADERS} custom headers; remove the extra ones`;
    case 'pattern':
      return `"${where}" is not an http(s) URL (found ${JSON.stringify(maskUrl(String(valueAtPath(config, error.instancePath))))}): write it like https://shop.example.com/omnichat/products/productsearch`;
    case 'enum':
      return `"${where}" must be one of ${(params.allowedValues as unknown[]).map(String).join(', ')}`;
    case 'minLength':
      return `"${where}" must not be empty`;
    default:
      return `"${where || '(root)'}" ${error.message ?? 'is invalid'}`;
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
  if (names.length === 0) throw new UsageError(`--only is empty: name one or more of ${OPERATION_IDS.join(', ')}`);
  for (const name of names) {
    if (!(OPERATION_IDS as readonly string[]).includes(name)) {
      const suggestion = nearestName(name, OPERATION_IDS);
      throw new UsageError(
        `--only: unknown operation "${name}"${suggestion ? `: did you mean "${suggestion}"?` : ''} (use ${OPERATION_IDS.join(', ')})`,
      );
    }
  }
  return OPERATION_IDS.filter((id) => names.includes(id));
}
