import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { openApiDocument } from './openapi';
import { OPENAPI_PATH, SCHEMAS_DIR } from './paths';

type Json = Record<string, unknown>;

const DEFINITIONS_FILE = 'definitions.schema.json';

/** `product-search.response.schema.json` -> `ProductSearchResponse`: the file's component name. */
export function componentName(file: string): string {
  return file
    .replace(/\.schema\.json$/, '')
    .split(/[-.]/)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}

/** The schema files the document references as a whole (`./schemas/x.schema.json`, no fragment). */
function wholeFileRefs(node: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(node)) node.forEach((item) => wholeFileRefs(item, found));
  else if (node !== null && typeof node === 'object') {
    const ref = (node as Json).$ref;
    if (typeof ref === 'string' && /^\.\/schemas\/[^/#]+$/.test(ref)) found.add(ref.slice('./schemas/'.length));
    Object.values(node).forEach((value) => wholeFileRefs(value, found));
  }
  return found;
}

/**
 * One entry under components/schemas per schema file the document references whole and per shared
 * definition, each a `$ref` the bundler replaces with the schema itself. They sit closer to the root
 * than any other reference to the same schema, so the bundler inlines each schema there and points
 * every other reference at it. The query-string schema is referenced only property by property (one
 * per query parameter): the bundler inlines those into the parameters, and no unused component is left.
 */
function componentRefs(source: Json): Json {
  const components: Json = {};
  const add = (name: string, ref: string): void => {
    if (name in components) throw new Error(`two schemas would both be components/schemas/${name}`);
    components[name] = { $ref: ref };
  };
  for (const file of [...wholeFileRefs(source)].sort()) add(componentName(file), `./schemas/${file}`);
  const definitions = readSchema(path.join(SCHEMAS_DIR, DEFINITIONS_FILE)).$defs as Json;
  for (const name of Object.keys(definitions)) add(name, `./schemas/${DEFINITIONS_FILE}#/$defs/${name}`);
  return components;
}

function readSchema(file: string): Json {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Json;
}

/**
 * A schema file as the bundler should see it. Three adjustments, none of which changes what the
 * schema accepts:
 * - `$id` and `$schema` go: inside one OpenAPI document a relative `$id` would re-base every
 *   reference below it, and the document's jsonSchemaDialect already names 2020-12.
 * - a `$ref` beside other keywords at the root becomes `allOf: [{$ref}]`: the bundler would merge
 *   the target into a copy instead of referencing it.
 * - local references (`#/$defs/Team`) name their file (`definitions.schema.json#/$defs/Team`): when
 *   the bundler follows a `$ref` that has sibling keywords it resolves the target's local
 *   references against the referring file, not the target's (json-schema-ref-parser issue #200).
 */
function schemaForBundler(file: string): string {
  const schema = readSchema(file);
  delete schema.$id;
  delete schema.$schema;
  if (typeof schema.$ref === 'string') {
    schema.allOf = [{ $ref: schema.$ref }];
    delete schema.$ref;
  }
  const ownName = path.basename(file);
  return JSON.stringify(schema, (key, value: unknown) =>
    key === '$ref' && typeof value === 'string' && value.startsWith('#') ? `${ownName}${value}` : value,
  );
}

/** The file a resolver is asked for, as a path ('/x/y.json' or 'file:///x/y.json'). */
function filePath(url: string): string {
  return url.startsWith('file:') ? new URL(url).pathname : url;
}

/**
 * The OpenAPI document with every schema bundled under components/schemas and every reference
 * rewritten to point there, by json-schema-ref-parser: one self-contained document that Spectral,
 * Redocly, Postman and code generators import as it is. contracts/openapi.yaml stays the readable
 * source, with its `$ref`s into contracts/schemas.
 */
export async function bundledOpenApiDocument(): Promise<Json> {
  // An installed kit reads the document its build wrote (writeBundledOpenApiDocument): the bundler and
  // its dependencies are build tools, not something every install should bring.
  if (fs.existsSync(PREBUILT_PATH)) return JSON.parse(fs.readFileSync(PREBUILT_PATH, 'utf8')) as Json;
  return bundleOpenApiDocument();
}

/**
 * Where the build leaves the bundled document: beside the compiled module (dist/contracts), never in
 * src, so a checkout's sources always bundle contracts/ as they are now.
 */
const PREBUILT_PATH = path.join(__dirname, 'openapi.bundled.json');

/** Bundles the document now and writes it where an installed kit reads it (`npm run build` calls this). */
export async function writeBundledOpenApiDocument(): Promise<string> {
  fs.writeFileSync(PREBUILT_PATH, JSON.stringify(await bundleOpenApiDocument()));
  return PREBUILT_PATH;
}

/** Bundles contracts/openapi.yaml and its schema files now, with json-schema-ref-parser (a devDependency). */
export async function bundleOpenApiDocument(): Promise<Json> {
  // Loaded on first use: the bundler is an ES module (Node >= 20.19 requires it synchronously).
  const { bundle } = await import('@apidevtools/json-schema-ref-parser');
  const source = openApiDocument();
  const components = (source.components ?? {}) as Json;
  source.components = { schemas: componentRefs(source), ...components };
  const schemasDir = path.resolve(SCHEMAS_DIR) + path.sep;
  const bundled = await bundle(OPENAPI_PATH, source, {
    resolve: {
      // Only the kit's own schema files are read: no other file, and nothing from the network.
      file: false,
      http: false,
      contractSchemas: {
        order: 1,
        canRead: (file: { url: string }) => path.resolve(filePath(file.url)).startsWith(schemasDir),
        read: (file: { url: string }) => schemaForBundler(filePath(file.url)),
      },
    },
  });
  return bundled as Json;
}

/** The bundled document as YAML: plain mappings, no anchors, long lines kept whole. */
export function toYaml(document: Json): string {
  const header = '# Generated by `merchant-kit contracts` from contracts/openapi.yaml: edit that file, not this one.\n';
  return header + YAML.stringify(document, { aliasDuplicateObjects: false, lineWidth: 0 });
}
