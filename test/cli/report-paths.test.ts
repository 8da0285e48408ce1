import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../support/run-cli';

// Every report path that cannot be written is one line naming the flag and why, exit 2: never a
// loop, never a stack trace. Nothing listens on port 1, so each run is short.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mk-report-paths-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const verify = (...extra: string[]) =>
  runCli(['verify', '--base-url', 'http://127.0.0.1:1/v1', '--only', 'productSearch', ...extra]);

/** Exactly one line on stderr, exit 2. */
async function oneLine(...extra: string[]): Promise<string> {
  const result = await verify(...extra);
  expect(result.code).toBe(2);
  expect(result.stderr.split('\n')).toHaveLength(2);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  return result.stderr.trimEnd();
}

describe('report paths that cannot be written, before the run', () => {
  it.each([
    ['a directory under /proc (mkdir of /proc answers EEXIST, which Node retries for ever)', '/proc/nope/x.html'],
    ['a directory under /sys', '/sys/nope/x.html'],
  ])('%s: one line, exit 2, no request sent', async (_what, file) => {
    const result = await verify('--html', file);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `merchant-kit: --html ${file}: cannot create the directory ${path.dirname(file)} (nothing can be created there: pick a directory of your own)\n`,
    );
  });

  it.each([
    ['/proc/x.json', 'nothing can be created there: pick a directory of your own'],
    ['/sys/x.json', 'permission denied'],
  ])('a file directly in %s: says why, exit 2', async (file, why) => {
    expect(await oneLine('--json', file)).toBe(`merchant-kit: --json ${file}: cannot write the report (${why})`);
  });

  it('a file in the way of a directory two levels up: names that file', async () => {
    const blocker = path.join(dir, 'blocker');
    fs.writeFileSync(blocker, '');
    expect(await oneLine('--junit', path.join(blocker, 'deeper', 'r.xml'))).toBe(
      `merchant-kit: --junit ${path.join(blocker, 'deeper', 'r.xml')}: cannot create the directory ${blocker} (a file is in the way)`,
    );
  });

  it('a directory where the report file should be', async () => {
    expect(await oneLine('--html', dir)).toBe(
      `merchant-kit: --html ${dir}: cannot write the report (it is a directory)`,
    );
  });

  it('leaves no empty file behind when the path was checked and the run then stopped at a later flag', async () => {
    const file = path.join(dir, 'checked.json');
    expect(await oneLine('--json', file, '--html', '/proc/nope/x.html')).toMatch(/^merchant-kit: --html /);
    expect(fs.existsSync(file)).toBe(false);
  });

  it('says it in Portuguese with --lang pt-BR', async () => {
    expect(await oneLine('--lang', 'pt-BR', '--html', '/proc/nope/x.html')).toBe(
      'merchant-kit: --html /proc/nope/x.html: não foi possível criar o diretório /proc/nope (nada pode ser criado ali: escolha um diretório seu)',
    );
  });
});

describe('a report that cannot be written after the run (a full disk: /dev/full)', () => {
  it('writes the other reports, says the full one in one line, exit 2', async () => {
    const json = path.join(dir, 'beside-full.json');
    const result = await verify('--json', json, '--html', '/dev/full');
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(/^summary: /m); // the run happened and was reported
    expect(result.stderr).toBe('merchant-kit: --html /dev/full: cannot write the report (the disk is full)\n');
    expect(JSON.parse(fs.readFileSync(json, 'utf8')).tool).toBe('merchant-kit verify');
  });
});
