import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { Lang } from '../common/i18n';
import { ALIASES_KEYWORD, KNOWN_VALUES_KEYWORD, registry } from './registry';
import { toViolations, type Violation } from './violation';

/** The most violations one validation keeps; the rest are counted (`total`), so a report can say "and N more". */
export const MAX_KEPT_VIOLATIONS = 1000;
/**
 * Past this many values (array items and object members, counted from the top) a payload is judged
 * piece by piece: ajv collecting every error of a long list at once costs time that grows with the
 * square of the errors (each `$ref` call concatenates the errors so far) and memory for all of them.
 */
const PIECEWISE_ABOVE = 10_000;

type Node = Record<string, unknown>;

/** What a validation found: the first violations (at most the cap) and how many there are in all. */
export interface BoundedViolations {
  violations: Violation[];
  total: number;
}

/** Keywords that only describe: a `$ref` next to them can take them along when inlined. */
const ANNOTATIONS = new Set([
  'description',
  'examples',
  'title',
  'default',
  '$comment',
  'deprecated',
  'readOnly',
  'writeOnly',
]);

function newAjv(allErrors: boolean): Ajv2020 {
  // inlineRefs is moot (there are no refs left); strict as the registry, so a schema typo still fails.
  const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors, validateSchema: false });
  addFormats(ajv);
  ajv.addKeyword({ keyword: KNOWN_VALUES_KEYWORD, schemaType: 'array' });
  ajv.addKeyword({ keyword: ALIASES_KEYWORD, schemaType: 'object' });
  return ajv;
}

const isNode = (v: unknown): v is Node => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * The schema of a file with every `$ref` replaced by what it points to (the contracts have no
 * recursive refs; a cycle would stop at depth 32 and keep its ref). Without refs, ajv generates one
 * function whose errors are pushed, not concatenated, so collecting them is linear.
 */
function inlined(file: string): Node {
  const schemas = registry().schemas;
  const resolve = (ref: string, base: string): { node: unknown; file: string } => {
    const [target, fragment = ''] = ref.split('#');
    const targetFile = target === '' ? base : target;
    let node: unknown = schemas.get(targetFile);
    for (const token of fragment.split('/').filter(Boolean)) node = isNode(node) ? node[token] : undefined;
    if (node === undefined) throw new Error(`unresolvable $ref ${ref} in ${base}`);
    return { node, file: targetFile };
  };
  const walk = (value: unknown, base: string, depth: number): unknown => {
    if (Array.isArray(value)) return value.map((v) => walk(v, base, depth));
    if (!isNode(value)) return value;
    if (typeof value.$ref === 'string' && depth < 32) {
      const { node, file: targetFile } = resolve(value.$ref, base);
      const target = walk(node, targetFile, depth + 1) as Node;
      const { $ref: _ref, ...siblings } = value;
      const onlyAnnotations = Object.keys(siblings).every((k) => ANNOTATIONS.has(k) || k.startsWith('x-'));
      return onlyAnnotations ? { ...target, ...siblings } : { ...siblings, allOf: [target] };
    }
    const out: Node = {};
    for (const [key, child] of Object.entries(value)) {
      // A root's identity and the shared definitions are not part of what is checked.
      if (depth === 0 && (key === '$id' || key === '$schema' || key === '$defs')) continue;
      out[key] = walk(child, base, depth);
    }
    return out;
  };
  return walk(schemas.get(file), file, 0) as Node;
}

/** A subschema that judges composite values (objects with properties, arrays with items). */
const isComposite = (node: unknown): node is Node => isNode(node) && (isNode(node.properties) || isNode(node.items));

/**
 * The node without what its composite children check: properties that are objects or arrays, and
 * array items, become `true`; the pieces are then judged one by one (see collect).
 */
function shell(node: Node): Node {
  const out: Node = { ...node };
  if (isComposite(node.items)) out.items = true;
  if (isNode(node.properties))
    out.properties = Object.fromEntries(
      Object.entries(node.properties).map(([key, child]) => [key, isComposite(child) ? true : child]),
    );
  return out;
}

/** Validators compiled on first use, per schema node (first error only, or all errors). */
class Compiled {
  private readonly firstOnly = newAjv(false);
  private readonly every = newAjv(true);
  private readonly fast = new WeakMap<Node, ValidateFunction>();
  private readonly full = new WeakMap<Node, ValidateFunction>();
  private readonly shells = new WeakMap<Node, Node>();
  private readonly roots = new Map<string, Node>();

  root(file: string): Node {
    let node = this.roots.get(file);
    if (!node) {
      node = inlined(file);
      this.roots.set(file, node);
    }
    return node;
  }

