// Prints "N passed, N failed" from a vitest JSON report, because CI reads that plain line and
// not vitest's own summary. A missing or empty report counts as one failure.
import { readFileSync } from "node:fs";

const reportPath = process.argv[2];
let passed = 0;
let failed = 0;
let skipped = 0;
try {
  const report = JSON.parse(readFileSync(reportPath, "utf8"));
  passed = report.numPassedTests;
  failed = report.numFailedTests;
  // A file that fails to load has no failed tests of its own, so count the file instead.
  if (failed === 0) {
    failed = report.numFailedTestSuites;
  }
  skipped = report.numPendingTests + report.numTodoTests;
  if (report.numTotalTests === 0) {
    failed += 1;
  }
} catch (error) {
  console.error(`vitest report ${reportPath} could not be read: ${error.message}`);
  failed += 1;
}
console.log(
  skipped > 0
    ? `${passed} passed, ${failed} failed, ${skipped} skipped`
    : `${passed} passed, ${failed} failed`,
);
