/**
 * `npm run test:redteam`: runs redteam.test.ts under node's test runner (TAP, as the other
 * suites print it in CI), then one summary line per category (tests run out of those due,
 * passed, failed) and the totals, ending with node's countable `# pass N` / `# fail N`. Exits
 * non-zero when a case failed, a category did not run every test due (each case once per
 * provider it applies to), or the runner itself failed.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { CASES, CATEGORIES, type Category } from './cases.js';
import { PROVIDERS } from './upstream.js';

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

/** How a category's cases meet the providers: "both providers", or which case runs against which alone. */
function coverage(cases: typeof CASES): string {
  const narrowed = cases.filter((c) => c.providers && c.providers.length < PROVIDERS.length);
  if (narrowed.length === 0) return 'both providers';
  return `both providers; ${narrowed.map((c) => `${c.id} ${c.providers!.join(' and ')} only`).join(', ')}`;
}

child.on('close', (code) => {
  let passed = 0;
  let failed = 0;
  let ran = 0;
  let due = 0;
  console.log('');
  for (const [category, count] of counts) {
    const cases = CASES.filter((c) => c.category === category);
    const expected = cases.reduce((sum, c) => sum + (c.providers ?? PROVIDERS).length, 0);
    const run = count.passed + count.failed;
    console.log(`red-team ${category}: ${cases.length} cases, ${run} of ${expected} run (${coverage(cases)}), ${count.passed} passed, ${count.failed} failed`);
    passed += count.passed;
    ran += run;
    due += expected;
    // A category that did not run every test due is a failure of the suite, not a pass.
    failed += count.failed + (run === expected ? 0 : 1);
  }
  if (code !== 0 && failed === 0) failed = 1; // the runner failed outside any case
  console.log(`red-team: ${CASES.length} cases in ${CATEGORIES.length} categories, ${ran} of ${due} run, ${passed} passed, ${failed} failed`);
  console.log(`# pass ${passed}`);
  console.log(`# fail ${failed}`);
  process.exitCode = failed === 0 ? 0 : 1;
});
