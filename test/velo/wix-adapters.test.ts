import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { setupServer } from 'msw/node';
import { defaultConfig } from '../../velo/backend/config.js';
import { Failure } from '../../velo/backend/runtime/failure.js';
import type { ThreadRow } from '../../velo/backend/ports.js';
import { wixMembers } from '../../velo/backend/wix/members.js';
import { wixSecrets } from '../../velo/backend/wix/secrets.js';
import { wixThreadStore } from '../../velo/backend/wix/thread-store.js';
import { useWixSdk, WixFake } from './support/wix-fake.js';

const wix = new WixFake();
const server = setupServer(...wix.handlers);
before(() => {
  useWixSdk();
  server.listen({ onUnhandledRequest: 'error' });
});
afterEach(() => wix.reset());
after(() => server.close());

const COLLECTION = defaultConfig.collection;
const row: ThreadRow = {
  memberId: 'member-ada',
  threadId: '5f0c2b1e-0d3a-8c4b-9a6e-1f2d3c4b5a69',
  chatbotId: 'bot-1',
  generation: 2,
  createdAt: '2026-03-01T10:00:00.000Z',
  lastSeenAt: '2026-03-02T11:00:00.000Z',
};

async function failureCode(work: Promise<unknown>): Promise<string> {
  const error = await work.then(() => undefined, (e: unknown) => e);
  assert.ok(error instanceof Failure, `expected a Failure, got ${String(error)}`);
  return error.code;
}

describe('Wix members adapter', () => {
  it("returns the session's member with the login email, asking only for the EXTENDED field set", async () => {
    wix.session.member = { id: 'member-ada', loginEmail: 'ada@example.com' };
    assert.deepEqual(await wixMembers().current(), { id: 'member-ada', loginEmail: 'ada@example.com' });
    assert.deepEqual(wix.requests[0]!.search.getAll('fieldsets'), ['EXTENDED']);
  });

  it('returns null for a visitor, and a member without email has no email', async () => {
    assert.equal(await wixMembers().current(), null);
    wix.session.member = { id: 'member-bob' };
    assert.deepEqual(await wixMembers().current(), { id: 'member-bob' });
  });
});

describe('Wix secrets adapter', () => {
  it('reads a secret value by name, and says undefined for a secret that does not exist', async () => {
    wix.secrets.set('SITEGPT_API_KEY', 'k-123');
    assert.equal(await wixSecrets().get('SITEGPT_API_KEY'), 'k-123');
    assert.equal(await wixSecrets().get('SITEGPT_THREAD_SECRET'), undefined);
    assert.ok(wix.requests.every((r) => r.path.endsWith(`/secrets/name/${r.search.get('name')}`)));
  });
});

describe('Wix thread store', () => {
  const store = wixThreadStore(COLLECTION);

  it('inserts into the collection with _id = memberId and the row fields, dates as CMS dates', async () => {
    assert.equal(await store.insert(row), 'inserted');
    const sent = wix.requests.find((r) => r.method === 'POST')!.body as {
      dataCollectionId: string;
      dataItem: { id: string; data: Record<string, unknown> };
    };
    assert.equal(sent.dataCollectionId, 'SiteGptMemberThreads');
    assert.equal(sent.dataItem.id, 'member-ada');
    assert.deepEqual(sent.dataItem.data, {
      _id: 'member-ada',
      ...row,
      createdAt: { $date: row.createdAt },
      lastSeenAt: { $date: row.lastSeenAt },
    });
  });

  it('reads the row back by _id from the same collection, and null for a member without one', async () => {
    await store.insert(row);
    wix.requests.length = 0;
    assert.deepEqual(await store.get('member-ada'), row);
    assert.equal(wix.requests[0]!.path, '/wix-data/v2/items/member-ada');
    assert.equal(wix.requests[0]!.search.get('dataCollectionId'), 'SiteGptMemberThreads');
    assert.equal(await store.get('member-bob'), null);
  });

  it('asks Wix for a consistent read when told to', async () => {
    await store.get('member-ada', { consistent: true });
    assert.equal(wix.requests[0]!.search.get('consistentRead'), 'true');
  });

  it('reports a second insert for the same member as a duplicate and keeps the first row', async () => {
    await store.insert(row);
    assert.equal(await store.insert({ ...row, threadId: 'another-thread' }), 'duplicate');
    assert.equal(wix.rows(COLLECTION).length, 1);
    assert.equal((await store.get('member-ada'))?.threadId, row.threadId);
  });

  it('replaces the row on update, and touch changes lastSeenAt only', async () => {
    await store.insert(row);
    await store.update({ ...row, threadId: null, generation: 3 });
    await store.touch('member-ada', '2026-04-01T00:00:00.000Z');
    assert.deepEqual(await store.get('member-ada'), {
      ...row,
      threadId: null,
      generation: 3,
      lastSeenAt: '2026-04-01T00:00:00.000Z',
    });
  });

  it("maps Wix's errors: timed out, no permission, refused, and a row that is not a row", async () => {
    wix.cmsFaults.push({ on: 'read', kind: 'wix-error', status: 504, code: 'WDE0028' });
    assert.equal(await failureCode(store.get('member-ada')), 'UPSTREAM_UNAVAILABLE');
    wix.cmsFaults.push({ on: 'write', kind: 'wix-error', status: 403, code: 'WDE0027' });
    assert.equal(await failureCode(store.insert(row)), 'MISCONFIGURED');
    wix.cmsFaults.push({ on: 'write', kind: 'wix-error', status: 400, code: 'WDE0109' });
    assert.equal(await failureCode(store.update(row)), 'INTERNAL');

    wix.cms.set(COLLECTION, new Map([['member-ada', { _id: 'member-ada', threadId: 42 }]]));
    assert.equal(await failureCode(store.get('member-ada')), 'INTERNAL');
  });
});
