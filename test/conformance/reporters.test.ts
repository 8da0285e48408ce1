import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  renderConsole,
  renderHeader,
  renderHtml,
  renderJson,
  renderJunit,
  renderOperation,
  renderTail,
  type RunReport,
} from '../../src/conformance';
import { startFaultyMerchant } from './merchants/faulty-merchant';
import { startMerchant } from './merchants/reference-merchant';
import { AUTH, verify } from './support';

// Real runs against realistic failing merchants; every reporter renders the same result objects.

let wrongToken: RunReport;
let fiveFaults: RunReport;
let sharedRequest: RunReport;
let mixed: RunReport;
let markup: RunReport;
const servers: http.Server[] = [];

/** Serves a handler on a loopback port (closed after the runs) and returns its base URL. */
async function listen(handler: http.RequestListener): Promise<string> {
  const server = http.createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
}

/** A merchant whose search answers 200 with a wrapped array as text/plain: a warning and a failure on one request. */
const wrappedAsText = (): Promise<string> =>
  listen((_req, res) => res.writeHead(200, { 'Content-Type': 'text/plain' }).end(JSON.stringify({ products: [] })));

/** Markup where a page would act on it: each of <, > and & must come out escaped. */
const MARKUP = '<img src=x onerror=alert(1)> R&D <b>bold</b>';

beforeAll(async () => {
  const guarded = await startMerchant({ auth: AUTH });
  const faulty = await startFaultyMerchant({ auth: AUTH });
  const repeat = await startMerchant({ breaks: 'repeat-500', auth: AUTH });
  try {
    ({ report: wrongToken } = await verify(guarded.baseUrl, { header: ['Authorization: Bearer not-the-token'] }));
    ({ report: fiveFaults } = await verify('http://127.0.0.1:1/v1', {}, undefined, { urls: faulty.urls }));
    ({ report: sharedRequest } = await verify(await wrappedAsText(), { only: 'productSearch', header: [] }));
    ({ report: mixed } = await verify(repeat.baseUrl, { only: 'productSearch,orderCreation' }));
    const markupBase = await listen((_req, res) => res.writeHead(500, { 'Content-Type': 'text/html' }).end(MARKUP));
    ({ report: markup } = await verify(markupBase, { only: 'productSearch', header: [] }));
  } finally {
    await Promise.all([guarded.close(), faulty.close(), repeat.close()]);
    for (const server of servers) server.close();
  }
});

const causeOf = (report: RunReport): string[] =>
  report.operations.flatMap((op) =>
    op.checks
      .filter((c) => c.status !== 'pass' && c.status !== 'skip')
      .map((c) => `${op.operation}/${c.id} <- ${c.causedBy ? `${c.causedBy.operation}/${c.causedBy.check}` : 'root'}`),
  );

describe('the report: causes first', () => {
  it('traces every consequence of a wrong token to the one refused search', () => {
    const roots = causeOf(wrongToken).filter((line) => line.endsWith('root'));
    expect(roots).toEqual(['productSearch/answers-2xx <- root']);
    expect(causeOf(wrongToken).filter((line) => !line.endsWith('root'))).toHaveLength(50);
    expect(wrongToken.whatToFix).toEqual([
      {
        operation: 'productSearch',
        check: 'answers-2xx',
        status: 'fail',
        message: 'answered HTTP 401 to the configured headers',
        fix: expect.stringContaining("check the header values given with --header or in the config's headers"),
        consequences: [
          { operation: 'productSearch', checks: expect.arrayContaining(['json-body', 'search-miss-empty']) },
          { operation: 'orderValidation', checks: expect.any(Array) },
          { operation: 'orderCreation', checks: expect.any(Array) },
          { operation: 'statusNotification', checks: expect.any(Array) },
          { operation: 'orderCancellation', checks: expect.any(Array) },
        ],
      },
    ]);
    expect(wrongToken.verdict).toBe('fail');
  });

  it('lists five faults as five causes in OmniChat call order, each with its fix', () => {
    expect(fiveFaults.whatToFix.map((item) => `${item.operation}/${item.check}`)).toEqual([
      'productSearch/search-paging',
      'orderValidation/stock-checked',
      'orderCreation/creation-idempotent',
      'statusNotification/all-statuses-accepted',
      'orderCancellation/answers-2xx',
    ]);
    for (const item of fiveFaults.whatToFix) expect(item).toMatchObject({ status: 'fail', fix: expect.any(String) });
  });

  it('puts warnings after everything that fails the run, whatever their operation', () => {
    expect(sharedRequest.whatToFix.map((item) => `${item.status} ${item.check}`)).toEqual([
      'fail response-contract',
      'warn json-body',
    ]);
  });
});

