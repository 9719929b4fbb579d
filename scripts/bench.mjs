// `npm run bench`: every benchmark prints its own figures; nothing here asserts on time,
// because these machines are noisy. Each bench/*.bench.ts runs in its own process.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const files = readdirSync(new URL('../bench/', import.meta.url))
  .filter((f) => f.endsWith('.bench.ts') || f.endsWith('.bench.mjs'))
  .sort();
for (const file of files) {
  console.log(`\n== ${file}`);
  execFileSync(process.execPath, ['--import', 'tsx', `bench/${file}`], { stdio: 'inherit' });
}
