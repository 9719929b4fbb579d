// wtr's own summary line is not one CI can read; this prints "browser: N passed, N failed" last.
// A file that fails to load or hangs has no test results, so it counts as one failure.
export function countReporter() {
  return {
    onTestRunFinished({ sessions }) {
      let passed = 0, failed = 0, skipped = 0;
      const walk = (s) => {
        for (const t of s.tests ?? []) t.skipped ? skipped++ : t.passed ? passed++ : failed++;
        for (const c of s.suites ?? []) walk(c);
      };
      for (const s of sessions) {
        if (s.testResults) walk(s.testResults);
        const empty = !s.testResults?.tests?.length && !s.testResults?.suites?.length;
        if (!s.passed && (s.errors?.length ?? 0) > 0 && empty) failed++;
      }
      setTimeout(() => console.log(`\nbrowser: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`), 0);
    },
  };
}
