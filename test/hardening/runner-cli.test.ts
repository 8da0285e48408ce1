import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FIXTURES_DIR } from '../../src/contracts';
import { runCli } from '../support/run-cli';
import { BrokenMerchants, type Misbehaviour } from './runner-servers';

// `merchant-kit verify` as a child process against each broken merchant: exit 1, a line saying why,
// and nothing on stderr (no stack trace, no unhandled rejection warning).
const merchants = new BrokenMerchants();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mk-runner-cli-'));
// Preloaded into the CLI process: writes its peak resident set size (KiB) to a file when it exits.
const peakRssProbe = path.join(dir, 'peak-rss.js');
fs.writeFileSync(
  peakRssProbe,
  "process.on('exit', () => require('fs').writeFileSync(process.env.MK_RSS_FILE, String(process.resourceUsage().maxRSS)));\n",
);

afterAll(async () => {
  await merchants.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

// A merchant that never finishes its answer is cut off at twice the time budget: short, as it never
// answers whatever the machine's speed. Every other merchant gets a budget no loaded machine exceeds,
// so its verdict is about what it sent, never about the clock.
const AMPLE = '60000';
const NEVER_FINISH: Misbehaviour[] = ['never answers', 'dribbles a byte a second'];

/** Runs verify against a base URL (an ample budget unless given); returns the CLI result and the process's peak RSS in MiB. */
async function verifyCli(
  baseUrl: string,
  options: { timeout?: string; nodeOptions?: string } = {},
): Promise<{ code: number | null; stdout: string; stderr: string; peakRssMiB: number }> {
  const rssFile = path.join(dir, `rss-${Date.now()}-${Math.random().toString(36).slice(2)}`);
  const result = await runCli(
    [
      'verify',
      '--base-url',
      baseUrl,
      '--timeout',
      options.timeout ?? AMPLE,
      '--header',
      'Authorization: Bearer s3cr3t-XYZ',
    ],
    {
      env: { NODE_OPTIONS: `--require ${peakRssProbe} ${options.nodeOptions ?? ''}`, MK_RSS_FILE: rssFile },
    },
  );
  const peakRssMiB = Math.round(Number(fs.readFileSync(rssFile, 'utf8')) / 1024);
  return { ...result, peakRssMiB };
}

describe('merchant-kit verify (child process) against a merchant that breaks at the transport level', () => {
  it.each<[Misbehaviour, RegExp]>([
    ['never answers', /^ {2}error answers-2xx +could not check: no complete answer within 600 ms$/m],
    ['sends 50 MB', /^ {2}error answers-2xx +could not check: the body is larger than 10 MB; reading stopped there$/m],
    ['drops mid-body', /^ {2}error answers-2xx +could not check: the connection closed before the body was complete$/m],
    ['dribbles a byte a second', /^ {2}error answers-2xx +could not check: no complete answer within 600 ms$/m],
    [
      'redirects to another origin',
      /^ {2}fail {2}answers-2xx +redirected instead of answering: .*does not follow redirects; configure the final URL \(it points to another origin/m,
    ],
    ['answers HTML with 200', /^ {2}fail {2}json-body +the body is not JSON \(Unexpected token '<'/m],
    ['answers invalid JSON with 200', /^ {2}fail {2}json-body +the body is not JSON \(/m],
  ])('reports a merchant that %s with the reason, exit 1 and a clean stderr', async (kind, line) => {
    const result = await verifyCli(await merchants.start(kind), {
      timeout: NEVER_FINISH.includes(kind) ? '300' : AMPLE,
    });
    expect(result.stdout).toMatch(line);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
  });

  it.each<[string, () => Promise<string>, RegExp]>([
    [
      'answers with another protocol on its port',
      () => merchants.listenRaw('SSH-2.0-OpenSSH_9.6\r\n'),
      /could not check: 127\.0\.0\.1:\d+ did not answer with valid HTTP \(HPE_INVALID_CONSTANT\): is the port right/,
    ],
    [
      'sends 100 KB of response headers',
      () => merchants.listenRaw(`HTTP/1.1 200 OK\r\nX-Debug: ${'a'.repeat(100_000)}\r\n\r\n[]`),
      /could not check: 127\.0\.0\.1:\d+ sent response headers larger than Node's limit \(16 KB\)/,
    ],
    [
      'sends an invalid Content-Length',
      () => merchants.listenRaw('HTTP/1.1 200 OK\r\nContent-Length: abc\r\n\r\n[]'),
      /could not check: 127\.0\.0\.1:\d+ sent an invalid Content-Length header/,
    ],
    [
      'speaks plain http where the URL says https',
      async () => (await merchants.start('answers HTML with 200')).replace('http:', 'https:'),
      /could not check: TLS handshake with 127\.0\.0\.1:\d+ failed \(EPROTO\): the port does not speak https/,
    ],
  ])(
    'reports a merchant that %s as could not check with a hint, exit 1 and a clean stderr',
    async (_name, start, message) => {
      const result = await verifyCli(await start());
      expect(result.stdout).toMatch(new RegExp(`^ {2}error answers-2xx +${message.source}`, 'm'));
      expect(result.stderr).toBe('');
      expect(result.code).toBe(1);
    },
  );

  it('keeps the runner process small while a merchant streams a 50 MB body', async () => {
    const baseline = await verifyCli(await merchants.start('answers HTML with 200'));
    const huge = await verifyCli(await merchants.start('sends 50 MB'));
    process.stdout.write(
      `measured: verify peak RSS ${baseline.peakRssMiB} MiB against a small HTML answer, ${huge.peakRssMiB} MiB against a 50 MB body\n`,
    );
    expect(huge.code).toBe(1);
    // Reading the whole body would hold 50 MB of chunks plus a 50 MB string; the cap keeps it to about 10 MB more.
    expect(huge.peakRssMiB - baseline.peakRssMiB).toBeLessThan(50);
  });

  it('finishes in a 128 MB heap against a merchant that answers every request with a 4 MB catalogue', async () => {
    // Built once and sent as is; ~25 requests each get it, so a runner holding every answer needs far more.
    const product = JSON.parse(fs.readFileSync(path.join(FIXTURES_DIR, 'catalog.json'), 'utf8'))[0] as Record<
      string,
      unknown
    >;
    const products = Array.from({ length: Math.ceil((4 * 1024 * 1024) / JSON.stringify(product).length) }, (_, i) => ({
      ...product,
      objectId: String(i),
    }));
    const body = Buffer.from(JSON.stringify(products));
    const base = await merchants.listen((req, res) => {
      req.resume();
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(body);
    });
    const result = await verifyCli(base, { timeout: '20000', nodeOptions: '--max-old-space-size=128' });
    process.stdout.write(
      `measured: verify peak RSS ${result.peakRssMiB} MiB against ${body.length} bytes on every answer\n`,
    );
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^summary: \d+ passed/m);
    expect(result.code).toBe(1); // the catalogue ignores paging, so checks fail; the run itself completes
  });

  it('bounds the unknown-property scan of an answer with 210,000 unknown keys, and says the scan stopped', async () => {
    const product = JSON.parse(fs.readFileSync(path.join(FIXTURES_DIR, 'catalog.json'), 'utf8'))[0] as Record<
      string,
      unknown
    >;
    const extra: Record<string, number> = {};
    for (let i = 0; i < 210_000; i++) extra[`k${i.toString(36)}`] = 0;
    const body = Buffer.from(JSON.stringify([{ ...product, ...extra }]));
    const base = await merchants.listen((req, res) => {
      req.resume();
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(body);
    });
    const result = await runCli(['verify', '--base-url', base, '--only', 'productSearch', '--timeout', '20000']);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(
      /^ {2}warn {2}unknown-properties +\d+ unknown properties or values in the first 200000 keys \(the scan stops there\)$/m,
    );
  });
});