describe('the console reporter', () => {
  const lines = (report: RunReport): string[] => renderConsole(report).trimEnd().split('\n');

  it('fits a wrong token on every call in about 20 lines, the refused search once', () => {
    const text = renderConsole(wrongToken);
    // About 20: the note on the made-up order the notifications were about takes two.
    expect(lines(wrongToken).length).toBeLessThanOrEqual(22);
    expect(text.match(/curl -sS/g)).toHaveLength(1);
    expect(text).toContain('FAIL: 1 cause to fix (3 passed, 2 failed, 49 could not check)');
    expect(text).toMatch(
      /^orderValidation POST \S+: error \(14 could not check, because of productSearch answers-2xx\)$/m,
    );
    expect(text).toMatch(
      /^ {8}then 49 checks could not run and 1 failed the same way because of it: productSearch 12, orderValidation 14, orderCreation 10, statusNotification 7, orderCancellation 7$/m,
    );
  });

  it('gives each cause a numbered line that names the operation, the check and the fix, then the finding', () => {
    const text = renderConsole(fiveFaults);
    expect(text).toContain('FAIL: 5 causes to fix (39 passed, 5 failed, 7 could not check, 3 skipped)');
    const numbered = lines(fiveFaults).filter((line) => /^\d\. /.test(line));
    expect(numbered).toEqual(
      fiveFaults.whatToFix.map((item, i) => `${i + 1}. ${item.operation} ${item.check}: ${item.fix}`),
    );
    const at = lines(fiveFaults).indexOf(numbered[2]);
    expect(lines(fiveFaults).slice(at + 1, at + 4)).toEqual([
      '        found:    the same order sent again was not accepted',
      '        received: HTTP 500: {"message":"duplicate key"}',
      '        expected: 2xx',
    ]);
    expect(lines(fiveFaults)[at + 4]).toMatch(/^ {8}curl: {5}curl -sS -X POST '\S+\/orders\/orderprovisioning'/);
  });

  it('prints a request shared by two causes once, and points the second to the first', () => {
    const text = renderConsole(sharedRequest);
    expect(text.match(/curl -sS/g)).toHaveLength(1);
    expect(text).toMatch(
      /^2\. productSearch json-body \(warning\): .*\n(?: {8}.*\n)* {8}curl: {5}the same request as in 1$/m,
    );
  });

  it('is the header, each operation as printed when it finished, then the tail', () => {
    expect(renderConsole(fiveFaults)).toBe(
      renderHeader(fiveFaults.meta) +
        fiveFaults.operations.map((op) => renderOperation(op)).join('') +
        renderTail(fiveFaults),
    );
  });

  it('prints the same bytes for the same results, whatever the timings and the clock', () => {
    const again: RunReport = JSON.parse(JSON.stringify(fiveFaults));
    for (const op of again.operations) for (const c of op.checks) c.durationMs = (c.durationMs ?? 0) + 1234;
    again.meta.startedAt = '2000-01-01T00:00:00.000Z';
    again.meta.durationMs += 99_999;
    expect(renderConsole(again)).toBe(renderConsole(fiveFaults));
  });

  it('lists each skip reason once, under "Not checked"', () => {
    expect(renderConsole(mixed)).toContain(
      'Not checked:\n  skip  callback-received            callbacks are not checked (give --callback-port N and point the merchant at http://127.0.0.1:N)\n',
    );
  });

  it('ends with the summary', () => {
    const s = mixed.summary;
    expect(lines(mixed).at(-1)).toBe(
      `summary: ${s.passed} passed, ${s.failed} failed, ${s.warnings} warnings, ${s.errors} could not check, ${s.skipped} skipped`,
    );
  });
});

describe('the JSON reporter', () => {
  it('keeps every key it had and adds the verdict, the what-to-fix list and the metadata', () => {
    const json = JSON.parse(renderJson(mixed));
    expect(Object.keys(json)).toEqual(
      expect.arrayContaining(['tool', 'target', 'summary', 'operations', 'notes', 'verdict', 'whatToFix', 'meta']),
    );
    expect(Object.keys(json).slice(0, 4)).toEqual(['tool', 'target', 'verdict', 'whatToFix']);
    expect(Object.keys(json.summary).sort()).toEqual(['errors', 'failed', 'passed', 'skipped', 'warnings']);
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
      fix: expect.any(String),
    });
  });
});

