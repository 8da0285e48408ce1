import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { startMerchant, type RunningMerchant } from '../conformance/merchants/reference-merchant';
import { freePort } from '../support/free-port';
import { reportFiles } from '../support/report-files';
import { runCli } from '../support/run-cli';

// Text a check builds itself (not an answer, which is masked on arrival) reaches the report only
// through runVerify's final masking pass. A merchant that puts its own token into its callback's
// status is such a case: callback-received quotes the status it found.
const TOKEN = 's3cret-t0ken-4f9a2c';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mk-runner-secrets-'));
let merchant: RunningMerchant;
let relay: http.Server;
let callbackPort: number;

beforeAll(async () => {
  callbackPort = await freePort();
  // Stands between the merchant and verify's receiver, and writes the token into each callback's status.
  relay = http.createServer((req, res) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (text += chunk));
    req.on('end', () => {
      const body = JSON.stringify({ ...(JSON.parse(text) as object), status: TOKEN });
      const forward = http.request(
        {
          host: '127.0.0.1',
          port: callbackPort,
          method: 'POST',
          path: req.url,
          headers: { 'content-type': 'application/json' },
        },
        (answer) => answer.resume().on('end', () => res.writeHead(answer.statusCode ?? 502).end()),
      );
      forward.on('error', () => res.writeHead(502).end());
      forward.end(body);
    });
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', () => resolve()));
  merchant = await startMerchant({
    auth: { key: 'Authorization', value: `Bearer ${TOKEN}` },
    omnichatApi: `http://127.0.0.1:${(relay.address() as AddressInfo).port}`,
  });
});
afterAll(async () => {
  await merchant.close();
  relay.closeAllConnections();
  await new Promise<void>((resolve) => relay.close(() => resolve()));
  fs.rmSync(dir, { recursive: true, force: true });
});

it('masks a secret that only a check quoted (a callback status echoing the token) in the console and every report', async () => {
  const reports = reportFiles(dir, 'c');
  const result = await runCli([
    'verify',
    '--base-url',
    merchant.baseUrl,
    '--header',
    `Authorization: Bearer ${TOKEN}`,
    '--callback-port',
    String(callbackPort),
    '--only',
    'orderCreation',
    '--timeout',
    '60000',
    ...reports.flags,
  ]);
  expect(result.code).toBe(1);
  const report = JSON.parse(fs.readFileSync(reports.json, 'utf8')) as {
    operations: { checks: { id: string; status: string; received?: string }[] }[];
  };
  const callback = report.operations[0].checks.find((check) => check.id === 'callback-received');
  // The status really was quoted, and masked.
  expect(callback).toMatchObject({ status: 'fail', received: expect.stringContaining('found string "***"') });
  for (const text of [result.stdout, result.stderr, ...reports.texts()]) expect(text).not.toContain(TOKEN);
});
