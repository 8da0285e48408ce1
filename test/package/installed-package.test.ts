import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PACKAGE_ROOT, PRISM_MISSING } from '../../src/contracts';
import { PG_MISSING } from '../../src/mock/store/open-store';
import { runToEnd, startUntil, type Running } from '../support/child-process';
import { freePort } from '../support/free-port';
import { ciExamples } from '../action/ci-examples';
import { installBlocks, NAME, RELEASE_URL, TARBALL, VERSION } from './install-docs';
import { installKit, manifestsUnder, shell, typeCheckDependent, type InstalledKit } from './installed-kit';

// What a merchant installs: the kit packed as the docs' git path packs it, installed with the docs'
// release-tarball command into an empty prefix, and every command run from a directory that is not
// the repository. Contracts and fixtures must come from the installed package, never from the
// working directory. One pack and one install for the whole suite (installed-kit.ts).

/**
 * The most packages an install of the kit may bring, itself included: express and its dependencies are
 * 68 of them. Prism (about 190 packages), the pg client (14) and the contract bundler (5, used at build
 * time only) are not among them.
 */
const MAX_PACKAGES = 85;

let tmp: string;
let kit: InstalledKit;
let installed: string;

/** Runs an installed bin in the work directory. */
const run = (args: string[], bin = 'merchant-kit') =>
  runToEnd(path.join(kit.prefix, 'bin', bin), args, { cwd: kit.work, env: kit.env });

/** Starts an installed bin in the work directory and waits until it prints `ready`. */
const start = (args: string[], ready: RegExp): Promise<Running> =>
  startUntil(path.join(kit.prefix, 'bin', 'merchant-kit'), args, ready, { cwd: kit.work, env: kit.env });

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mk-package-'));
  kit = await installKit(tmp);
  installed = path.join(kit.prefix, 'lib', 'node_modules', NAME);
});

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('the packed kit', () => {
  it('holds the CLI, contracts, fixtures, docs and both READMEs; no tests, sources, bench or action bundle', () => {
    const { packed } = kit;
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
      (file) =>
        /^(test|src|scripts|\.ci|\.github|node_modules)\//.test(file) ||
        /^dist\/bench\/|\.map$|\.tsbuildinfo$|^action\.js$/.test(file),
    );
    expect(unwanted).toEqual([]);
  });
});

describe('installing it', () => {
  it(`brings at most ${MAX_PACKAGES} packages, Prism not among them, with no warning`, () => {
    expect(kit.install.stdout).toMatch(/^added \d+ packages? in /m);
    const added = /^added (\d+) packages? in /m.exec(kit.install.stdout);
    process.stdout.write(`measured: the installed tarball brought ${added?.[1]} packages\n`);
    expect(Number(added?.[1])).toBeLessThanOrEqual(MAX_PACKAGES);
    expect(kit.install.stderr).not.toMatch(/npm warn/i);
    expect(fs.existsSync(path.join(installed, 'node_modules', '@stoplight', 'prism-cli'))).toBe(false);
  });

  it('runs no install script: neither the kit nor any package it brings has one', () => {
    // What npm runs when it installs a package from a tarball or the registry (prepare only for the
    // kit itself, which npm would run were it installed from a folder or git); a binding.gyp means node-gyp.
    const [own, ...dependencies] = manifestsUnder(installed);
    expect(Object.keys(own.scripts).filter((name) => /^(pre|post)?(install|prepare)$/.test(name))).toEqual([]);
    const withScripts = dependencies.filter(
      ({ file, scripts }) =>
        ['preinstall', 'install', 'postinstall'].some((name) => name in scripts) ||
        fs.existsSync(path.join(path.dirname(file), 'binding.gyp')),
    );
    expect(withScripts.map(({ file }) => path.relative(installed, file))).toEqual([]);
  });

  it('is what the docs install from a release tarball and from git, and the docs show the version', async () => {
    const { tarball, git } = installBlocks();
    expect(tarball).toEqual([`npm install --global ${RELEASE_URL}`, 'merchant-kit --version']);
    expect(git.slice(3)).toEqual([`npm install --global ./${TARBALL}`, 'merchant-kit --version']);
    expect(await shell('merchant-kit --version', kit.work, kit.env)).toEqual({
      code: 0,
      stdout: `${VERSION}\n`,
      stderr: '',
    });
  });
});

