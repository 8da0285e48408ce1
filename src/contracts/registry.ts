import fs from 'node:fs';
import path from 'node:path';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { SCHEMAS_DIR } from './paths';

/** Annotation keyword for open enums: listed values are known, others are warnings (docs/contracts.md, decision 7). */
export const KNOWN_VALUES_KEYWORD = 'x-known-values';
/** Annotation keyword for spellings seen in the wild that mean a known property (itemLength -> variantLength). */
export const ALIASES_KEYWORD = 'x-aliases';

interface SchemaRegistry {
  /** Every schema file, parsed, by file name. */
  schemas: Map<string, Record<string, unknown>>;
  /** Compiled validator for a schema file (bodies: no coercion). */
  validator(file: string): ValidateFunction;
  /** Compiled validator that coerces strings to the declared scalar types (query strings only). */
  queryValidator(file: string): ValidateFunction;
}

function createAjv(coerceTypes: boolean): Ajv2020 {
  const ajv = new Ajv2020({
    strict: true,
    allowUnionTypes: true,
    allErrors: true,
    validateSchema: false,
    coerceTypes,
    useDefaults: coerceTypes,
  });
  addFormats(ajv);
  ajv.addKeyword({ keyword: KNOWN_VALUES_KEYWORD, schemaType: 'array' });
  ajv.addKeyword({ keyword: ALIASES_KEYWORD, schemaType: 'object' });
  return ajv;
}

/** Reads every schema in contracts/schemas; each is compiled once, when first used. */
export function loadRegistry(dir: string = SCHEMAS_DIR): SchemaRegistry {
  const schemas = new Map<string, Record<string, unknown>>();
  for (const file of fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.schema.json'))
    .sort()) {
    schemas.set(file, JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')));
  }
  const bodies = createAjv(false);
  const queries = createAjv(true);
  for (const schema of schemas.values()) {
    bodies.addSchema(schema);
    queries.addSchema(schema);
  }
  // Compiled on first use and then kept: a process that needs three of the fifteen schemas (the
  // mock answering its first search) does not pay for compiling the other twelve at start-up.
  const compile = (ajv: Ajv2020, cache: Map<string, ValidateFunction>, file: string): ValidateFunction => {
    let fn = cache.get(file);
    if (!fn) {
      fn = ajv.getSchema(file) as ValidateFunction | undefined;
      if (!fn) throw new Error(`no schema named ${file} in ${dir}`);
      cache.set(file, fn);
    }
    return fn;
  };
  const compiled = new Map<string, ValidateFunction>();
  const compiledQueries = new Map<string, ValidateFunction>();
  return {
    schemas,
    validator: (file) => compile(bodies, compiled, file),
    queryValidator: (file) => compile(queries, compiledQueries, file),
  };
}

let shared: SchemaRegistry | undefined;

/** The process-wide registry, loaded and compiled on first use. */
export function registry(): SchemaRegistry {
  shared ??= loadRegistry();
  return shared;
}
