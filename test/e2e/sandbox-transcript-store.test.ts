// The sandbox's SQLite transcript mirror (sandbox/transcript-store.ts) against the backend's
// shared TranscriptStore contract, plus what only a file-backed store must do: its rows survive
// closing and reopening the file (a sandbox restart).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { SqliteTranscriptStore } from '../../sandbox/transcript-store.js';
import { transcriptStoreContract, turnRow } from '../velo/support/transcript-store-contract.js';

const dir = mkdtempSync(join(tmpdir(), 'sandbox-transcript-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

transcriptStoreContract('sandbox SQLite store', {
  open: () => SqliteTranscriptStore.open(join(dir, `contract-${n++}.sqlite`)),
  close: (store) => (store as SqliteTranscriptStore).close(),
});

test('rows survive a restart: every write is in the file before it is acknowledged', async () => {
  const file = join(dir, 'restart.sqlite');
  const first = await SqliteTranscriptStore.open(file);
  const row = turnRow({ question: 'Grüße 👋', sources: [] });
  await first.insert(row);
  await first.update({ ...row, reaction: 'POSITIVE', rev: row.rev + 1 });
  // Not closed: a crash right after the acknowledgement loses nothing.
  const second = await SqliteTranscriptStore.open(file);
  assert.deepEqual(await second.get(row._id), { ...row, reaction: 'POSITIVE', rev: row.rev + 1 });
  second.close();
  first.close();
});
