import { PACKAGE_ROOT } from '../../src/contracts';
import { runToEnd } from '../support/child-process';
import { exampleOf } from '../support/doc-examples';
import { freshDatabase } from '../support/postgres';

// openMockApp's @example, run as written against the built kit and a database of the test server
// (the other embedding examples run in test/docs, without a database).

describe('the embedding API examples on PostgreSQL', () => {
  it('openMockApp: its @example runs as written', async () => {
    const code = exampleOf('src/mock/http/app.ts', 'openMockApp');
    const script = `(async () => {\n${code}\n})().catch((error) => { console.error(error); process.exitCode = 1; });`;
    const result = await runToEnd(process.execPath, ['-e', script], {
      cwd: PACKAGE_ROOT,
      env: { ...process.env, MERCHANT_KIT_STORE: await freshDatabase() },
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('200 default\n');
  });
});
