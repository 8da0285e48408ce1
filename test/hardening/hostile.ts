import fc from 'fast-check';
import { OPERATIONS, type OperationId } from '../../src/contracts';
import { line, notification, order } from '../mock/helpers';

/** The runs of every property: bounded so the file takes seconds, seeded so a failure reproduces. */
export const RUNS = { numRuns: 150, seed: 20261128 };

/** A good request body per operation (productSearch has none). */
export const GOOD_BODY: Record<OperationId, Record<string, unknown> | undefined> = {
  productSearch: undefined,
  orderValidation: order('FZ-V', [line('L1', '12345-1')]),
  orderCreation: order('FZ-C', [line('L1', '12345-1')]),
  orderCancellation: { objectId: 'FZ-C' },
  statusNotification: notification('FZ-N', 'PAID'),
};

/** The path of an operation under the default base path. */
export const pathOf = (operation: OperationId): string => `/v1${OPERATIONS[operation].path}`;

/** Strings a careless or hostile client sends: control characters, NUL, bidi overrides, lone surrogates. */
export const weirdString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '\u0000',
    'a\u0000b',
    '\u202eRTL\u202c',
    '\u200f\u061c',
    '\ud800',
    '\udfff\ud800',
    '',
    ' ',
    '12345-1\u0000',
    '%00',
    '../../etc/passwd',
    '<script>',
  ),
);

/** Numbers JSON.parse turns into Infinity, -0, unsafe integers or long decimals. */
export const hugeNumberText = fc.constantFrom(
  '1e400',
  '-1e400',
  '-0',
  '123456789012345678901234567890',
  '0.0000000000000000000001',
  '1e-400',
  '9007199254740993',
  '-9223372036854775809',
);

const nestedArrays = fc.integer({ min: 1, max: 5000 }).map((depth) => `${'['.repeat(depth)}${']'.repeat(depth)}`);

/** A value to put where the contract expects something else. */
const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  weirdString,
  fc.constant(null),
  fc.array(weirdString, { maxLength: 3 }),
  fc.double(),
);

/** The good body with one value (at any depth) replaced by a wrong one, or one key removed. */
function mutated(good: Record<string, unknown>): fc.Arbitrary<string> {
  const paths: (string | number)[][] = [];
  const walk = (value: unknown, at: (string | number)[]): void => {
    paths.push(at);
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...at, i]));
    else if (typeof value === 'object' && value !== null)
      for (const [k, v] of Object.entries(value)) walk(v, [...at, k]);
  };
  walk(good, []);
  return fc
    .tuple(fc.constantFrom(...paths.filter((p) => p.length > 0)), wrongValue, fc.boolean())
    .map(([at, value, remove]) => {
      const copy = JSON.parse(JSON.stringify(good)) as Record<string | number, unknown>;
      let parent = copy;
      for (const key of at.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
      const last = at[at.length - 1];
      if (remove) delete parent[last];
      else parent[last] = value;
      return JSON.stringify(copy);
    });
}

/** Body text for one operation: random JSON, truncated JSON, wrong shapes, deep nesting, huge numbers, mutated good bodies. */
export function hostileBody(operation: OperationId): fc.Arbitrary<string> {
  const good = GOOD_BODY[operation] ?? {};
  const goodText = JSON.stringify(good);
  return fc.oneof(
    fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
    fc.nat(goodText.length - 1).map((n) => goodText.slice(0, n)),
    fc.constantFrom(
      'null',
      '[]',
      '"an order"',
      'true',
      '{',
      '{"objectId":}',
      '{}{}',
      '\u0000',
      '{"objectId":"A"} trailing',
    ),
    hugeNumberText.map((n) => goodText.replace(/"quantity":\d+|"objectId":"[^"]*"/, (m) => `${m.split(':')[0]}:${n}`)),
    hugeNumberText,
    nestedArrays,
    nestedArrays.map((nest) => goodText.replace(/}$/, `,"extra":${nest}}`)),
    weirdString.map((s) => JSON.stringify(s)),
    weirdString.map((s) => goodText.replace(/"objectId":"[^"]*"/, `"objectId":${JSON.stringify(s)}`)),
    mutated(good),
  );
}

/** A query string of random parameters (repeated keys, broken %-escapes, odd values), never choosing a scenario. */
export const hostileQuery: fc.Arbitrary<string> = fc
  .array(
    fc.tuple(
      fc.oneof(
        fc.constantFrom('query', 'searchType', 'from', 'size', 'query[]', 'size[a]', 'x'),
        fc.string({ maxLength: 8 }).filter((k) => !k.includes('__scenario')),
      ),
      fc.oneof(
        weirdString,
        hugeNumberText,
        fc.constantFrom('ID', 'SKUID', 'TEXT', 'EAN', 'URL', 'text', '-1', '0', '101', '1.5', 'NaN'),
      ),
      fc.boolean(),
    ),
    { maxLength: 6 },
  )
  .map((pairs) => pairs.map(([k, v, broken]) => `${encode(k)}=${encode(v)}${broken ? '%E0%A4%A' : ''}`).join('&'));

/** encodeURIComponent, except that a lone surrogate becomes the bytes of an encoded surrogate (invalid UTF-8 on purpose). */
function encode(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return text
      .split('')
      .map((c) => (/[\ud800-\udfff]/.test(c) ? '%ED%A0%80' : encodeURIComponent(c)))
      .join('');
  }
}

/** Content types other than JSON, and JSON ones with odd parameters. */
export const contentType: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/xml',
    'application/jsonx',
    'application/json; charset=latin1',
    'application/vnd.api+json',
    'APPLICATION/JSON',
    'json',
    '*/*',
  ),
  fc.stringMatching(/^[\x21-\x7e]{1,40}$/),
);
