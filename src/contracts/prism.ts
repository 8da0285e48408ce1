import fs from 'node:fs';
import path from 'node:path';

/** The Prism release the kit runs and is tested with (5.15 and later need Node 24). */
export const PRISM_VERSION = '5.14.2';

/** The one line `merchant-kit proxy` prints when Prism is not installed: what it is and how to add it. */
export const PRISM_MISSING =
  `proxy runs Prism ${PRISM_VERSION}, an optional dependency that is not installed: add it with ` +
  `"npm install --global @stoplight/prism-cli@${PRISM_VERSION}" beside a global merchant-kit, or ` +
  `"npm install --save-dev @stoplight/prism-cli@${PRISM_VERSION}" in the project that depends on the kit`;

/**
 * Prism's CLI script, resolved through node's module lookup from this package (`from`): a checkout's
 * devDependencies, the project that installed the kit, or the same global prefix; undefined when
 * @stoplight/prism-cli is not installed where the kit can find it. Only `merchant-kit proxy` (and the
 * bench and tests) need it, so an install of the kit does not bring it. Run it with
 * `process.execPath`, not through a shell: the pid is then Prism's own.
 */
export function findPrismCli(from: string = __dirname): string | undefined {
  let manifestPath: string;
  try {
    manifestPath = require.resolve('@stoplight/prism-cli/package.json', { paths: [from] });
  } catch {
    return undefined;
  }
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as { bin?: string | Record<string, string> };
  const bin = typeof manifest.bin === 'string' ? manifest.bin : (manifest.bin?.prism ?? 'dist/index.js');
  return path.join(path.dirname(manifestPath), bin);
}

/** Prism's CLI script for callers that cannot go on without it (the bench, tests); throws PRISM_MISSING. */
export function prismCliScript(): string {
  const script = findPrismCli();
  if (script === undefined) throw new Error(PRISM_MISSING);
  return script;
}
