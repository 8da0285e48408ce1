import path from 'node:path';

/** The package root: src/contracts and dist/contracts both sit two levels below it. */
export const PACKAGE_ROOT = path.resolve(__dirname, '..', '..');
export const CONTRACTS_DIR = path.join(PACKAGE_ROOT, 'contracts');
export const SCHEMAS_DIR = path.join(CONTRACTS_DIR, 'schemas');
export const OPENAPI_PATH = path.join(CONTRACTS_DIR, 'openapi.yaml');
export const FIXTURES_DIR = path.join(PACKAGE_ROOT, 'fixtures');
