import fs from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../contracts/paths';

/** The kit's version, read from its own package.json (wherever the package is installed). */
export function packageVersion(): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string };
  return manifest.version;
}
