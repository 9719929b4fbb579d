// The transcript mirror's contract (support/transcript-store-contract.ts) against the memory
// store the core tests use and against the Wix adapter through the real @wix/data SDK (msw
// playing the CMS), plus what only the Wix adapter does: the collection, the field types a
// person sees in the dashboard, consistent sync reads, and Wix's refusals.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { setupServer } from 'msw/node';
import { defaultConfig } from '../../velo/backend/config.js';
import { Failure } from '../../velo/backend/runtime/failure.js';
import { wixTranscriptStore } from '../../velo/backend/wix/transcript-store.js';
import { MemoryTranscriptStore } from './support/memory-ports.js';
import { transcriptStoreContract, turnRow } from './support/transcript-store-contract.js';
import { useWixSdk, WixFake } from './support/wix-fake.js';

const COLLECTION = defaultConfig.chat.messagesCollection;
const wix = new WixFake();
const server = setupServer(...wix.handlers);
before(() => {
  useWixSdk();
  server.listen({ onUnhandledRequest: 'error' });
});
afterEach(() => wix.reset());
after(() => server.close());

transcriptStoreContract('memory store', { open: () => new MemoryTranscriptStore() });
transcriptStoreContract('Wix adapter (@wix/data)', {
  open: () => {
    wix.reset();
    return wixTranscriptStore(COLLECTION);
  },
});

describe('Wix transcript store', () => {
  const store = wixTranscriptStore(COLLECTION);

  it('writes to SiteGptMessages with the turn hash as _id, times a person reads as CMS dates', async () => {
    const row = turnRow();
    await store.insert(row);
    const sent = wix.requests.find((r) => r.method === 'POST')!.body as {
      dataCollectionId: string;
      dataItem: { id: string; data: Record<string, unknown> };
    };
    assert.equal(sent.dataCollectionId, 'SiteGptMessages');
    assert.equal(sent.dataItem.id, row._id);
    assert.deepEqual(sent.dataItem.data, {
      ...row,
      askedAt: { $date: new Date(row.askedAt).toISOString() },
      answeredAt: { $date: new Date(row.answeredAt!).toISOString() },
    });
  });

  it('reads what changed with a consistent query (it follows another container\'s write), pages with an eventual one', async () => {
    await store.insert(turnRow());
    await store.changedSince('member-ada', 'thread-1', 0, 10);
    await store.page('member-ada', 'thread-1', { limit: 10 });
    const queries = wix.requests.filter((r) => r.path.endsWith('/items/query')).map((r) => r.body as { consistentRead?: boolean });
    assert.deepEqual(queries.map((q) => q.consistentRead ?? false), [true, false]);
  });

  it('forgets a member with more rows than one bulk removal takes', async () => {
    const many = Array.from({ length: 1005 }, (_, i) => turnRow({ _id: `row-${i}`, clientMessageId: `msg-${i}` }));
    const items = new Map(many.map((row) => [row._id, { ...row } as Record<string, unknown>]));
    wix.cms.set(COLLECTION, items);
    wix.cms.get(COLLECTION)!.set('bob', { ...turnRow({ _id: 'bob', memberId: 'member-bob' }) });
    assert.equal(await store.removeMember('member-ada'), 1005);
    assert.deepEqual(wix.rows(COLLECTION).map((r) => r._id), ['bob']);
    assert.equal(wix.count('/bulk/items/remove', 'POST'), 2);
  });

  it("turns Wix's refusals into Failures: missing collection is MISCONFIGURED, a timeout UPSTREAM_UNAVAILABLE", async () => {
    wix.cmsFaults.push({ on: 'read', kind: 'wix-error', status: 404, code: 'WDE0025' });
    const missing = await store.page('member-ada', 'thread-1', { limit: 5 }).catch((e: unknown) => e);
    assert.ok(missing instanceof Failure && missing.code === 'MISCONFIGURED', String(missing));
    wix.cmsFaults.push({ on: 'write', kind: 'wix-error', status: 504, code: 'WDE0028' });
    const slow = await store.insert(turnRow()).catch((e: unknown) => e);
    assert.ok(slow instanceof Failure && slow.code === 'UPSTREAM_UNAVAILABLE', String(slow));
  });

  it('refuses a row edited by hand into nonsense with INTERNAL, not a crash', async () => {
    wix.cms.set(COLLECTION, new Map([['odd', { _id: 'odd', memberId: 'member-ada', kind: 'robot' }]]));
    const odd = await store.get('odd').catch((e: unknown) => e);
    assert.ok(odd instanceof Failure && odd.code === 'INTERNAL', String(odd));
  });
});
