import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { BrokenMerchants } from '../hardening/runner-servers';
import { reportFiles } from '../support/report-files';
import { runCli } from '../support/run-cli';

// What a merchant sends is untrusted: verify shows its text, but never lets it drive the terminal
// (escape sequences, bells, carriage returns that draw fake lines, NUL, bidi overrides) and never
// lets it make a report as big as the answer.

// The hardening tests' misbehaving merchants: any handler on a loopback port, all closed in afterAll.
const merchants = new BrokenMerchants();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mk-untrusted-'));

afterAll(async () => {
  await merchants.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** verify --only productSearch with every report; returns the console and the three files' text. */
async function verifyAll(baseUrl: string): Promise<{ code: number | null; stdout: string; files: string[] }> {
  const reports = reportFiles(dir, `${Date.now()}-r`);
  const result = await runCli([
    'verify',
    '--base-url',
    baseUrl,
    '--only',
    'productSearch',
    '--timeout',
    '60000',
    ...reports.flags,
  ]);
  expect(result.stderr).toBe('');
  return { code: result.code, stdout: result.stdout, files: reports.texts() };
}

// Everything a terminal or a page would act on: C0 controls but the newline, DEL, C1 controls,
// bidi overrides and isolates, line and paragraph separators.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

describe('merchant-kit verify against a merchant whose answers hold hostile text', () => {
  const HOSTILE = 'Erro\u001b[2J\u001b[31m interno\u0007\r  pass  everything is fine\u0000 \u202eevil\u202c';
  it.each([
    [
      'an error body',
      (_req: http.IncomingMessage, res: http.ServerResponse) =>
        res.writeHead(500, { 'Content-Type': 'text/plain' }).end(HOSTILE),
      // The preview folds white space (CR included) into one space.
      'received: HTTP 500: Erro\\u001b[2J\\u001b[31m interno\\u0007 pass everything is fine\\u0000 \\u202eevil\\u202c',
    ],
    [
      'a property name',
      (_req: http.IncomingMessage, res: http.ServerResponse) =>
        res
          .writeHead(200, { 'Content-Type': 'application/json' })
          .end(JSON.stringify([{ objectId: '1', name: 'Camiseta', [HOSTILE]: 1 }])),
      'unknown property "Erro\\u001b[2J\\u001b[31m interno\\u0007\\u000d  pass  everything is fine\\u0000 \\u202eevil\\u202c"',
    ],
  ])(
    'escapes ESC, BEL, CR, NUL and bidi overrides in %s (shown as \\u001b, never emitted) on the console and in every report',
    async (_name, handler, shown) => {
      const { stdout, files } = await verifyAll(await merchants.listen(handler));
      expect(stdout).toContain(shown);
      for (const text of [stdout, ...files]) expect(text).not.toMatch(RAW_CONTROL);
    },
  );

  it('says a gzip answer is compressed, and escapes its bytes instead of putting binary on the terminal', async () => {
    const gzipped = zlib.gzipSync(JSON.stringify([{ objectId: '1', name: 'Camiseta' }]));
    const base = await merchants.listen((_req, res) =>
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' }).end(gzipped),
    );
    const { code, stdout, files } = await verifyAll(base);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^ {2}fail {2}json-body +the body is compressed \(Content-Encoding: gzip\)/m);
    expect(stdout).toMatch(/received: .*\\u001f/);
    for (const text of [stdout, ...files]) expect(text).not.toMatch(RAW_CONTROL);
  });

  it.each([
    ['an 8 MB property name', () => JSON.stringify([{ objectId: '1', name: 'Camiseta', ['k'.repeat(8_000_000)]: 1 }])],
    ['a 4 MB objectId', () => JSON.stringify([{ objectId: 'x'.repeat(4_000_000), name: 'Camiseta' }])],
    ['8 MB of text', () => `${'<p>'.repeat(2_700_000)}`],
  ])('keeps the reports small and every console line short for an answer with %s', async (_name, body) => {
    const answer = body();
    const base = await merchants.listen((_req, res) =>
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(answer),
    );
    const { code, stdout, files } = await verifyAll(base);
    expect(code).toBe(1);
    const longest = Math.max(...stdout.split('\n').map((line) => line.length));
    expect(longest).toBeLessThan(1000);
    for (const text of files) expect(text.length).toBeLessThan(200_000);
  });

  it('says where a value was cut and how much of it is left out', async () => {
    const base = await merchants.listen((_req, res) =>
      res
        .writeHead(200, { 'Content-Type': 'application/json' })
        .end(JSON.stringify([{ objectId: '1', name: 'Camiseta', ['k'.repeat(50_000)]: 1 }])),
    );
    const { stdout, files } = await verifyAll(base);
    expect(stdout).toMatch(/^ {8}received: \/0\/k+… and \d+ more characters$/m);
    const json = JSON.parse(files[0]) as { operations: { checks: { id: string; received?: string }[] }[] };
    const warning = json.operations[0].checks.find((c) => c.id === 'unknown-properties');
    expect(warning?.received).toMatch(/^\/0\/k+… and \d+ more characters$/);
    expect(warning?.received?.length).toBeLessThanOrEqual(1000);
  });
});
