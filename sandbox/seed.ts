/**
 * `npm run seed`: a few weeks of generated chats in the sandbox's mirror, for `/admin`
 * (sandbox/seed/history.ts says what they are like). Same seed value, same chats.
 *
 *   npm run seed -- [--seed 42] [--days 28] [--members 360]
 *
 * A running sandbox (on PORT, default 8787) is seeded through `POST /_sandbox/seed`, since it
 * holds its database in memory; otherwise the file in SANDBOX_DIR (default .sandbox) is written.
 * Either way the previous seed's members are replaced and every other member's turns stay.
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { seedMirror, type SeedSummary } from './seed/apply.js';
import { SeedBody } from './routes/seed-route.js';
import { SqliteTranscriptStore } from './transcript-store.js';

const { values } = parseArgs({ options: { seed: { type: 'string' }, days: { type: 'string' }, members: { type: 'string' } } });
const parsed = SeedBody.safeParse(Object.fromEntries(Object.entries(values).map(([key, value]) => [key, Number(value)])));
if (!parsed.success) {
  console.error('usage: npm run seed -- [--seed 0–4294967295] [--days 1–92] [--members 1–5000]');
  process.exit(2);
}
const options = parsed.data;
const port = Number(process.env.PORT ?? 8787);

async function viaSandbox(): Promise<SeedSummary | undefined> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/_sandbox/seed`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(options) });
    if (!response.ok) throw new Error(`the sandbox on port ${port} answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as SeedSummary;
  } catch (error) {
    if ((error as { cause?: { code?: string } }).cause?.code === 'ECONNREFUSED') return undefined;
    throw error;
  }
}

let summary = await viaSandbox();
let where = `the running sandbox on port ${port}`;
if (!summary) {
  const dir = resolve(process.env.SANDBOX_DIR ?? join(fileURLToPath(new URL('..', import.meta.url)), '.sandbox'));
  const store = await SqliteTranscriptStore.open(join(dir, 'member-messages.sqlite'));
  summary = seedMirror(store, options);
  store.close();
  where = join(dir, 'member-messages.sqlite');
}
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
console.log(`Seeded ${summary.turns} turns of ${summary.members} members, ${day(summary.from)} to ${day(summary.to)}, into ${where}.`);
console.log('Open /admin (sign in as the site owner) to see their figures.');