  fastFor(node: Node): ValidateFunction {
    return this.cached(this.fast, node, this.firstOnly);
  }

  fullFor(node: Node): ValidateFunction {
    return this.cached(this.full, node, this.every);
  }

  shellOf(node: Node): Node {
    let found = this.shells.get(node);
    if (!found) {
      found = shell(node);
      this.shells.set(node, found);
    }
    return found;
  }

  private cached(cache: WeakMap<Node, ValidateFunction>, node: Node, ajv: Ajv2020): ValidateFunction {
    let fn = cache.get(node);
    if (!fn) {
      fn = ajv.compile(node);
      cache.set(node, fn);
    }
    return fn;
  }
}

let compiled: Compiled | undefined;

/** Runs a validator as a plain test: ajv's type guard would narrow the value to `never` when it fails. */
const passes = (check: ValidateFunction, value: unknown): boolean => check(value);

/** True when the value holds more than `limit` values (items and members), counting no further than that. */
function larger(value: unknown, limit: number): boolean {
  let seen = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (Array.isArray(v)) {
      seen += v.length;
      if (seen > limit) return true;
      for (const item of v) if (item !== null && typeof item === 'object') stack.push(item);
    } else if (isNode(v)) {
      for (const key in v) {
        seen++;
        const child = v[key];
        if (child !== null && typeof child === 'object') stack.push(child);
      }
      if (seen > limit) return true;
    }
  }
  return false;
}

/** Where violations go: the first `max` are kept (with the pointer of the piece they were found in), the rest counted. */
class Sink {
  readonly kept: Violation[] = [];
  total = 0;

  constructor(
    private readonly max: number,
    private readonly lang: Lang,
  ) {}

  add(errors: ErrorObject[] | null | undefined, value: unknown, prefix: string): void {
    if (!errors) return;
    const room = this.max - this.kept.length;
    if (room <= 0) {
      // Only counted, as toViolations counts them: an `if` error only says that a `then` failed.
      for (const error of errors) if (error.keyword !== 'if') this.total++;
      return;
    }
    const found = toViolations(errors, value, this.lang);
    this.total += found.length;
    for (const violation of found.slice(0, room)) this.kept.push({ ...violation, pointer: prefix + violation.pointer });
  }
}

/**
 * Judges a value piece by piece: a piece that passes its first-error check costs nothing more; one that
 * fails is judged whole when it is a leaf, else its own keywords are judged (shell) and then each of
 * its composite members or items. Every step is linear in the piece, so the whole is linear in the value.
 */
function collect(c: Compiled, node: Node, value: unknown, pointer: string, sink: Sink): void {
  if (passes(c.fastFor(node), value)) return;
  const composite = isComposite(node) && (Array.isArray(value) || isNode(value));
  if (!composite) {
    const full = c.fullFor(node);
    full(value);
    sink.add(full.errors, value, pointer);
    return;
  }
  const outer = c.shellOf(node);
  const own = c.fullFor(outer);
  if (!passes(own, value)) sink.add(own.errors, value, pointer);
  if (Array.isArray(value)) {
    if (!isComposite(node.items)) return;
    value.forEach((item, i) => collect(c, node.items as Node, item, `${pointer}/${i}`, sink));
    return;
  }
  const properties = isNode(node.properties) ? node.properties : {};
  for (const [key, child] of Object.entries(properties)) {
    if (!isComposite(child) || !Object.prototype.hasOwnProperty.call(value, key)) continue;
    const escaped = key.replace(/~/g, '~0').replace(/\//g, '~1');
    collect(c, child, (value as Node)[key], `${pointer}/${escaped}`, sink);
  }
}

/** True when a value keeps a schema file's contract; stops at the first violation. */
export function conformsToFile(file: string, value: unknown): boolean {
  compiled ??= new Compiled();
  return passes(compiled.fastFor(compiled.root(file)), value);
}

/**
 * Validates a value against a schema file in linear time and bounded memory: at most `max` violations
 * are kept, all are counted. A value of ordinary size is judged in one pass, so its violations come in
 * ajv's order; a long one (a list of a million products) piece by piece.
 */
export function validateFileBounded(
  file: string,
  value: unknown,
  lang: Lang = 'en',
  max = MAX_KEPT_VIOLATIONS,
): BoundedViolations {
  compiled ??= new Compiled();
  const root = compiled.root(file);
  if (passes(compiled.fastFor(root), value)) return { violations: [], total: 0 };
  const sink = new Sink(max, lang);
  if (larger(value, PIECEWISE_ABOVE)) collect(compiled, root, value, '', sink);
  else {
    const full = compiled.fullFor(root);
    full(value);
    sink.add(full.errors, value, '');
  }
  return { violations: sink.kept, total: sink.total };
}
