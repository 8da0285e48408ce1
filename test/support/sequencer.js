// The order jest starts test files in. With durations from an earlier run in its cache, jest's own
// order stands (the longest first, so no long file starts last and runs alone at the end). Without
// them, as on CI's fresh machine, jest falls back to file size, and a short file that runs long (a
// few lines that push 1.5 GB through the mock) started last: these files go first instead, the
// longest-running first. A stale entry only costs time, never a result.
const path = require('node:path');
const Sequencer = require('@jest/test-sequencer').default;

/** Files that run long for their size, the longest first (measured alone on a quiet 2-core machine). */
const LONG_RUNNING = [
  'test/conformance/html-report-browser.test.ts',
  'test/package/installed-package.test.ts',
  'test/hardening/runner-cli.test.ts',
  'test/conformance/concurrency.test.ts',
  'test/dashboard/dashboard.test.ts',
  'test/dashboard/integration.test.ts',
  'test/store/replicas.test.ts',
  'test/mock/store-memory.test.ts',
  'test/mock/serve-cli.test.ts',
  'test/conformance/verdicts.test.ts',
  'test/cli/usage-lang.test.ts',
  'test/hardening/mock-load.test.ts',
];

class LongRunningFirst extends Sequencer {
  sort(tests) {
    const sorted = super.sort(tests);
    if (sorted.some((test) => test.duration !== undefined && test.duration !== null)) return sorted;
    const rank = (test) => {
      const at = LONG_RUNNING.indexOf(path.relative(test.context.config.rootDir, test.path).split(path.sep).join('/'));
      return at === -1 ? LONG_RUNNING.length : at;
    };
    // Array.prototype.sort is stable: the other files keep jest's order.
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}
module.exports = LongRunningFirst;
