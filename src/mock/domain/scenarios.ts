import fs from 'node:fs';
import path from 'node:path';
import { OPERATION_IDS, isOperationId, type OperationId } from '../../contracts';
import { said } from '../i18n';
import { HttpProblem } from '../errors/problems';

/** Faults every operation knows, picked with `Prefer: scenario=NAME` or `?__scenario=NAME`. */
export const BUILTIN_SCENARIOS = {
  'out-of-stock': 'every variant shows quantity 0; orderValidation answers an ERROR per line',
  slow: "answers normally after 6 s, past OmniChat's 5 s budget (Prefer: delay=MS for any delay)",
  'server-error': '500 problem+json',
  unavailable: '503 problem+json with Retry-After: 30',
  malformed: '200 with a truncated JSON body',
  empty: '200 with an empty body',
  reset: 'the connection is dropped without an answer',
} as const;

type BuiltinScenario = keyof typeof BUILTIN_SCENARIOS;

/** A custom scenario file, fixtures/scenarios/<operation>/<name>.json: a canned answer. */
export interface CustomScenario {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  delay?: number;
  description?: string;
}

/** What to do with one request: a built-in fault or a custom answer, after an optional delay. */
export interface ScenarioPlan {
  name: string;
  builtin?: BuiltinScenario;
  custom?: CustomScenario;
  delayMs: number;
}

export const SLOW_DELAY_MS = 6000;
const MAX_DELAY_MS = 60_000;

const isBuiltin = (name: string): name is BuiltinScenario => Object.hasOwn(BUILTIN_SCENARIOS, name);

/** Reads every custom scenario under dir (one folder per operation); throws naming the file and the field. */
export function loadScenarios(dir: string): Map<OperationId, Map<string, CustomScenario>> {
  const out = new Map<OperationId, Map<string, CustomScenario>>();
  if (!fs.existsSync(dir)) return out;
  for (const folder of fs.readdirSync(dir).sort()) {
    const full = path.join(dir, folder);
    if (!fs.statSync(full).isDirectory()) continue;
    if (!isOperationId(folder))
      throw new Error(`${full}: folder must be named after an operation (${OPERATION_IDS.join(', ')})`);
    const named = new Map<string, CustomScenario>();
    for (const file of fs
      .readdirSync(full)
      .filter((f) => f.endsWith('.json'))
      .sort()) {
      const name = file.slice(0, -'.json'.length);
      if (isBuiltin(name))
        throw new Error(`${path.join(full, file)}: "${name}" is a built-in scenario; rename the file`);
      named.set(name, checkScenario(path.join(full, file), JSON.parse(fs.readFileSync(path.join(full, file), 'utf8'))));
    }
    out.set(folder, named);
  }
  return out;
}

function checkScenario(file: string, value: unknown): CustomScenario {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Error(`${file}: must be a JSON object with status, headers, body, delay`);
  const s = value as Record<string, unknown>;
  if (!Number.isInteger(s.status) || (s.status as number) < 100 || (s.status as number) > 599)
    throw new Error(`${file}: status must be an HTTP status code (100-599)`);
  if (
    s.delay !== undefined &&
    (!Number.isInteger(s.delay) || (s.delay as number) < 0 || (s.delay as number) > MAX_DELAY_MS)
  )
    throw new Error(`${file}: delay must be whole milliseconds, 0 to ${MAX_DELAY_MS}`);
  if (
    s.headers !== undefined &&
    (typeof s.headers !== 'object' || s.headers === null || Object.values(s.headers).some((v) => typeof v !== 'string'))
  )
    throw new Error(`${file}: headers must be an object of strings`);
  return s as unknown as CustomScenario;
}

/** Parses `Prefer: scenario=NAME, delay=MS` (RFC 7240 preferences, comma or semicolon separated). */
export function parsePrefer(header: string | undefined): { scenario?: string; delay?: string } {
  const out: { scenario?: string; delay?: string } = {};
  if (!header) return out;
  for (const part of header.split(/[,;]/)) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const key = part.slice(0, eq).trim().toLowerCase();
    const value = part
      .slice(eq + 1)
      .trim()
      .replace(/^"|"$/g, '');
    if (key === 'scenario') out.scenario = value;
    if (key === 'delay') out.delay = value;
  }
  return out;
}

/** The scenarios available per operation, and the default one the admin API may set for each. */
export class Scenarios {
  private defaults = new Map<OperationId, string>();

  constructor(private readonly custom: Map<OperationId, Map<string, CustomScenario>>) {}

  /** Names a request to this operation may ask for. */
  available(operation: OperationId): string[] {
    return [...Object.keys(BUILTIN_SCENARIOS), ...(this.custom.get(operation)?.keys() ?? [])];
  }

  /**
   * The defaults with this operation's set to `name` (undefined clears it), to be stored: throws for an
   * unknown name, and changes nothing here until `useDefaults` is given the stored ones.
   */
  withDefault(operation: OperationId, name: string | undefined): Partial<Record<OperationId, string>> {
    const next: Partial<Record<OperationId, string>> = this.defaultsView();
    if (name === undefined) delete next[operation];
    else {
      this.check(operation, name);
      next[operation] = name;
    }
    return next;
  }

  /** Takes the defaults as the store keeps them (set here or by another replica). */
  useDefaults(defaults: Partial<Record<OperationId, string>>): void {
    const next = new Map<OperationId, string>();
    for (const operation of OPERATION_IDS) {
      const name = defaults[operation];
      // A name this server does not know (another replica's custom scenario) is left out, not failed on.
      if (typeof name === 'string' && (isBuiltin(name) || this.custom.get(operation)?.has(name)))
        next.set(operation, name);
    }
    this.defaults = next;
  }

  /** Current defaults, by operation. */
  defaultsView(): Partial<Record<OperationId, string>> {
    return Object.fromEntries(this.defaults);
  }

  /** The plan for one request, from its Prefer header or `__scenario`, else the operation's default. */
  plan(operation: OperationId, prefer: string | undefined, queryName: unknown): ScenarioPlan | undefined {
    const asked = parsePrefer(prefer);
    const name =
      asked.scenario ?? (typeof queryName === 'string' ? queryName : undefined) ?? this.defaults.get(operation);
    let delayMs = 0;
    if (asked.delay !== undefined) {
      const n = Number(asked.delay);
      if (!/^\d+$/.test(asked.delay) || n > MAX_DELAY_MS) {
        throw new HttpProblem(
          'unknown-scenario',
          said('detail.badDelay', { max: MAX_DELAY_MS, found: JSON.stringify(asked.delay.slice(0, 20)) }),
        );
      }
      delayMs = n;
    }
    if (name === undefined) return delayMs > 0 ? { name: 'delay', delayMs } : undefined;
    this.check(operation, name);
    if (isBuiltin(name))
      return { name, builtin: name, delayMs: name === 'slow' && asked.delay === undefined ? SLOW_DELAY_MS : delayMs };
    const custom = this.custom.get(operation)?.get(name) as CustomScenario;
    return { name, custom, delayMs: asked.delay === undefined ? (custom.delay ?? 0) : delayMs };
  }

  private check(operation: OperationId, name: string): void {
    if (isBuiltin(name) || this.custom.get(operation)?.has(name)) return;
    throw new HttpProblem(
      'unknown-scenario',
      said('detail.unknownScenario', {
        name: JSON.stringify(name.slice(0, 60)),
        operation,
        available: this.available(operation).join(', '),
      }),
      {
        fields: { available: this.available(operation) },
      },
    );
  }
}
