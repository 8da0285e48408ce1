import { PACKAGE_ROOT } from '../../src/contracts';
import { runToEnd } from '../support/child-process';
import { exampleOf } from '../support/doc-examples';

// The @example in the doc comment of each embedding export is run as written, against the built kit
// (inside this repository `require('omnichat-merchant-kit/mock')` resolves to dist/ through the
// package's own exports), so an example that stops working fails here instead of in a user's test.

const EXAMPLES: Array<[string, string, RegExp]> = [
  ['createMockApp', 'src/mock/http/app.ts', /^200 \d+\n$/],
  ['createMockListener', 'src/mock/http/listener.ts', /^200 2\n$/],
  ['answerClientErrors', 'src/mock/http/client-errors.ts', /^$/],
];

describe('the embedding API examples', () => {
  it.each(EXAMPLES)('%s: its @example runs as written', async (name, file, output) => {
    const code = exampleOf(file, name);
    expect(code).toContain("require('omnichat-merchant-kit/mock')");
    const script = `(async () => {\n${code}\n})().catch((error) => { console.error(error); process.exitCode = 1; });`;
    const result = await runToEnd(process.execPath, ['-e', script], { cwd: PACKAGE_ROOT });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(output);
  });
});
