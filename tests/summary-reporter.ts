import type { Reporter, SerializedError, TestCase, TestModule } from "vitest/node";

/**
 * Prints one plain closing line, "tests: N passed, N failed, N skipped", that
 * CI and people can read without knowing vitest's own output. A skipped test
 * is reported as skipped, never as passed; a test that never ran because its
 * suite's setup failed counts as failed, and so does an error outside any test.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>): void {
    const counts = { passed: 0, failed: unhandledErrors.length, skipped: 0 };
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === "passed") counts.passed++;
        else if (state === "failed" || setupFailed(test)) counts.failed++;
        else counts.skipped++;
      }
      if (module.state() === "failed" && [...module.children.allTests()].length === 0) counts.failed++;
    }
    process.stdout.write(`\ntests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`);
  }
}

/** Whether a test meant to run never did because a suite around it (or its file) failed, e.g. in beforeAll. */
function setupFailed(test: TestCase): boolean {
  if (test.options.mode === "skip" || test.options.mode === "todo") return false;
  let parent: TestCase["parent"] | null = test.parent;
  while (parent) {
    if (parent.errors().length > 0) return true;
    parent = parent.type === "module" ? null : parent.parent;
  }
  return false;
}
