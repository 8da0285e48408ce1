import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { urlsUnder } from '../../src/conformance/config/load-config';
import { startMerchant, type RunningMerchant } from '../conformance/merchants/reference-merchant';
import { startTlsFront } from '../support/connect-proxy';
import { reportFiles } from '../support/report-files';
import { runCli, type CliResult } from '../support/run-cli';
import { makeTestPki, type TestPki } from '../support/tls-certs';

// Staging servers with an internal CA, a self-signed, expired or misnamed certificate: verify names
// the cause and the flag that helps, --ca trusts a CA, --insecure is accepted and stated in every report.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mk-verify-tls-'));
const fronts: { close(): Promise<void> }[] = [];
let pki: TestPki;
let merchant: RunningMerchant;
const files = { ca: path.join(dir, 'internal-ca.pem'), self: path.join(dir, 'self-signed.pem') };

beforeAll(async () => {
  pki = await makeTestPki();
  merchant = await startMerchant();
  fs.writeFileSync(files.ca, pki.ca.cert);
  fs.writeFileSync(files.self, pki.selfSigned.cert);
});
afterAll(async () => {
  for (const front of fronts) await front.close();
  await merchant.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The reference merchant behind TLS with this certificate; returns its https base URL. */
async function httpsMerchant(pem: TestPki['leaf'] & { chain?: string }): Promise<string> {
  const front = await startTlsFront(pem, Number(new URL(merchant.baseUrl).port));
  fronts.push(front);
  return `https://127.0.0.1:${front.port}/v1`;
}

const search = (base: string, ...more: string[]): Promise<CliResult> =>
  runCli(['verify', '--base-url', base, '--only', 'productSearch', '--timeout', '60000', ...more]);

describe('verify against https merchants whose certificate this machine does not trust', () => {
  it.each<[string, (pki: TestPki) => TestPki['leaf'] & { chain?: string }, string[], RegExp]>([
    [
      'a self-signed certificate',
      (p) => p.selfSigned,
      [],
      /presents a self-signed certificate \(DEPTH_ZERO_SELF_SIGNED_CERT\): give that certificate with --ca FILE \(PEM\) to trust it, or --insecure to skip the check$/,
    ],
    [
      'an internal CA (the chain sent)',
      (p) => ({ ...p.leaf, chain: p.ca.cert }),
      [],
      /is issued by a CA this machine does not trust \(SELF_SIGNED_CERT_IN_CHAIN\), such as an internal CA or a proxy that inspects TLS: give that CA's certificate with --ca FILE \(PEM\), or --insecure to skip the check$/,
    ],
    [
      'an internal CA (the leaf alone)',
      (p) => p.leaf,
      [],
      /is issued by a CA this machine does not know \(UNABLE_TO_VERIFY_LEAF_SIGNATURE\): if it is your own CA, give its certificate with --ca FILE \(PEM\)/,
    ],
    [
      'an expired certificate',
      (p) => p.expired,
      ['--ca', files.ca],
      /the certificate of 127\.0\.0\.1:\d+ has expired \(CERT_HAS_EXPIRED\): renew it; --insecure skips the check meanwhile$/,
    ],
    [
      'a certificate for another host name',
      (p) => p.wrongHost,
      ['--ca', files.ca],
      /the certificate of 127\.0\.0\.1:\d+ is not for 127\.0\.0\.1 \(it lists DNS:shop\.example\.com\) \(ERR_TLS_CERT_ALTNAME_INVALID\): use a URL with a name the certificate lists/,
    ],
  ])('names the cause and the flag that helps for %s, exit 1', async (_what, pem, flags, reason) => {
    const result = await search(await httpsMerchant(pem(pki)), ...flags);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    const line = result.stdout.split('\n').find((l) => /^ {2}error answers-2xx /.test(l)) ?? result.stdout;
    expect(line).toMatch(/^ {2}error answers-2xx +could not check: /);
    expect(line).toMatch(reason);
  });

  it('passes every check of a whole run with the internal CA given by --ca', async () => {
    const base = await httpsMerchant(pki.leaf);
    const result = await runCli(['verify', '--base-url', base, '--ca', files.ca, '--timeout', '60000']);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^summary: \d+ passed, 0 failed, 0 warnings, 0 could not check, \d+ skipped$/m);
    expect(result.code).toBe(0);
  });

  it('reads "ca" from the config, relative to the config file, and a self-signed certificate can be its own CA', async () => {
    const base = await httpsMerchant(pki.selfSigned);
    const config = path.join(dir, 'merchant.json');
    const urls = urlsUnder(base);
    fs.writeFileSync(
      config,
      JSON.stringify({ displayName: 'Loja TLS', urls, ca: 'self-signed.pem', timeoutMs: 60_000 }),
    );
    const result = await runCli(['verify', '--config', config, '--only', 'productSearch']);
    expect(result.stdout).toMatch(/^productSearch GET https:\S+: pass \(/m);
    expect(result.code).toBe(0);
  });

  it('accepts --insecure and states it in the console header, the verdict line and every report', async () => {
    const base = await httpsMerchant(pki.selfSigned);
    const out = reportFiles(dir, 'i');
    const result = await search(base, '--insecure', ...out.flags);
    const caveat = 'TLS certificates were NOT checked (--insecure): a pass does not show that OmniChat can connect';
    expect(result.code).toBe(0);
    const [title, second] = result.stdout.split('\n');
    expect(title).toMatch(/^merchant-kit verify: 127\.0\.0\.1:\d+ \(run /);
    expect(second).toBe(caveat);
    expect(result.stdout).toMatch(new RegExp(`^summary: .*; ${caveat.replace(/[()]/g, '\\$&')}$`, 'm'));
    expect(JSON.parse(fs.readFileSync(out.json, 'utf8')).network).toEqual({ insecure: true, caFiles: [], proxies: [] });
    expect(fs.readFileSync(out.junit, 'utf8')).toContain(`<property name="tls" value="${caveat}"/>`);
    expect(fs.readFileSync(out.html, 'utf8')).toContain(`<strong>${caveat}</strong>`);
  });

  it('says nothing about TLS in a run that checks certificates', async () => {
    const result = await search(await httpsMerchant(pki.leaf), '--ca', files.ca);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('--insecure');
  });

  it.each([
    [
      'a file that is not PEM',
      'ca.der',
      Buffer.from([0x30, 0x82, 1, 2]),
      ' holds no PEM certificate (-----BEGIN CERTIFICATE-----): convert a .cer/.der file with "openssl x509 -inform der -in FILE -out ca.pem"',
    ],
    ['a missing file', 'nope.pem', undefined, ': no such file'],
    [
      'a broken certificate',
      'bad.pem',
      '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n',
      ': certificate 1 of 1 is not a valid X.509 certificate',
    ],
  ])('exits 2 in one line naming --ca for %s', async (_what, name, content, message) => {
    const file = path.join(dir, name);
    if (content !== undefined) fs.writeFileSync(file, content);
    const result = await runCli(['verify', '--base-url', 'https://127.0.0.1:1/v1', '--ca', file]);
    expect(result).toEqual({ code: 2, stdout: '', stderr: `merchant-kit: --ca ${file}${message}\n` });
  });
});
