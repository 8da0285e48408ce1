import { OPENAPI_PATH, prismCliScript } from '../../src/contracts';
import type { RunReport } from '../../src/conformance';
import { startUntil, type Running } from '../support/child-process';
import { freePort } from '../support/free-port';
import { checkOf, verify } from './support';

// Prism serving the kit's own contract answers its static examples whatever it is asked: one
// product (12345) for every search, one checker answer for every cart. A correct verdict on it is a
// failure; what matters here is that no check passes on what a constant merchant cannot show.
let prism: Running;
let report: RunReport;
let exitCode: number;

beforeAll(async () => {
  const port = await freePort();
  // Ready when it says so: no polling; jest's timeout (generous, for a cold start on a busy machine) ends a hang.
  prism = await startUntil(
    process.execPath,
    [prismCliScript(), 'mock', '-h', '127.0.0.1', '-p', String(port), OPENAPI_PATH],
    /Prism is listening/,
  );
  ({ report, exitCode } = await verify(`http://127.0.0.1:${port}/v1`, { exploreCalls: '36', header: [] }));
});

afterAll(() => prism?.stop());

describe('verify against Prism serving the kit contract (static answers)', () => {
  it('fails the run', () => {
    expect(report.verdict).toBe('fail');
    expect(exitCode).toBe(1);
  });

  it.each([
    ['productSearch', 'search-by-id'],
    ['productSearch', 'search-by-skuid'],
    ['productSearch', 'search-by-reference'],
    ['productSearch', 'search-by-url'],
    ['productSearch', 'search-text-finds'],
    ['productSearch', 'explored-text-search'],
    ['productSearch', 'explored-lookups'],
    ['orderValidation', 'stock-checked'],
    ['orderValidation', 'unknown-variant-refused'],
    ['orderValidation', 'zero-stock-refused'],
    ['orderValidation', 'cart-in-stock-ok'],
  ])('gives %s %s no pass: a static answer is no evidence', (operation, id) => {
    expect(checkOf(report, operation, id).status).not.toBe('pass');
  });

  it('never searches by an empty or blank value, and never passes on one', () => {
    const passes = report.operations.flatMap((op) => op.checks.filter((c) => c.status === 'pass'));
    expect(passes.filter((c) => /for ""|for " +"/.test(c.message))).toEqual([]);
  });

  it("names the static answer as the lookups' cause: a value no product has finds the same product", () => {
    expect(checkOf(report, 'productSearch', 'search-by-id')).toMatchObject({
      status: 'fail',
      message: expect.stringMatching(
        /^ID search for "mk-test-test\d+-no-such-id", which no product has, also found objectId 12345/,
      ),
    });
  });

  it('runs statusNotification and the unknown cancellation, which need nothing from the search', () => {
    expect(checkOf(report, 'statusNotification', 'answers-2xx').status).toBe('pass');
    expect(checkOf(report, 'orderCancellation', 'cancel-unknown-no-5xx').status).toBe('pass');
  });
});
