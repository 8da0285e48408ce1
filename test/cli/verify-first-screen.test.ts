import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startFaultyMerchant, type FaultyMerchant } from '../conformance/merchants/faulty-merchant';
import { CHILD_TMPDIR, runCli } from '../support/run-cli';

// A failing run read as a merchant's developer reads it, at the top of an 80-column terminal: the
// verdict and the numbered fixes come first, field coverage only when asked, and no curl line is a
// screenful of JSON (a long body is written to a file the line names).
const AUTH = { key: 'Authorization', value: 'Bearer s3cret-t0ken-value' };
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mk-first-screen-'));
let faulty: FaultyMerchant;
let config: string;

beforeAll(async () => {
  faulty = await startFaultyMerchant({ auth: AUTH });
  config = path.join(dir, 'merchant.json');
  fs.writeFileSync(config, JSON.stringify({ displayName: 'Loja Cinco', urls: faulty.urls, headers: [AUTH] }));
});
afterAll(async () => {
  await faulty.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The rows a line takes on a terminal of `columns` columns (an empty line takes one). */
const rows = (line: string, columns = 80): number => Math.max(1, Math.ceil([...line].length / columns));
/** The row (1-based) on which the first line matching `pattern` starts. */
function rowOf(stdout: string, pattern: RegExp): number {
  const lines = stdout.split('\n');
  const index = lines.findIndex((line) => pattern.test(line));
  expect(index).toBeGreaterThanOrEqual(0);
  return lines.slice(0, index).reduce((sum, line) => sum + rows(line), 0) + 1;
}
const plainEnv = { GITHUB_ACTIONS: '' };

describe('a failing run of five faults, one per operation', () => {
  let run: { code: number | null; stdout: string };
  let json: { operations: { checks: { curl?: string }[] }[] };
  const reports = path.join(dir, 'reports');

  beforeAll(async () => {
    run = await runCli(['verify', '--config', config, '--run-id', 'five', '--json', path.join(reports, 'five.json')], {
      env: plainEnv,
    });
    json = JSON.parse(fs.readFileSync(path.join(reports, 'five.json'), 'utf8'));
  });

  it('starts the verdict and the numbered fixes on the first screen (24 rows of 80 columns)', () => {
    expect(run.code).toBe(1);
    expect(rowOf(run.stdout, /^FAIL: 5 causes to fix/)).toBeLessThanOrEqual(22);
    expect(rowOf(run.stdout, /^1\. productSearch search-paging: /)).toBeLessThanOrEqual(24);
  });

  it('keeps field coverage off the console (it is in the reports)', () => {
    expect(run.stdout).not.toContain('field coverage');
    expect(JSON.stringify(json)).toContain('"coverage"');
  });

  it('writes each long request body beside the reports and references it with --data-binary @FILE', () => {
    const curls = run.stdout.split('\n').filter((line) => /^ +curl: +curl /.test(line));
    expect(curls.length).toBeGreaterThanOrEqual(3);
    for (const line of curls) expect(line.length).toBeLessThanOrEqual(300);
    const references = [...run.stdout.matchAll(/--data-binary @(\S+)$/gm)].map((m) => m[1]);
    expect(references.length).toBeGreaterThanOrEqual(2);
    // Each file holds exactly the body of a request the JSON report repeats in full.
    const fullBodies = json.operations
      .flatMap((op) => op.checks)
      .map((check) => / --data-binary '(.*)'$/.exec(check.curl ?? '')?.[1])
      .filter((body): body is string => body !== undefined);
    for (const file of references) {
      expect(path.dirname(file)).toBe(reports);
      expect(path.basename(file)).toMatch(/^five-request-\d+\.json$/);
      const body = fs.readFileSync(file, 'utf8');
      expect(body.length).toBeGreaterThan(500);
      expect(fullBodies).toContain(body);
    }
  });
});

describe('--coverage', () => {
  it("prints each operation's field coverage under its line", async () => {
    const result = await runCli(
      ['verify', '--config', config, '--run-id', 'cov', '--only', 'productSearch', '--coverage'],
      { env: plainEnv },
    );
    expect(result.stdout).toMatch(
      /^productSearch GET .*\n {2}fail {2}search-paging .*\n {2}field coverage \(optional fields you fill; informs, never fails\):\n {4} {2}0% productDescription \(0 of 2 products\)/m,
    );
  });

  it('without reports, writes the bodies to a folder of the temporary directory named after the run', async () => {
    const result = await runCli(['verify', '--config', config, '--run-id', 'tmp-bodies', '--only', 'orderValidation'], {
      env: plainEnv,
    });
    const file = /--data-binary @(\S+)$/m.exec(result.stdout)?.[1];
    expect(file).toBe(path.join(CHILD_TMPDIR, 'merchant-kit-tmp-bodies', 'request-1.json'));
    expect(JSON.parse(fs.readFileSync(file!, 'utf8')).objectId).toMatch(/^mk-test-tmp-bodies-/);
    fs.rmSync(path.dirname(file!), { recursive: true, force: true });
  });
});
