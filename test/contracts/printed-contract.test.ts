import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { Document, Spectral, type RulesetDefinition } from '@stoplight/spectral-core';
import { Yaml } from '@stoplight/spectral-parsers';
import { oas } from '@stoplight/spectral-rulesets';
import YAML from 'yaml';
import {
  CALLBACK_IDS,
  OPERATIONS,
  OPERATION_IDS,
  PACKAGE_ROOT,
  SCHEMAS_DIR,
  componentName,
  validate,
  type CallbackId,
  type OperationId,
  type PayloadKind,
} from '../../src/contracts';
import { exampleFiles } from '../support/examples';
import { runToEnd } from '../support/child-process';
import { runCli } from '../support/run-cli';

// `merchant-kit contracts` prints the contract other tools import: it must stand alone (every schema
// under components/schemas, no reference out of the file), lint clean under Spectral's and Redocly's
// rulesets, convert to a Postman collection, and accept and refuse exactly what the kit's validator does.

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the test walks the printed document freely
type Json = Record<string, any>;

let yamlText: string;
let jsonText: string;
let doc: Json;
let dir: string;

beforeAll(async () => {
  const [yamlRun, jsonRun] = await Promise.all([runCli(['contracts']), runCli(['contracts', '--format', 'json'])]);
  expect(yamlRun).toMatchObject({ code: 0, stderr: '' });
  expect(jsonRun).toMatchObject({ code: 0, stderr: '' });
  yamlText = yamlRun.stdout;
  jsonText = jsonRun.stdout;
  doc = JSON.parse(jsonText) as Json;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mk-contract-'));
  fs.writeFileSync(path.join(dir, 'openapi.yaml'), yamlText);
  fs.writeFileSync(path.join(dir, 'openapi.json'), jsonText);
});

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** Every `$ref` string in the document, with where it sits. */
function refs(node: unknown, at = '#', found: Array<[string, string]> = []): Array<[string, string]> {
  if (Array.isArray(node)) node.forEach((item, i) => refs(item, `${at}/${i}`, found));
  else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') found.push([at, value]);
      else refs(value, `${at}/${key}`, found);
    }
  }
  return found;
}

/** Follows a '#/a/b' pointer inside the document. */
function at(pointer: string): unknown {
  return pointer
    .slice(2)
    .split('/')
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, token) => (node as Json | undefined)?.[token], doc);
}

