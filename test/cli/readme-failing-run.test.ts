import fs from 'node:fs';
import path from 'node:path';
import { contractVersion, kitVersion } from '../../src/conformance/meta';
import { PACKAGE_ROOT } from '../../src/contracts';
import { runCli } from '../support/run-cli';
import { startServe, type ServeChild } from '../support/serve-child';

// Each README shows a failing run: the command a reader types and what it prints. It is run here as
// written, against the mock started as the README says, and must print those lines exactly (only the
// port, the kit's version and the contracts' digest are today's).
let mock: ServeChild;
beforeAll(async () => {
  mock = await startServe(['--auth', 'Authorization: Bearer right', '--quiet']);
});
afterAll(() => mock?.stop());

/** The README's example: the `$ npx merchant-kit ...` line's arguments and the lines after it. */
function example(file: string): { args: string[]; output: string } {
  const text = fs.readFileSync(path.join(PACKAGE_ROOT, file), 'utf8');
  const block = /^ {3}```text\n {3}\$ npx merchant-kit (.*)\n([\s\S]*?)^ {3}```$/m.exec(text);
  if (!block) throw new Error(`${file} has no \`$ npx merchant-kit\` example`);
  // The arguments as a shell splits them: words, and "double-quoted" words with spaces.
  const args = [...block[1].matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]);
  const output = block[2].replace(/^ {3}/gm, '');
  return { args, output };
}

describe.each(['README.md', 'README.pt-BR.md'])('the failing run in %s', (file) => {
  it('is what verify prints for that command today', async () => {
    const { args, output } = example(file);
    expect(args.slice(0, 3)).toEqual(['verify', '--base-url', 'http://127.0.0.1:4010/v1']);
    const port = new URL(mock.origin).port;
    const result = await runCli(
      args.map((arg) => arg.replace('127.0.0.1:4010', `127.0.0.1:${port}`)),
      {
        env: { GITHUB_ACTIONS: '' },
      },
    );
    expect(result.code).toBe(1);
    const expected = output
      .replace(/127\.0\.0\.1:4010/g, `127.0.0.1:${port}`)
      .replace(/merchant-kit \d+\.\d+\.\d+(?:-[\w.]+)?/, `merchant-kit ${kitVersion()}`)
      .replace(/sha256:[0-9a-f]{12}/, contractVersion());
    expect(result.stdout).toBe(expected);
  });
});
