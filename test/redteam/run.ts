/**
 * `npm run test:redteam`: runs redteam.test.ts under node's test runner (TAP, as the other
 * suites print it in CI), then one summary line per category (cases run, passed, failed) and
 * the totals, ending with node's countable `# pass N` / `# fail N`. Exits non-zero when a case
 * failed, a category ran no case, or the runner itself failed.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { CASES, CATEGORIES, type Category } from './cases.js';

const child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=tap', 'test/redteam/redteam.test.ts'], {
  stdio: ['ignore', 'pipe', 'inherit'],
});

// A test line: "ok 3 - DI-02 [direct-injection] openai: ..." (indented: it sits in its case's suite).
const RESULT = /^\s+(not )?ok \d+ - ([A-Z]{2}-\d{2}) \[([a-z-]+)\] (sitegpt|openai)\b/;
const counts = new Map<Category, { passed: number; failed: number }>(CATEGORIES.map((c) => [c, { passed: 0, failed: 0 }]));

createInterface({ input: child.stdout }).on('line', (line) => {
  console.log(line);
  const match = RESULT.exec(line);
  if (!match) return;
  const count = counts.get(match[3] as Category);
  if (count) count[match[1] ? 'failed' : 'passed']++;
});

child.on('close', (code) => {
  let passed = 0;
  let failed = 0;
  let ran = 0;
  console.log('');
  for (const [category, count] of counts) {
    const cases = CASES.filter((c) => c.category === category).length;
    const run = count.passed + count.failed;
    console.log(`red-team ${category}: ${cases} cases, ${run} run (both providers), ${count.passed} passed, ${count.failed} failed`);
    passed += count.passed;
    ran += run;
    // A category that ran nothing is a failure of the suite, not a pass.
    failed += count.failed + (run === 0 ? 1 : 0);
  }
  if (code !== 0 && failed === 0) failed = 1; // the runner failed outside any case
  console.log(`red-team: ${CASES.length} cases in ${CATEGORIES.length} categories, ${ran} run, ${passed} passed, ${failed} failed`);
  console.log(`# pass ${passed}`);
  console.log(`# fail ${failed}`);
  process.exitCode = failed === 0 ? 0 : 1;
});
