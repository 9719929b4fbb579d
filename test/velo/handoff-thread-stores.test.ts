// The member rows' handoff fields in each thread store (memory, the sandbox's SQLite; the Wix
// adapter in handoff-wix.test.ts): a patch touches only those fields, a member is found by their
// inbox conversation, a new conversation drops the state but keeps the inbox mapping, and
// forgetting the chat drops both.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import { setupServer } from 'msw/node';
import type { ThreadRow, ThreadStore } from '../../velo/backend/ports.js';
import { SqliteThreadStore } from '../../sandbox/thread-store.js';
import { MemorySettings } from './support/memory-guard-ports.js';
import { ADA, memoryKit, NO_LIMITS } from './support/memory-kit.js';
import { MemoryThreadStore } from './support/memory-ports.js';
import { createStandin } from './support/standin.js';

const dir = mkdtempSync(join(tmpdir(), 'handoff-threads-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

const row: ThreadRow = { memberId: 'member-ada', threadId: 'thread-1', chatbotId: 'bot', generation: 0, createdAt: '2026-03-01T10:00:00.000Z', lastSeenAt: '2026-03-01T10:00:00.000Z' };

const stores: Array<[string, () => Promise<ThreadStore>]> = [
  ['memory', async () => new MemoryThreadStore()],
  ['SQLite (sandbox)', () => SqliteThreadStore.open(join(dir, `threads-${n++}.sqlite`))],
];

for (const [name, open] of stores) {
  describe(`thread store, ${name}: handoff fields`, () => {
    it('patchHandoff sets only the fields given (null clears), and the row reads them back', async () => {
      const store = await open();
      await store.insert(row);
      await store.patchHandoff('member-ada', { handoffState: 'active', handoffThreadId: 'thread-1', handoffSince: 5, handoffTargets: ['wix-inbox'], inboxConversationId: 'conv-1' });
      await store.patchHandoff('member-ada', { handoffState: null });
      const read = await store.get('member-ada');
      assert.deepEqual(read, { ...row, handoffState: null, handoffThreadId: 'thread-1', handoffSince: 5, handoffTargets: ['wix-inbox'], inboxConversationId: 'conv-1' });
      assert.deepEqual((await store.findByInboxConversation('conv-1'))?.memberId, 'member-ada');
      assert.equal(await store.findByInboxConversation('conv-2'), null);
      await assert.rejects(store.patchHandoff('member-bob', { handoffState: 'offer' }), 'no row, no patch');
    });

    it('an update replaces the handoff fields with the row\'s own (as Wix\'s update replaces the item)', async () => {
      const store = await open();
      await store.insert({ ...row, handoffState: 'active', inboxConversationId: 'conv-1' });
      await store.update({ ...row, threadId: 'thread-2', inboxConversationId: 'conv-1' });
      const read = await store.get('member-ada');
      assert.equal(read?.handoffState, undefined);
      assert.equal(read?.inboxConversationId, 'conv-1');
    });
  });
}

describe('the member row through the kit', () => {
  const standin = createStandin();
  const server = setupServer(...standin.handlers);
  before(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => standin.reset());
  after(() => server.close());

  it('a new conversation drops the handoff but keeps the inbox mapping; forgetting the chat drops both', async () => {
    const s = memoryKit({ settings: new MemorySettings({ ...NO_LIMITS }) });
    assert.ok((await s.kit.requestHuman()).ok);
    const mapped = s.threads.rows.get(ADA.id)!.inboxConversationId;
    assert.ok(mapped);
    assert.ok((await s.kit.startNewConversation()).ok);
    const fresh = s.threads.rows.get(ADA.id)!;
    assert.deepEqual([fresh.handoffState, fresh.inboxConversationId], [undefined, mapped]);
    assert.ok((await s.kit.forgetMyChat()).ok);
    const forgotten = s.threads.rows.get(ADA.id)!;
    assert.deepEqual([forgotten.threadId, forgotten.inboxConversationId, forgotten.handoffState], [null, null, null]);
  });
});
