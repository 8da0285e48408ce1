import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PACKAGE_ROOT } from '../../src/contracts';
import { runToEnd } from '../support/child-process';

// action.js is generated from src/ (scripts/build-action.mjs) and committed: the action's users run
// exactly that file. It must be what a fresh build makes, and a fresh build must make it byte for byte.
const BUILD = path.join(PACKAGE_ROOT, 'scripts', 'build-action.mjs');
let tmp: string;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mk-bundle-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('the committed action bundle', () => {
  it('is what a fresh build of src/ makes (npm run build checks the same)', async () => {
    const check = await runToEnd(process.execPath, [BUILD, '--check'], { cwd: PACKAGE_ROOT });
    expect(check).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('fails the check, saying how to fix it, when the committed file differs from a fresh build', async () => {
    const stale = path.join(tmp, 'action.js');
    fs.writeFileSync(stale, `${fs.readFileSync(path.join(PACKAGE_ROOT, 'action.js'), 'utf8')}// edited by hand\n`);
    const check = await runToEnd(process.execPath, [BUILD, '--check', '--out', stale], { cwd: tmp });
    expect(check).toEqual({
      code: 1,
      stdout: '',
      stderr: 'action.js differs from a fresh build of src/: run `npm run build:action` and commit action.js\n',
    });
  });

  it('builds the same bytes again, from any working directory', async () => {
    const [first, second] = [path.join(tmp, 'first.js'), path.join(tmp, 'second.js')];
    expect(await runToEnd(process.execPath, [BUILD, '--out', first], { cwd: tmp })).toMatchObject({ code: 0 });
    expect(await runToEnd(process.execPath, [BUILD, '--out', second], { cwd: os.tmpdir() })).toMatchObject({ code: 0 });
    expect(fs.readFileSync(second).equals(fs.readFileSync(first))).toBe(true);
    expect(fs.readFileSync(first).equals(fs.readFileSync(path.join(PACKAGE_ROOT, 'action.js')))).toBe(true);
    // Nothing of the machine that built it: no absolute path.
    expect(fs.readFileSync(first, 'utf8')).not.toContain(PACKAGE_ROOT);
  });
});
