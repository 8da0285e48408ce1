import { registry, ALIASES_KEYWORD, KNOWN_VALUES_KEYWORD } from './registry';
import { type CallbackId, type OperationId, type PayloadKind, schemaFileFor } from './operations';
import { escapePointer } from './violation';
import { nearestName } from './nearest-name';

type Schema = Record<string, unknown>;

/** A property the contract does not define: allowed, but worth a warning (a typo is the usual cause). */
export interface UnknownProperty {
  pointer: string;
  name: string;
  /** The closest known property name at that place, when one is close. */
  suggestion?: string;
}

/** A value of an open enum that the contract does not list (e.g. a checker `action` other than ERROR/INFO). */
export interface UnknownValue {
  pointer: string;
  value: string;
  known: string[];
}

/** What the scan found: the first MAX_LISTED_UNKNOWNS in full, and how many in all. */
export interface Unknowns {
  properties: UnknownProperty[];
  values: UnknownValue[];
  /** Unknown properties and values found in all (the two lists stop at MAX_LISTED_UNKNOWNS together). */
  total: number;
  /** False when the scan stopped after MAX_SCANNED_KEYS keys, before the end of the payload. */
  complete: boolean;
}

/** The scan visits at most this many keys and array items: ample for any real answer. */
export const MAX_SCANNED_KEYS = 200_000;
/** Unknowns listed (each with its nearest known name); the others are only counted. */
export const MAX_LISTED_UNKNOWNS = 100;

/**
 * Lists unknown properties and unknown open-enum values in a payload, walking it beside its schema.
 * Bounded for hostile answers: 900,000 unknown keys once took 22 s (a nearest-name search for each)
 * and hundreds of MB of listings; now the walk stops after MAX_SCANNED_KEYS keys and only the first
 * MAX_LISTED_UNKNOWNS get a listing and a suggestion.
 */
export function findUnknowns(operation: OperationId | CallbackId, kind: PayloadKind, value: unknown): Unknowns {
  const file = schemaFileFor(operation, kind);
  const found: Unknowns = { properties: [], values: [], total: 0, complete: true };
  const budget = { keysLeft: MAX_SCANNED_KEYS };
  walk(resolve(file, registry().schemas.get(file) as Schema), value, '', found, budget);
  return found;
}

/** Shortcut for the runner's warnings: unknown properties only. */
export function findUnknownProperties(
  operation: OperationId | CallbackId,
  kind: PayloadKind,
  value: unknown,
): UnknownProperty[] {
  return findUnknowns(operation, kind, value).properties;
}

interface Located {
  schema: Schema;
  file: string;
}

/** Follows $ref chains (within and across schema files) to the schema that describes the value. */
function resolve(file: string, schema: Schema): Located {
  let current: Located = { schema, file };
  for (let hops = 0; typeof current.schema.$ref === 'string' && hops < 16; hops++) {
    const [target, fragment = ''] = (current.schema.$ref as string).split('#');
    const targetFile = target === '' ? current.file : target;
    let next = registry().schemas.get(targetFile) as unknown;
    for (const token of fragment.split('/').filter(Boolean)) next = (next as Schema | undefined)?.[token];
    if (!next || typeof next !== 'object') break;
    // Sibling keywords next to $ref (description, examples) add nothing to the shape.
    current = { schema: next as Schema, file: targetFile };
  }
  return current;
}

/** True while the listings have room; counts the unknown either way. */
function listing(found: Unknowns): boolean {
  found.total++;
  return found.properties.length + found.values.length < MAX_LISTED_UNKNOWNS;
}

/** Takes one key (or array item) from the budget; false, and the scan marked incomplete, once it is spent. */
function spend(budget: { keysLeft: number }, found: Unknowns): boolean {
  if (budget.keysLeft <= 0) {
    found.complete = false;
    return false;
  }
  budget.keysLeft--;
  return true;
}

function walk(
  { schema, file }: Located,
  value: unknown,
  pointer: string,
  found: Unknowns,
  budget: { keysLeft: number },
): void {
  if (Array.isArray(value)) {
    const items = schema.items as Schema | undefined;
    if (!items) return;
    const itemSchema = resolve(file, items);
    for (const [index, item] of value.entries()) {
      if (!spend(budget, found)) return;
      walk(itemSchema, item, `${pointer}/${index}`, found, budget);
    }
    return;
  }
  if (typeof value === 'string') {
    const known = schema[KNOWN_VALUES_KEYWORD] as string[] | undefined;
    if (known && !known.includes(value) && listing(found)) found.values.push({ pointer, value, known });
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const properties = schema.properties as Record<string, Schema> | undefined;
  // anyOf/oneOf shapes (such as Date) have no single property list to compare against.
  if (!properties) return;
  const knownNames = Object.keys(properties);
  // for...in rather than Object.entries: no array of every [key, value] pair of a huge object up front.
  for (const name in value as Record<string, unknown>) {
    if (!spend(budget, found)) return;
    const child = (value as Record<string, unknown>)[name];
    const childSchema = Object.prototype.hasOwnProperty.call(properties, name) ? properties[name] : undefined;
    if (!childSchema) {
      if (!listing(found)) continue;
      const childPointer = `${pointer}/${escapePointer(name)}`;
      const aliases = schema[ALIASES_KEYWORD] as Record<string, string> | undefined;
      const suggestion =
        (aliases && Object.prototype.hasOwnProperty.call(aliases, name) ? aliases[name] : undefined) ??
        nearestName(name, knownNames);
      found.properties.push(suggestion ? { pointer: childPointer, name, suggestion } : { pointer: childPointer, name });
      continue;
    }
    walk(resolve(file, childSchema), child, `${pointer}/${escapePointer(name)}`, found, budget);
  }
}
