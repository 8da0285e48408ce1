// Prints the run's totals, "N passed, N failed", as the very last line of the output, which CI reads.
// Jest's own summary is written in onRunComplete too, so the line waits for process exit to come after it.
// Under `npm test` (scripts/test.mjs) the totals go to the file it names instead: it adds the static
// checks and prints the line itself, after theirs.
const fs = require('node:fs');

class TotalsReporter {
  onRunComplete(_contexts, results) {
    const passed = results.numPassedTests;
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    const skipped = results.numPendingTests + results.numTodoTests;
    const file = process.env.MERCHANT_KIT_TOTALS_FILE;
    if (file) {
      fs.writeFileSync(file, JSON.stringify({ passed, failed, skipped }));
      return;
    }
    const line = `${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`;
    process.once('exit', () => process.stderr.write(`\n${line}\n`));
  }
}
module.exports = TotalsReporter;
