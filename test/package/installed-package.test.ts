import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PACKAGE_ROOT } from '../../src/contracts';
import { runToEnd, startUntil, type Running } from '../support/child-process';
import { freePort } from '../support/free-port';
import { ciExamples } from '../action/ci-examples';

// What a merchant installs: `npm pack` (what `npm publish` would upload), installed globally into a
// throwaway prefix, and every command run from a directory that is not the repository. Contracts,
// fixtures and Prism must come from the installed package, never from the working directory.
// One pack and one install for the whole file: the install takes the most time (the dependencies come
// from the npm cache when they are there, from the registry otherwise).

const manifest = JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
};

let tmp: string;
let prefix: string;
let work: string;
let packed: string[];
let env: NodeJS.ProcessEnv;
const running: Running[] = [];

/** Runs an installed bin in the work directory. */
const kit = (args: string[], bin = 'merchant-kit') =>
  runToEnd(path.join(prefix, 'bin', bin), args, { cwd: work, env });

/** Starts an installed bin in the work directory and waits until it prints `ready`. */
async function start(args: string[], ready: RegExp): Promise<Running> {
  const server = await startUntil(path.join(prefix, 'bin', 'merchant-kit'), args, ready, { cwd: work, env });
  running.push(server);
  return server;
}

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mk-package-'));
  prefix = path.join(tmp, 'prefix');
  work = path.join(tmp, 'work');
  fs.mkdirSync(work);
  // The kit's bins start with `#!/usr/bin/env node`: the node running the tests comes first on PATH.
  env = {
    ...process.env,
    PATH: [path.join(prefix, 'bin'), path.dirname(process.execPath), process.env.PATH].join(path.delimiter),
  };
  // npm test has just built dist/; --ignore-scripts packs that build instead of building again.
  const pack = await runToEnd('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', tmp], {
    cwd: PACKAGE_ROOT,
    env,
  });
  expect(pack).toMatchObject({ code: 0 });
  const [info] = JSON.parse(pack.stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
  packed = info.files.map((file) => file.path);
  const install = await runToEnd(
    'npm',
    [
      'install',
      '--global',
      '--prefix',
      prefix,
      path.join(tmp, info.filename),
      '--no-audit',
      '--no-fund',
      '--prefer-offline',
      '--loglevel=error',
    ],
    { cwd: work, env },
  );
  expect(install).toMatchObject({ code: 0 });
});