describe('the installed kit', () => {
  it.each([
    ['merchant-kit', '--version'],
    ['merchant-kit', '-V'],
    ['omnichat-merchant-kit', '--version'],
  ])('%s %s prints the version', async (bin, flag) => {
    expect(await run([flag], bin)).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
  });

  it('validates a payload file of the working directory against the contracts shipped in the package', async () => {
    fs.writeFileSync(path.join(kit.work, 'search.json'), JSON.stringify([{ objectId: '1', name: 'x' }]));
    const result = await run(['validate', 'productSearch', 'response', 'search.json']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('/0/mainVariant');
    fs.writeFileSync(path.join(kit.work, 'empty.json'), '[]');
    expect(await run(['validate', 'productSearch', 'response', 'empty.json'], 'omnichat-merchant-kit')).toMatchObject({
      code: 0,
    });
  });

  it('prints the self-contained contract', async () => {
    const result = await run(['contracts', '--format', 'json']);
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

    const verify = await run(['verify', '--base-url', base, '--json', 'report.json']);
    expect(verify.stderr).toBe('');
    expect(verify.code).toBe(0);
    const report = JSON.parse(fs.readFileSync(path.join(kit.work, 'report.json'), 'utf8')) as {
      summary: { passed: number; failed: number };
    };
    expect(report.summary.failed).toBe(0);
    expect(report.summary.passed).toBeGreaterThan(20);
  });

  it('says in one line how to add Prism when proxy runs without it, and exits 2', async () => {
    const result = await run(['proxy', '--upstream', 'http://127.0.0.1:9']);
    expect(result).toEqual({ code: 2, stdout: '', stderr: `merchant-kit: ${PRISM_MISSING}\n` });
    expect(PRISM_MISSING).toContain('npm install --global @stoplight/prism-cli@5.14.2');
  });

  it("runs Prism's validating proxy once Prism is installed beside it, in the same global prefix", async () => {
    // Where `npm install --global @stoplight/prism-cli@5.14.2` puts it; this checkout's copy stands in.
    const scope = path.join(kit.prefix, 'lib', 'node_modules', '@stoplight');
    fs.mkdirSync(scope, { recursive: true });
    fs.symlinkSync(path.join(PACKAGE_ROOT, 'node_modules', '@stoplight', 'prism-cli'), path.join(scope, 'prism-cli'));
    const serve = await start(['serve', '--port', '0', '--quiet'], /listening on (http:\/\/[^/\s]+)/);
    const port = await freePort();
    await start(['proxy', '--upstream', serve.match[1], '--port', String(port)], /Prism is listening/);
    const good = await fetch(`http://127.0.0.1:${port}/v1/products/productsearch?query=iphone&size=1`);
    expect(good.status).toBe(200);
    expect(good.headers.get('sl-violations')).toBeNull();
    const bad = await fetch(`http://127.0.0.1:${port}/v1/products/productsearch?size=500`);
    expect(bad.headers.get('sl-violations')).toContain('size');
  });

  it('says in one line how to add the pg client when --store names PostgreSQL without it, and exits 2', async () => {
    const port = await freePort();
    const url = `postgres://mk:hunter2@127.0.0.1:${port}/mk`;
    const result = await run(['serve', '--port', '0', '--store', url]);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: `merchant-kit: --store postgres://mk:***@127.0.0.1:${port}/mk: ${PG_MISSING}\n`,
    });
    expect(PG_MISSING).toContain('npm install --global pg@8');
  });

  it('opens a PostgreSQL store once pg is installed beside it (here: nothing listens, so exit 1)', async () => {
    // Where `npm install --global pg@8` puts it; this checkout's copy stands in.
    const global = path.join(kit.prefix, 'lib', 'node_modules');
    fs.symlinkSync(path.join(PACKAGE_ROOT, 'node_modules', 'pg'), path.join(global, 'pg'));
    try {
      const port = await freePort();
      const result = await run(['serve', '--port', '0', '--store', `postgres://mk@127.0.0.1:${port}/mk`]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`cannot reach PostgreSQL at 127.0.0.1:${port} (ECONNREFUSED)`);
    } finally {
      fs.unlinkSync(path.join(global, 'pg'));
    }
  });

  it('exports the embedding API and the validator to projects that depend on the kit', async () => {
    const script = [
      `const { createMockApp, createMockListener, answerClientErrors } = require('${NAME}/mock');`,
      `const { validate } = require('${NAME}/contracts');`,
      `const ok = [createMockApp, createMockListener, answerClientErrors].every((f) => typeof f === 'function');`,
      `console.log(ok, JSON.stringify(validate('productSearch', 'response', [])));`,
    ].join('\n');
    const result = await runToEnd(process.execPath, ['-e', script], {
      cwd: kit.work,
      env: { ...kit.env, NODE_PATH: path.join(kit.prefix, 'lib', 'node_modules') },
    });
    expect(result).toEqual({ code: 0, stdout: 'true []\n', stderr: '' });
  });

  it('ships the TypeScript types of both exports: a strict project that uses them type-checks', async () => {
    // Every declaration file package.json names: exports' types (node16, bundler) and typesVersions (node10).
    const manifest = JSON.parse(fs.readFileSync(path.join(installed, 'package.json'), 'utf8')) as {
      exports: Record<string, string | { types: string }>;
      typesVersions: Record<string, Record<string, string[]>>;
    };
    const named = [
      ...Object.values(manifest.exports).flatMap((target) => (typeof target === 'string' ? [] : [target.types])),
      ...Object.values(manifest.typesVersions['*']).flat(),
    ].map((file) => path.normalize(file));
    expect(named.length).toBeGreaterThan(0);
    expect(named.filter((file) => !kit.packed.includes(file))).toEqual([]);
    // The types are the kit's own, not `any`: a misspelt operation is refused.
    const source = [
      `import { answerClientErrors, createMockApp, createMockListener } from '${NAME}/mock';`,
      `import { validate, type Violation } from '${NAME}/contracts';`,
      `export const listener = createMockListener(createMockApp());`,
      `export const onClientErrors = answerClientErrors;`,
      `export const found: Violation[] = validate('productSearch', 'response', []);`,
      `// @ts-expect-error: validate knows the operations`,
      `validate('productSerch', 'response', []);`,
    ].join('\n');
    expect(await typeCheckDependent(kit, source)).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('runs the CI example of docs/verify.md without the action as written', async () => {
    const example = ciExamples().find((e) => e.source === 'docs/verify.md' && e.verifyStep !== undefined);
    // The install step is the documented tarball install, the one that installed this kit.
    expect(example?.installStep?.run?.trim()).toBe(`npm install --global ${RELEASE_URL}`);
    const step = example?.verifyStep;
    expect(step?.run).toMatch(/^merchant-kit verify --config merchant\.json /m);
    const token = 'ci-example-token-19c2';
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
    const result = await shell(step?.run as string, workspace, { ...kit.env, MERCHANT_TOKEN: token });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const upload = path.join(workspace, example?.uploadPath as string);
    for (const report of ['omnichat.xml', 'omnichat.html']) expect(fs.existsSync(path.join(upload, report))).toBe(true);
    expect(fs.readFileSync(path.join(upload, 'omnichat.xml'), 'utf8')).not.toContain(token);
  });
});
