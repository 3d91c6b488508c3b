// Adds one line per jest run to $TEST_TOTALS_FILE ("passed failed skipped"),
// so .ci/run can print the totals of all its runs together.
const { appendFileSync } = require('node:fs');

class TotalsReporter {
  onRunComplete(_contexts, results) {
    const file = process.env.TEST_TOTALS_FILE;
    if (!file) return;
    const { numPassedTests, numFailedTests, numPendingTests, numRuntimeErrorTestSuites } = results;
    appendFileSync(file, `${numPassedTests} ${numFailedTests + numRuntimeErrorTestSuites} ${numPendingTests}\n`);
  }
}

module.exports = TotalsReporter;
