// Prints the run's totals, "N passed, N failed", as the very last line of the output, which CI reads.
// Jest's own summary is written in onRunComplete too, so the line waits for process exit to come after it.
class TotalsReporter {
  onRunComplete(_contexts, results) {
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    const skipped = results.numPendingTests + results.numTodoTests;
    const line = `${results.numPassedTests} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`;
    process.once('exit', () => process.stderr.write(`\n${line}\n`));
  }
}
module.exports = TotalsReporter;
