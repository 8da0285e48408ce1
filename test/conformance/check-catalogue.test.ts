import fs from 'node:fs';
import path from 'node:path';
import { CHECKS } from '../../src/conformance';
import { PACKAGE_ROOT } from '../../src/contracts';

const CHECKS_DIR = path.join(PACKAGE_ROOT, 'src', 'conformance', 'checks');

describe('the check catalogue', () => {
  it('lists every check file once, and each file is named after its check id', () => {
    const files = fs
      .readdirSync(CHECKS_DIR)
      .filter((f) => f !== 'index.ts')
      .map((f) => f.replace(/\.ts$/, ''))
      .sort();
    expect(CHECKS.map((c) => c.id).sort()).toEqual(files);
  });

  it.each(CHECKS.map((c) => [c.id, c] as const))(
    '%s says what it checks, why OmniChat needs it and how to fix a failure',
    (id, check) => {
      expect(fs.readFileSync(path.join(CHECKS_DIR, `${id}.ts`), 'utf8')).toContain(`id: '${id}'`);
      expect(check.what.length).toBeGreaterThan(10);
      expect(check.why.length).toBeGreaterThan(10);
      expect(check.fix.length).toBeGreaterThan(10);
    },
  );

  it('is documented in docs/verify.md, one table row per check', () => {
    const doc = fs.readFileSync(path.join(PACKAGE_ROOT, 'docs', 'verify.md'), 'utf8');
    const section = doc.slice(doc.indexOf('## Check catalogue'), doc.indexOf('## Exit codes'));
    const rows = [...section.matchAll(/^\| `([a-z0-9-]+)` \| (every operation|[a-zA-Z, ]+) \|/gm)].map((m) => m[1]);
    expect(rows).toEqual(CHECKS.map((c) => c.id));
  });
});
