// The web methods end to end: real webMethod, real @wix/* SDK and the real SiteGPT client, with
// msw playing Wix (fake-site) and SiteGPT (the stand-in at SiteGPT's real base URL).
import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, it, mock } from 'node:test';
import { Permissions } from '@wix/web-methods';
import { setupServer } from 'msw/node';
import { ChatResultSchema, ForgetResultSchema } from '../../contract/index.js';
import { forgetMyChat, getMemberChat, startNewConversation } from '../../velo/backend/sitegpt.web.js';
import { CHATBOT_ID, createStandin, siteSecrets } from './support/standin.js';
import { useWixSdk, WixFake } from './support/wix-fake.js';

const wix = new WixFake();
const standin = createStandin({ baseUrl: 'https://sitegpt.ai/api/v0' });
const server = setupServer(...wix.handlers, ...standin.handlers);
const ada = { id: 'member-ada', loginEmail: 'ada@example.com' };
const rows = () => wix.rows('SiteGptMemberThreads');
// The web methods take no argument; these casts let a test send what a forged page could.
const forged = (method: unknown) => method as (...args: unknown[]) => Promise<unknown>;

before(() => {
  useWixSdk();
  server.listen({ onUnhandledRequest: 'error' });
});
beforeEach(() => {
  mock.method(console, 'log', () => undefined);
  for (const [name, value] of Object.entries(siteSecrets())) wix.secrets.set(name, value);
  wix.session.member = ada;
});
afterEach(() => {
  mock.restoreAll();
  wix.reset();
  standin.reset();
});
after(() => server.close());

describe('sitegpt.web', () => {
  it('exposes each method to site members only', () => {
    // webMethod attaches `.permission` at run time; its type does not declare it.
    for (const method of [getMemberChat, startNewConversation, forgetMyChat]) {
      assert.equal((method as unknown as { permission: unknown }).permission, Permissions.SiteMember);
    }
  });

  it('gives a new member a thread and stores the row the README describes', async () => {
    const result = ChatResultSchema.parse(await getMemberChat());
    assert.ok(result.ok);
    assert.equal(standin.store.get(CHATBOT_ID, result.threadId)?.chatUserEmail, ada.loginEmail);
    assert.equal(rows().length, 1);
    const row = rows()[0]!;
    assert.deepEqual(Object.keys(row).sort(), ['_id', 'chatbotId', 'createdAt', 'generation', 'lastSeenAt', 'memberId', 'threadId']);
    assert.deepEqual({ _id: row._id, memberId: row.memberId, threadId: row.threadId, chatbotId: row.chatbotId, generation: row.generation },
      { _id: ada.id, memberId: ada.id, threadId: result.threadId, chatbotId: CHATBOT_ID, generation: 0 });
  });

  it('answers a returning member with one member look-up and one CMS read, and no SiteGPT call', async () => {
    const first = await getMemberChat();
    wix.requests.length = 0;
    standin.requests.length = 0;

    assert.deepEqual(await getMemberChat(), first);
    assert.equal(wix.count('/members/v1/members/my'), 1);
    assert.equal(wix.count('/wix-data/', 'GET'), 1);
    assert.equal(wix.count('/wix-data/', 'POST'), 0);
    assert.equal(standin.requests.length, 0);
  });

  it("refuses a forged member ID argument, and the argument-less methods answer for the session's member", async () => {
    // getMemberChat takes `{history?}` only (strict): a forged member is refused, never read.
    const forged1 = ChatResultSchema.parse(await forged(getMemberChat)({ memberId: 'member-bob' }));
    assert.equal(forged1.ok ? 'OK' : forged1.error.code, 'INVALID_INPUT');
    assert.deepEqual(rows(), []);
    const forAda = ChatResultSchema.parse(await getMemberChat());
    assert.ok(forAda.ok);
    assert.equal(forAda.memberId, ada.id);
    assert.deepEqual(rows().map((r) => r._id), [ada.id]);

    wix.session.member = { id: 'member-bob' };
    const bobs = ChatResultSchema.parse(await getMemberChat());
    assert.ok(bobs.ok);
    wix.session.member = ada;
    await forged(forgetMyChat)({ memberId: 'member-bob' });
    await forged(startNewConversation)('member-bob');
    const bobRow = rows().find((r) => r._id === 'member-bob')!;
    assert.deepEqual({ threadId: bobRow.threadId, generation: bobRow.generation }, { threadId: bobs.threadId, generation: 0 });
  });

  it('starts a new conversation, and forgets the chat so the next one is new', async () => {
    const first = ChatResultSchema.parse(await getMemberChat());
    const fresh = ChatResultSchema.parse(await startNewConversation());
    assert.ok(first.ok && fresh.ok);
    assert.notEqual(fresh.threadId, first.threadId);

    assert.deepEqual(ForgetResultSchema.parse(await forgetMyChat()), { ok: true });
    assert.equal(rows()[0]!.threadId, null);
    const after = ChatResultSchema.parse(await getMemberChat());
    assert.ok(after.ok);
    assert.ok(![first.threadId, fresh.threadId].includes(after.threadId));
  });

  it('says NOT_SIGNED_IN when the session has no member', async () => {
    wix.session.member = null;
    const result = ChatResultSchema.parse(await getMemberChat());
    assert.equal(result.ok ? 'OK' : result.error.code, 'NOT_SIGNED_IN');
  });

  it('gives 50 simultaneous first calls of one member one thread ID and one row', async () => {
    const results = await Promise.all(Array.from({ length: 50 }, () => getMemberChat()));
    const ids = new Set(results.map((r) => (r.ok ? r.threadId : r.error.code)));
    assert.equal(ids.size, 1);
    assert.ok(results[0]!.ok);
    assert.equal(rows().length, 1);
    assert.equal(standin.store.all().length, 1);
  });

  it('logs one JSON line per call through console.log', async () => {
    const log = mock.method(console, 'log', () => undefined);
    await getMemberChat();
    await getMemberChat();
    const lines = log.mock.calls.map((call) => JSON.parse(String(call.arguments[0])));
    assert.deepEqual(lines.map((l) => [l.method, l.outcome, l.sitegptCalled]), [
      ['getMemberChat', 'OK', true],
      ['getMemberChat', 'OK', false],
    ]);
  });
});
