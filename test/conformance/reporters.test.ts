import { renderConsole, renderHtml, renderJson, renderJunit, type RunReport } from '../../src/conformance';
import { startMerchant } from './merchants/reference-merchant';
import { AUTH, verify } from './support';

// One real run against a merchant that breaks one rule, with one check skipped (no callback
// receiver) and one warning: every reporter renders the same result objects.
let report: RunReport;
beforeAll(async () => {
  const merchant = await startMerchant({ breaks: 'repeat-500', auth: AUTH });
  try {
    ({ report } = await verify(merchant.baseUrl, { only: 'productSearch,orderCreation' }));
  } finally {
    await merchant.close();
  }
});

describe('the console reporter', () => {
  it('prints one line per check, status first, then its id', () => {
    const lines = renderConsole(report).split('\n');
    const checkLines = lines.filter((l) => /^ {2}(pass|fail|warn|error|skip) /.test(l));
    expect(checkLines).toHaveLength(report.operations.reduce((n, op) => n + op.checks.length, 0));
    expect(lines).toContain('  fail  creation-idempotent          the same order sent again was not accepted');
    expect(lines).toContain(
      '  skip  callback-received            callbacks are not checked (give --callback-port N and point the merchant at http://127.0.0.1:N)',
    );
  });

  it('follows a failure with what was received, what was expected and a curl line', () => {
    const text = renderConsole(report);
    const at = text.indexOf('creation-idempotent');
    const block = text.slice(at).split('\n').slice(1, 4);
    expect(block[0]).toBe('        received: HTTP 500: {"message":"duplicate key"}');
    expect(block[1]).toBe('        expected: 2xx');
    expect(block[2]).toMatch(
      /^ {8}curl: {5}curl -sS -X POST 'http:\/\/127\.0\.0\.1:\d+\/v1\/orders\/orderprovisioning' -H 'Content-Type: application\/json' -H 'Authorization: Bearer \*\*\*' --data-binary '\{"objectId":"mk-test-test\d+-order"/,
    );
  });

  it('prints the same lines for the same results (no timings)', () => {
    const again: RunReport = JSON.parse(JSON.stringify(report));
    for (const op of again.operations) for (const c of op.checks) c.durationMs = (c.durationMs ?? 0) + 1234;
    expect(renderConsole(again)).toBe(renderConsole(report));
  });

  it('ends with the summary', () => {
    const s = report.summary;
    expect(renderConsole(report).trimEnd().split('\n').at(-1)).toBe(
      `summary: ${s.passed} passed, ${s.failed} failed, ${s.warnings} warnings, ${s.errors} could not check, ${s.skipped} skipped`,
    );
  });
});

describe('the JSON reporter', () => {
  it('has the documented shape: summary, then operations with their checks', () => {
    const json = JSON.parse(renderJson(report));
    expect(Object.keys(json.summary).sort()).toEqual(['errors', 'failed', 'passed', 'skipped', 'warnings']);
    expect(json.summary.failed).toBe(1);
    expect(json.operations.map((op: { operation: string; status: string }) => [op.operation, op.status])).toEqual([
      ['productSearch', 'pass'],
      ['orderCreation', 'fail'],
    ]);
    const failed = json.operations[1].checks.find((c: { id: string }) => c.id === 'creation-idempotent');
    expect(failed).toMatchObject({
      status: 'fail',
      expected: '2xx',
      received: expect.stringContaining('HTTP 500'),
      curl: expect.stringMatching(/^curl /),
    });
  });
});

describe('the JUnit reporter', () => {
  const xml = (): string => renderJunit(report);

  it('has a testsuite per operation and a testcase per check', () => {
    expect(xml().match(/<testsuite /g)).toHaveLength(2);
    expect(xml().match(/<testcase /g)).toHaveLength(report.operations.reduce((n, op) => n + op.checks.length, 0));
    expect(xml()).toContain('<testsuite name="orderCreation" tests="10" failures="1" errors="0" skipped="3">');
  });

  it('marks a failure as <failure>, a skip as <skipped> and escapes the text', () => {
    expect(xml()).toMatch(
      /<testcase classname="orderCreation" name="creation-idempotent" time="[\d.]+"><failure message="the same order sent again was not accepted">/,
    );
    expect(xml()).toContain('HTTP 500: {&quot;message&quot;:&quot;duplicate key&quot;}');
    expect(xml()).toMatch(/name="callback-received" time="[\d.]+"><skipped message=/);
  });
});

describe('the HTML reporter', () => {
  it('is one self-contained page: inline style, no scripts, no external assets', () => {
    const html = renderHtml(report);
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<style>');
    expect(html).not.toMatch(/<script|<link|<img|src=|@import|url\(/i);
  });

  it('shows each check with its status and the failure details, escaped', () => {
    const html = renderHtml(report);
    expect(html).toContain('<span class="badge fail">fail</span></td><td><code>creation-idempotent</code>');
    expect(html).toContain('received: HTTP 500: {&quot;message&quot;:&quot;duplicate key&quot;}');
  });
});
