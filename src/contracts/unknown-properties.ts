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

export interface Unknowns {
  properties: UnknownProperty[];
  values: UnknownValue[];
}

/** Lists unknown properties and unknown open-enum values in a payload, walking it beside its schema. */
export function findUnknowns(operation: OperationId | CallbackId, kind: PayloadKind, value: unknown): Unknowns {
  const file = schemaFileFor(operation, kind);
  const found: Unknowns = { properties: [], values: [] };
  walk(resolve(file, registry().schemas.get(file) as Schema), value, '', found);
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

function walk({ schema, file }: Located, value: unknown, pointer: string, found: Unknowns): void {
  if (Array.isArray(value)) {
    const items = schema.items as Schema | undefined;
    if (items) value.forEach((item, index) => walk(resolve(file, items), item, `${pointer}/${index}`, found));
    return;
  }
  if (typeof value === 'string') {
    const known = schema[KNOWN_VALUES_KEYWORD] as string[] | undefined;
    if (known && !known.includes(value)) found.values.push({ pointer, value, known });
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const properties = schema.properties as Record<string, Schema> | undefined;
  // anyOf/oneOf shapes (such as Date) have no single property list to compare against.
  if (!properties) return;
  const knownNames = Object.keys(properties);
  for (const [name, child] of Object.entries(value as Record<string, unknown>)) {
    const childPointer = `${pointer}/${escapePointer(name)}`;
    const childSchema = Object.prototype.hasOwnProperty.call(properties, name) ? properties[name] : undefined;
    if (!childSchema) {
      const aliases = schema[ALIASES_KEYWORD] as Record<string, string> | undefined;
      const suggestion =
        (aliases && Object.prototype.hasOwnProperty.call(aliases, name) ? aliases[name] : undefined) ??
        nearestName(name, knownNames);
      found.properties.push(suggestion ? { pointer: childPointer, name, suggestion } : { pointer: childPointer, name });
      continue;
    }
    walk(resolve(file, childSchema), child, childPointer, found);
  }
}