afterAll(async () => {
  await Promise.all(running.map((server) => server.stop()));
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('the packed kit', () => {
  it('holds the CLI, contracts, fixtures, docs and both READMEs, and no tests, sources or bench', () => {
    for (const file of [
      'dist/cli/main.js',
      'dist/mock/index.d.ts',
      'contracts/openapi.yaml',
      'contracts/schemas/definitions.schema.json',
      'fixtures/catalog.json',
      'docs/verify.md',
      'README.md',
      'README.pt-BR.md',
      'merchant.example.json',
    ])
      expect(packed).toContain(file);
    const unwanted = packed.filter(
      (file) => /^(test|src|\.ci|node_modules)\//.test(file) || file.startsWith('dist/bench/') || file.endsWith('.map'),
    );
    expect(unwanted).toEqual([]);
  });

  it.each([
    ['merchant-kit', '--version'],
    ['merchant-kit', '-V'],
    ['omnichat-merchant-kit', '--version'],
  ])('%s %s prints the version', async (bin, flag) => {
    expect(await kit([flag], bin)).toEqual({ code: 0, stdout: `${manifest.version}\n`, stderr: '' });
  });

  it('validates a payload file of the working directory against the contracts shipped in the package', async () => {
    fs.writeFileSync(path.join(work, 'search.json'), JSON.stringify([{ objectId: '1', name: 'x' }]));
    const result = await kit(['validate', 'productSearch', 'response', 'search.json']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('/0/mainVariant');
    fs.writeFileSync(path.join(work, 'empty.json'), '[]');
    expect(await kit(['validate', 'productSearch', 'response', 'empty.json'], 'omnichat-merchant-kit')).toMatchObject({
      code: 0,
    });
  });

  it('prints the self-contained contract', async () => {
    const result = await kit(['contracts', '--format', 'json']);
    expect(result.code).toBe(0);
    const doc = JSON.parse(result.stdout) as { components: { schemas: Record<string, unknown> } };
    expect(Object.keys(doc.components.schemas)).toContain('ProductSearchResponse');
    expect(result.stdout).not.toContain('./schemas/');
  });

  it('serves the mock on its embedded fixtures, and verify passes against it and writes its reports', async () => {
    const serve = await start(['serve', '--port', '0', '--quiet'], /listening on (http:\/\/\S+)/);
    const base = serve.match[1];
    const search = await fetch(`${base}/products/productsearch?query=iphone&size=1`);
    expect(search.status).toBe(200);
    expect(((await search.json()) as unknown[]).length).toBe(1);

    const verify = await kit(['verify', '--base-url', base, '--json', 'report.json']);
    expect(verify.stderr).toBe('');
    expect(verify.code).toBe(0);
    const report = JSON.parse(fs.readFileSync(path.join(work, 'report.json'), 'utf8')) as {
      summary: { passed: number; failed: number };
    };
    expect(report.summary.failed).toBe(0);
    expect(report.summary.passed).toBeGreaterThan(20);
  });

  it("runs Prism's validating proxy from the package's own dependencies", async () => {
    const serve = await start(['serve', '--port', '0', '--quiet'], /listening on (http:\/\/[^/\s]+)/);
    const port = await freePort();
    await start(['proxy', '--upstream', serve.match[1], '--port', String(port)], /Prism is listening/);
    const good = await fetch(`http://127.0.0.1:${port}/v1/products/productsearch?query=iphone&size=1`);
    expect(good.status).toBe(200);
    expect(good.headers.get('sl-violations')).toBeNull();
    const bad = await fetch(`http://127.0.0.1:${port}/v1/products/productsearch?size=500`);
    expect(bad.headers.get('sl-violations')).toContain('size');
  });

  it('exports the embedding API and the validator to projects that depend on the kit', async () => {
    const script = [
      `const { createMockApp, createMockListener, answerClientErrors } = require('${manifest.name}/mock');`,
      `const { validate } = require('${manifest.name}/contracts');`,
      `const ok = [createMockApp, createMockListener, answerClientErrors].every((f) => typeof f === 'function');`,
      `console.log(ok, JSON.stringify(validate('productSearch', 'response', [])));`,
    ].join('\n');
    const result = await runToEnd(process.execPath, ['-e', script], {
      cwd: work,
      env: { ...env, NODE_PATH: path.join(prefix, 'lib', 'node_modules') },
    });
    expect(result).toEqual({ code: 0, stdout: 'true []\n', stderr: '' });
  });

  it('runs the plain-npx CI example of docs/verify.md as written', async () => {
    const example = ciExamples().find((e) => e.source === 'docs/verify.md' && e.npxStep !== undefined);
    const step = example?.npxStep;
    expect(step?.run).toMatch(/npx --yes omnichat-merchant-kit verify --config merchant\.json/);
    const token = 'npx-example-token-19c2';
    const serve = await start(
      ['serve', '--port', '0', '--quiet', '--auth', `Authorization: Bearer ${token}`],
      /listening on (http:\/\/[^/\s]+)/,
    );
    const workspace = fs.mkdtempSync(path.join(tmp, 'workspace-'));
    const config = JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, 'merchant.example.json'), 'utf8'));
    for (const [operation, url] of Object.entries(config.urls as Record<string, string>))
      config.urls[operation] = url.replace('http://127.0.0.1:4010', serve.match[1]);
    config.headers = [{ key: 'Authorization', value: 'Bearer ${MERCHANT_TOKEN}' }];
    fs.writeFileSync(path.join(workspace, 'merchant.json'), JSON.stringify(config));
    // npx finds the kit installed under this prefix, as it would find it in its cache once published.
    const result = await runToEnd('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step?.run as string], {
      cwd: workspace,
      env: { ...env, npm_config_prefix: prefix, MERCHANT_TOKEN: token },
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const upload = path.join(workspace, example?.uploadPath as string);
    for (const report of ['omnichat.xml', 'omnichat.html']) expect(fs.existsSync(path.join(upload, report))).toBe(true);
    expect(fs.readFileSync(path.join(upload, 'omnichat.xml'), 'utf8')).not.toContain(token);
  });
});
