import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PACKAGE_ROOT } from '../../src/contracts';
import { runCli } from '../support/run-cli';
import { startServe } from '../support/serve-child';

// Each command loads what it runs only when it runs: `--version` and `--help` answer without loading
// the mock, the runner, express or ajv, a mistake in verify's or serve's flags without the runner or
// the mock (a merchant's CI and every usage error start at once), and verify never loads the mock.
// A probe lists the modules each child loaded.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mk-lazy-'));
const probe = path.join(dir, 'loaded.js');
fs.writeFileSync(
  probe,
  "process.on('exit', () => require('fs').writeFileSync(process.env.MK_LOADED_FILE, Object.keys(require.cache).join('\\n')));\n",
);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let runs = 0;

/** The environment that makes a child list the modules it loaded, at exit, in a file of its own. */
function probed(): { env: NodeJS.ProcessEnv; file: string } {
  const file = path.join(dir, `loaded-${++runs}`);
  return { env: { NODE_OPTIONS: `--require ${probe}`, MK_LOADED_FILE: file }, file };
}

/** The files a child loaded: the kit's own relative to the package, dependencies by package name. */
function loadedIn(file: string): string[] {
  const loaded = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((f) => f !== probe)
    .map((f) => {
      const dependency = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(f);
      return dependency ? `node_modules/${dependency[1]}` : path.relative(PACKAGE_ROOT, f);
    });
  return [...new Set(loaded)];
}

/** The CLI's exit code and the files it loaded. */
async function loadedBy(args: string[]): Promise<{ code: number | null; loaded: string[] }> {
  const { env, file } = probed();
  const result = await runCli(args, { env });
  return { code: result.code, loaded: loadedIn(file) };
}

const HEAVY = [/^dist\/mock\//, /^dist\/conformance\/(?!i18n\/)/, /^node_modules\/(express|ajv|yaml|fast-check)$/];
const heavyIn = (loaded: string[]): string[] => loaded.filter((f) => HEAVY.some((pattern) => pattern.test(f)));

describe('the CLI loads a command only when it runs', () => {
  it.each([[['--version']], [['--help']], [['verify', '--help']], [['serve', '--help']]])(
    'merchant-kit %j loads neither the mock, the runner, express, ajv, yaml nor fast-check',
    async (args) => {
      const { code, loaded } = await loadedBy(args);
      expect(code).toBe(0);
      expect(loaded).toContain('node_modules/commander');
      expect(heavyIn(loaded)).toEqual([]);
    },
  );

  it("a mistake in verify's flags is said before the runner, the mock, express or fast-check are loaded", async () => {
    const { code, loaded } = await loadedBy(['verify', '--concurrency', 'x']);
    expect(code).toBe(2);
    const runner = loaded.filter((f) =>
      /^dist\/(mock\/|conformance\/runner)|^node_modules\/(express|fast-check)$/.test(f),
    );
    expect(runner).toEqual([]);
  });

  it("a mistake in serve's flags is said before the mock or express are loaded", async () => {
    const { code, loaded } = await loadedBy(['serve', '--port', 'x']);
    expect(code).toBe(2);
    expect(loaded.filter((f) => /^dist\/mock\/(index|http)|^node_modules\/express$/.test(f))).toEqual([]);
  });

  it('merchant-kit validate loads the validators but not the mock or the runner', async () => {
    const { code, loaded } = await loadedBy(['validate', 'productSearch', 'response', 'fixtures/catalog.json']);
    expect(code).toBe(0);
    expect(loaded).toContain('node_modules/ajv');
    expect(loaded.filter((f) => /^dist\/(mock|conformance)\/(?!i18n\/)/.test(f))).toEqual([]);
  });

  it('merchant-kit serve loads the mock, and not the runner while nobody runs verify from the QA console', async () => {
    const { env, file } = probed();
    const serve = await startServe(['--quiet'], env);
    expect(await serve.stop()).toBe(0);
    const loaded = loadedIn(file);
    expect(loaded).toContain('dist/mock/index.js');
    expect(loaded.filter((f) => /^dist\/conformance\/(?!i18n\/)/.test(f))).toEqual([]);
  });

  it('merchant-kit verify loads the runner but not the mock', async () => {
    const { loaded } = await loadedBy(['verify', '--base-url', 'http://127.0.0.1:1/v1']);
    expect(loaded).toContain('dist/conformance/runner.js');
    expect(loaded.filter((f) => f.startsWith('dist/mock/'))).toEqual([]);
  });
});