describe('merchant-kit contracts', () => {
  it('prints what contracts/ bundles to now: the copy the build wrote for installs is not stale', async () => {
    // The bundler is an ES module jest cannot load: a child bundles contracts/ as they are now.
    const script = `require('./dist/contracts/bundle').bundleOpenApiDocument().then((d) => process.stdout.write(JSON.stringify(d)))`;
    const fresh = await runToEnd(process.execPath, ['-e', script], { cwd: PACKAGE_ROOT });
    expect(fresh).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(jsonText)).toEqual(JSON.parse(fresh.stdout));
  });

  it('prints the same document as YAML and as JSON', () => {
    expect(YAML.parse(yamlText)).toEqual(doc);
    expect(yamlText).not.toMatch(/^\s*[&*]\w/m); // no YAML anchors or aliases: plain mappings every tool reads
  });

  it('is self-contained: every reference points inside the document, at something that is there', () => {
    const all = refs(doc);
    expect(all.length).toBeGreaterThan(50);
    for (const [where, ref] of all) {
      expect({ where, ref, local: ref.startsWith('#/') }).toEqual({ where, ref, local: true });
      expect({ where, ref, resolves: at(ref) !== undefined }).toEqual({ where, ref, resolves: true });
    }
    expect(jsonText).not.toContain('"$id"');
    expect(jsonText).not.toContain('./schemas/');
  });

  it('bundles every schema file and every shared definition under components/schemas', () => {
    const files = fs.readdirSync(SCHEMAS_DIR).filter((f) => f.endsWith('.schema.json'));
    const definitions = Object.keys(
      JSON.parse(fs.readFileSync(path.join(SCHEMAS_DIR, 'definitions.schema.json'), 'utf8')).$defs,
    );
    const expected = [
      ...files
        .filter((f) => f !== 'definitions.schema.json' && f !== 'product-search.query.schema.json')
        .map(componentName),
      ...definitions,
    ];
    expect(Object.keys(doc.components.schemas).sort()).toEqual(expected.sort());
    // The query string is described parameter by parameter, each with its property's schema.
    const parameters = doc.paths['/v1/products/productsearch'].get.parameters as Json[];
    const query = JSON.parse(fs.readFileSync(path.join(SCHEMAS_DIR, 'product-search.query.schema.json'), 'utf8'));
    for (const parameter of parameters) expect(parameter.schema).toEqual(query.properties[parameter.name]);
  });

  it('declares the custom-header authentication as optional, and fills license and contact', () => {
    expect(doc.components.securitySchemes.customHeaders).toMatchObject({
      type: 'apiKey',
      in: 'header',
      name: 'Authorization',
    });
    expect(doc.components.securitySchemes.customHeaders.description).toMatch(/up to five/);
    expect(doc.security).toEqual([{}, { customHeaders: [] }]);
    expect(doc.info.license).toEqual({ name: 'MIT', identifier: 'MIT' });
    expect(doc.info.contact.url).toMatch(/^https:\/\//);
  });

  it("lints with no errors and no warnings under Spectral's spectral:oas ruleset, YAML and JSON", async () => {
    const spectral = new Spectral();
    spectral.setRuleset({ extends: [[oas as RulesetDefinition, 'recommended']] });
    for (const file of ['openapi.yaml', 'openapi.json']) {
      const results = await spectral.run(new Document(fs.readFileSync(path.join(dir, file), 'utf8'), Yaml, file));
      const problems = results.map((r) => `${file} ${r.code} ${r.path.join('.')}: ${r.message}`);
      expect(problems).toEqual([]);
    }
  });

  it("lints with no errors and no warnings under Redocly's recommended ruleset, YAML and JSON", async () => {
    const script = path.join(PACKAGE_ROOT, 'test', 'support', 'redocly-lint.mjs');
    for (const file of ['openapi.yaml', 'openapi.json']) {
      const { code, stdout, stderr } = await runToEnd(process.execPath, [script, path.join(dir, file)]);
      expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
      expect(JSON.parse(stdout)).toEqual([]);
    }
  });

  it('converts to a Postman collection with one request per operation', async () => {
    // openapi-to-postmanv2 ships no types.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const converter = require('openapi-to-postmanv2') as {
      convert(input: unknown, options: unknown, done: (error: unknown, result: Json) => void): void;
    };
    const convert = (data: string) =>
      new Promise<Json>((resolve, reject) =>
        converter.convert({ type: 'string', data }, {}, (error, result) => (error ? reject(error) : resolve(result))),
      );
    for (const text of [yamlText, jsonText]) {
      const result = await convert(text);
      expect(result.reason).toBeUndefined();
      expect(result.result).toBe(true);
      const requests: string[] = [];
      const collect = (items: Json[]): void =>
        items.forEach((item) => (item.item ? collect(item.item) : requests.push(item.request.method)));
      collect(result.output[0].data.item);
      expect(requests.sort()).toEqual(['GET', 'POST', 'POST', 'POST', 'POST']);
    }
  });

  describe('accepts and refuses exactly what the kit validates', () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    let compiled = false;

    /** The schema a tool reads from the printed document for one payload, compiled by a plain ajv. */
    function schemaCheck(operation: OperationId | CallbackId, kind: PayloadKind) {
      if (!compiled) {
        ajv.addSchema(doc, 'openapi.json');
        compiled = true;
      }
      const isCallback = (CALLBACK_IDS as readonly string[]).includes(operation);
      const op: Json = isCallback
        ? doc.webhooks[operation].post
        : doc.paths[`/v1${OPERATIONS[operation as OperationId].path}`][
            OPERATIONS[operation as OperationId].method.toLowerCase()
          ];
      const media = kind === 'request' ? op.requestBody.content : op.responses['200'].content;
      const ref = (media['application/json'].schema as Json).$ref as string;
      return ajv.compile({ $ref: `openapi.json${ref}` });
    }

    /** Every path to a property or array element of a payload. */
    function paths(node: unknown, prefix: string[] = []): string[][] {
      if (node === null || typeof node !== 'object') return [];
      return Object.entries(node).flatMap(([key, child]) => [[...prefix, key], ...paths(child, [...prefix, key])]);
    }

    /** Copies of a payload that each change one thing: a field removed, or a value of another type. */
    function mutations(value: unknown): unknown[] {
      return paths(value).flatMap((path) => {
        const removed = structuredClone(value) as Json;
        const retyped = structuredClone(value) as Json;
        const parentOf = (copy: Json) => path.slice(0, -1).reduce((node: Json, key) => node[key], copy);
        const key = path[path.length - 1];
        const parent = parentOf(removed);
        if (Array.isArray(parent)) parent.splice(Number(key), 1);
        else delete parent[key];
        parentOf(retyped)[key] = typeof parentOf(retyped)[key] === 'string' ? 7 : 'x';
        return [removed, retyped];
      });
    }

    const payloads = exampleFiles().filter((e) => !(e.operation === 'productSearch' && e.kind === 'request'));
    let refused = 0;

    it.each(payloads.map((e) => [`${e.operation} ${e.kind} ${e.name}`, e] as const))(
      '%s and each copy of it with one field removed or retyped',
      (_label, example) => {
        const id = example.operation as OperationId | CallbackId;
        const check = schemaCheck(id, example.kind);
        const disagreements: string[] = [];
        for (const value of [example.value, ...mutations(example.value)]) {
          const valid = validate(id, example.kind, value).length === 0;
          if (!valid) refused++;
          if (check(value) !== valid) disagreements.push(JSON.stringify(value).slice(0, 300));
        }
        expect(disagreements).toEqual([]);
      },
    );

    it('covers every operation and callback, and the copies include payloads the contract refuses', () => {
      expect([...new Set(payloads.map((e) => e.operation))].sort()).toEqual([...OPERATION_IDS, ...CALLBACK_IDS].sort());
      expect(refused).toBeGreaterThan(100);
    });
  });
});
