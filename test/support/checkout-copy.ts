import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../../src/contracts';

/**
 * Copies what a fresh clone of this repository holds (tracked files, and new ones not yet committed
 * that are not ignored) to `to`: no node_modules, no dist/. Returns the relative paths copied.
 */
export function copyCheckout(to: string): string[] {
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: PACKAGE_ROOT,
    encoding: 'utf8',
  })
    .split('\0')
    .filter((file) => file !== '' && fs.existsSync(path.join(PACKAGE_ROOT, file))); // deleted, not yet committed
  for (const file of files) {
    fs.mkdirSync(path.dirname(path.join(to, file)), { recursive: true });
    fs.copyFileSync(path.join(PACKAGE_ROOT, file), path.join(to, file));
  }
  return files;
}
