// Many devices at once, over the real Wix adapters (fake CMS that refuses a second _id, like
// Wix) and the SiteGPT stand-in. A separate core per device plays a separate backend container,
// so nothing in-process can hide a race: the derived ID and the keyed row must do it.
import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { setupServer } from 'msw/node';
import type { ChatResult } from '../../contract/index.js';
import { MemoryMembers } from './support/memory-ports.js';
import { createStandin, siteSecrets } from './support/standin.js';
import { wixCore } from './support/wix-core.js';
import { useWixSdk, WixFake } from './support/wix-fake.js';

const wix = new WixFake();
const standin = createStandin();
const server = setupServer(...wix.handlers, ...standin.handlers);
const rows = () => wix.rows('SiteGptMemberThreads');
const SLOW_ENOUGH = { timeouts: { overallMs: 10_000, sitegptCallMs: 4_000, wixCallMs: 5_000 } };

before(() => {
  useWixSdk();
  server.listen({ onUnhandledRequest: 'error' });
});
beforeEach(() => {
  for (const [name, value] of Object.entries(siteSecrets())) wix.secrets.set(name, value);
});
afterEach(() => {
  wix.reset();
  standin.reset();
});
after(() => server.close());

function device(memberId: string) {
  return wixCore({ config: SLOW_ENOUGH, members: new MemoryMembers({ id: memberId }) }).core;
}

function threadIds(results: ChatResult[]): string[] {
  return results.map((r) => (r.ok ? r.threadId : `error:${r.error.code}/${r.error.message}`));
}

describe('concurrent first calls', () => {
  it('50 devices of one member, in 50 containers, get one thread ID and leave one row', async () => {
    const results = await Promise.all(Array.from({ length: 50 }, () => device('member-ada').getMemberChat()));

    assert.equal(new Set(threadIds(results)).size, 1);
    assert.ok(results[0]!.ok);
    assert.equal(rows().length, 1);
    assert.equal(rows()[0]!.threadId, results[0]!.threadId);
    assert.equal(standin.store.all().length, 1);
  });

  it('200 members x 3 devices, in 600 containers, give 200 rows, one thread each, and no error', async () => {
    const members = Array.from({ length: 200 }, (_, i) => `member-${i}`);
    const calls = members.flatMap((id) => [0, 1, 2].map(() => device(id).getMemberChat().then((r) => ({ id, r }))));
    const results = await Promise.all(calls);

    assert.deepEqual(results.filter(({ r }) => !r.ok), []);
    for (const id of members) {
      const mine = results.filter((x) => x.id === id).map((x) => x.r);
      assert.equal(new Set(threadIds(mine)).size, 1, id);
    }
    assert.equal(rows().length, 200);
    assert.equal(standin.store.all().length, 200);
  });

  it('in one container, devices of the same member share one SiteGPT call and one CMS write', async () => {
    const { core } = wixCore({ config: SLOW_ENOUGH, members: new MemoryMembers({ id: 'member-ada' }) });
    const results = await Promise.all(Array.from({ length: 3 }, () => core.getMemberChat()));

    assert.equal(new Set(threadIds(results)).size, 1);
    assert.equal(standin.creates(), 1);
    assert.equal(wix.count('/wix-data/v2/items', 'POST'), 1);
  });

  it('two devices pressing "new conversation" together land on the same new thread', async () => {
    await device('member-ada').getMemberChat();
    const [a, b] = await Promise.all([device('member-ada').startNewConversation(), device('member-ada').startNewConversation()]);

    assert.deepEqual(threadIds([a!]), threadIds([b!]));
    assert.equal(rows()[0]!.generation, 1);
    assert.equal(standin.store.all().length, 2);
  });
});
