import fs from 'node:fs';
import path from 'node:path';

/**
 * The package root: the nearest folder above `from` holding package.json and contracts/openapi.yaml.
 * src/contracts and dist/contracts sit two levels below it, the GitHub Action's bundle (action.js) in
 * it; each finds the contracts of its own checkout or install.
 */
function findPackageRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'contracts', 'openapi.yaml')))
      return dir;
    if (path.dirname(dir) === dir) return path.resolve(from, '..', '..');
  }
}

/** The package root (see findPackageRoot). */
export const PACKAGE_ROOT = findPackageRoot(__dirname);
export const CONTRACTS_DIR = path.join(PACKAGE_ROOT, 'contracts');
export const SCHEMAS_DIR = path.join(CONTRACTS_DIR, 'schemas');
export const OPENAPI_PATH = path.join(CONTRACTS_DIR, 'openapi.yaml');
export const FIXTURES_DIR = path.join(PACKAGE_ROOT, 'fixtures');