describe('the JUnit reporter', () => {
  const xml = (report: RunReport): string => renderJunit(report);

  it('has a testsuite per operation and a testcase per check', () => {
    expect(xml(mixed).match(/<testsuite /g)).toHaveLength(2);
    expect(xml(mixed).match(/<testcase /g)).toHaveLength(mixed.operations.reduce((n, op) => n + op.checks.length, 0));
    expect(xml(mixed)).toContain('<testsuite name="orderCreation" tests="10" failures="1" errors="0" skipped="3">');
  });

  it('opens with the verdict and what to fix, in a comment before the testsuites', () => {
    const head = xml(fiveFaults).split('<testsuites ')[0];
    expect(head).toContain('FAIL: 5 causes to fix (39 passed, 5 failed, 7 could not check, 3 skipped)');
    expect(head).toContain("   fix: return an ERROR entry (componentId = the line's objectId)");
    expect(head.slice(head.indexOf('<!--') + 4, head.lastIndexOf('-->'))).not.toContain('--');
  });

  it('marks a failure as <failure> with its fix, a consequence with its cause, a skip as <skipped>', () => {
    expect(xml(mixed)).toMatch(
      /<testcase classname="orderCreation" name="creation-idempotent" time="[\d.]+"><failure message="the same order sent again was not accepted">the same order sent again was not accepted\nfix: make order creation idempotent/,
    );
    expect(xml(mixed)).toContain('HTTP 500: {&quot;message&quot;:&quot;duplicate key&quot;}');
    expect(xml(mixed)).toMatch(/name="callback-received" time="[\d.]+"><skipped message=/);
    expect(xml(wrongToken)).toMatch(
      /<testcase classname="orderCreation" name="json-body" time="[\d.]+"><error message="[^"]+">[^<]*\nbecause of productSearch answers-2xx: answered HTTP 401 to the configured headers<\/error>/,
    );
  });

  it('escapes <, > and & in what the merchant sent', () => {
    const xml = renderJunit(markup);
    expect(xml).toContain('HTTP 500: &lt;img src=x onerror=alert(1)&gt; R&amp;D &lt;b&gt;bold&lt;/b&gt;');
    expect(xml).not.toMatch(/<img|<b>|R&D/);
  });

  it('carries the run metadata as properties of each testsuite', () => {
    expect(xml(mixed)).toContain(`<property name="runId" value="${mixed.meta.runId}"/>`);
    expect(xml(mixed)).toContain(`<property name="contractVersion" value="${mixed.meta.contractVersion}"/>`);
  });
});

describe('the HTML reporter', () => {
  it('is one self-contained page: inline style, no scripts, no external assets', () => {
    const html = renderHtml(fiveFaults);
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<style>');
    expect(html).not.toMatch(/<script|<link|<img|src=|@import|url\(/i);
  });

  it('shows each finding with its status, its fix, why OmniChat needs it and its request, escaped', () => {
    const html = renderHtml(mixed);
    expect(html).toContain(
      '<article class="finding fail" id="orderCreation--creation-idempotent"><h3><span class="badge fail">fail</span> <code class="id">creation-idempotent</code></h3>',
    );
    expect(html).toContain('<dt>received</dt><dd>HTTP 500: {&quot;message&quot;:&quot;duplicate key&quot;}</dd>');
    expect(html).toContain('<strong>Why OmniChat needs it:</strong> nothing in OmniChat&#39;s docs promises');
    expect(html).toContain('Repeat it: <a href="#request-1">request 1</a>');
  });

  it('escapes <, > and & in what the merchant sent, so its markup is shown as text, never run', () => {
    const html = renderHtml(markup);
    expect(html).toContain('HTTP 500: &lt;img src=x onerror=alert(1)&gt; R&amp;D &lt;b&gt;bold&lt;/b&gt;');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
    expect(html).not.toContain('R&D');
  });

  it('shows each distinct request once, with the findings that used it', () => {
    const html = renderHtml(sharedRequest);
    expect(html.match(/<pre tabindex="0"><code>curl /g)).toHaveLength(1);
    expect(html).toMatch(
      /Used by <a href="#productSearch--response-contract">productSearch response-contract<\/a>, <a href="#productSearch--json-body">productSearch json-body<\/a>/,
    );
  });
});
