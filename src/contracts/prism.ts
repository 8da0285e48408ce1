import fs from 'node:fs';
import path from 'node:path';

/**
 * Prism 5.14.2's CLI script, resolved through node's module lookup from this package, so a checkout
 * and an installed kit find the same dependency. Run it with `process.execPath`, not through a shell:
 * the pid is then Prism's own.
 */
export function prismCliScript(): string {
  const manifestPath = require.resolve('@stoplight/prism-cli/package.json');
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as { bin?: string | Record<string, string> };
  const bin = typeof manifest.bin === 'string' ? manifest.bin : (manifest.bin?.prism ?? 'dist/index.js');
  return path.join(path.dirname(manifestPath), bin);
}
