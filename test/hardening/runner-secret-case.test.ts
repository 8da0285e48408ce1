import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { reportFiles } from '../support/report-files';
import { runCli } from '../support/run-cli';

// A merchant that refuses the token and quotes it back normalised: lower-cased in its message,
// upper-cased in a code, lower-cased and percent-encoded in a link. None of it reaches a report.
const TOKEN = 'Mk-S3cret-T0ken-4F9a';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mk-runner-secret-case-'));
let server: http.Server;
let baseUrl: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const token = String(req.headers.authorization ?? '').replace(/^Bearer /, '');
    const lower = token.toLowerCase();
    res.writeHead(401, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        error: `token ${lower} is not valid`,
        code: `BAD_${token.toUpperCase()}`,
        help: `https://shop.example.com/help?t=${[...Buffer.from(lower)].map((b) => `%${b.toString(16)}`).join('')}`,
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  fs.rmSync(dir, { recursive: true, force: true });
});

it('masks a token echoed lower-cased, upper-cased and percent-encoded on the console and in every report', async () => {
  const reports = reportFiles(dir, 'case');
  const result = await runCli([
    'verify',
    '--base-url',
    baseUrl,
    '--header',
    `Authorization: Bearer ${TOKEN}`,
    '--only',
    'productSearch',
    ...reports.flags,
  ]);
  expect(result.code).toBe(1);
  const report = JSON.parse(fs.readFileSync(reports.json, 'utf8')) as {
    operations: { checks: { id: string; received?: string }[] }[];
  };
  // The answer really was quoted, with the token masked in each of its three forms.
  const received = report.operations[0].checks.find((check) => check.id === 'answers-2xx')?.received;
  expect(received).toContain('token *** is not valid');
  expect(received).toContain('BAD_***');
  expect(received).toContain('help?t=***');
  for (const text of [result.stdout, result.stderr, ...reports.texts()]) {
    const decoded = decodeURIComponent(text.replace(/%(?![0-9a-f]{2})/gi, '%25')).toLowerCase();
    expect(decoded).not.toContain(TOKEN.toLowerCase());
  }
});
