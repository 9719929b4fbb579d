import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { setupServer } from 'msw/node';
import { ADA, memoryCore } from './support/memory-core.js';
import { CHATBOT_ID, createStandin, siteSecrets } from './support/standin.js';

const standin = createStandin();
const server = setupServer(...standin.handlers);
before(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => standin.reset());
after(() => server.close());

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('getMemberChat', () => {
  it('gives a new member a SiteGPT thread bound to their email, and stores one row for it', async () => {
    const { core, threads } = memoryCore();
    const result = await core.getMemberChat();

    assert.equal(result.ok, true);
    if (!result.ok) return;
    assert.match(result.threadId, UUID);
    assert.equal(result.memberId, ADA.id);
    assert.equal(result.email, ADA.loginEmail);
    const thread = standin.store.get(CHATBOT_ID, result.threadId);
    assert.equal(thread?.chatUserEmail, ADA.loginEmail);
    assert.equal(thread?.mode, 'AI');
    assert.deepEqual([...threads.rows.keys()], [ADA.id]);
    assert.equal(threads.rows.get(ADA.id)?.threadId, result.threadId);
    assert.equal(threads.rows.get(ADA.id)?.generation, 0);
  });

  it('answers a returning member from the stored row: one member look-up, one read, no SiteGPT call', async () => {
    const { core, threads, members } = memoryCore();
    const first = await core.getMemberChat();
    standin.requests.length = 0;
    threads.reads = threads.writes = members.lookups = 0;

    const again = await core.getMemberChat();

    assert.deepEqual(again, first);
    assert.equal(standin.requests.length, 0);
    assert.equal(members.lookups, 1);
    assert.equal(threads.reads, 1);
    assert.equal(threads.writes, 0);
  });

  it('returns no identity for a member without a login email', async () => {
    const { core } = memoryCore({ member: { id: 'member-no-email' } });
    const result = await core.getMemberChat();
    assert.equal(result.ok, true);
    assert.equal('email' in result, false);
    assert.equal('emailSignature' in result, false);
  });

  it('returns no identity for a login email that is not well formed, and logs why without it', async () => {
    // The thread-key label as a "login email": its signature would be the thread key itself.
    const label = 'sitegpt-member-chat/thread-id/v1';
    const { core, log } = memoryCore({ member: { id: 'member-odd', loginEmail: label } });
    const result = await core.getMemberChat();

    assert.equal(result.ok, true);
    assert.equal('email' in result, false);
    assert.equal('emailSignature' in result, false);
    const line = log.lines.at(-1)!;
    assert.deepEqual([line.outcome, line.reason], ['OK', 'email-not-signable']);
    assert.equal(JSON.stringify(log.lines).includes(label), false);
  });

  it('refreshes lastSeenAt at most once an hour, so returning visits rarely cost a write', async () => {
    const { core, threads, clock } = memoryCore();
    await core.getMemberChat();
    const firstSeen = threads.rows.get(ADA.id)!.lastSeenAt;
    threads.writes = 0;

    clock.advance(10 * 60_000);
    await core.getMemberChat();
    assert.equal(threads.writes, 0);
    assert.equal(threads.rows.get(ADA.id)!.lastSeenAt, firstSeen);

    clock.advance(55 * 60_000);
    await core.getMemberChat();
    assert.equal(threads.writes, 1);
    assert.ok(Date.parse(threads.rows.get(ADA.id)!.lastSeenAt) > Date.parse(firstSeen) + 60 * 60_000);
  });

  it('says NOT_SIGNED_IN to a visitor without reading secrets, the CMS or SiteGPT', async () => {
    const { core, threads, secrets } = memoryCore({ member: null });
    const result = await core.getMemberChat();
    assert.deepEqual(result.ok ? null : result.error.code, 'NOT_SIGNED_IN');
    assert.equal(secrets.reads + threads.reads + standin.requests.length, 0);
  });

  it('says MISCONFIGURED, naming the missing secret, when the chatbot ID is not set', async () => {
    const { core, threads } = memoryCore({ secrets: { SITEGPT_API_KEY: 'k' } });
    const result = await core.getMemberChat();
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.equal(result.error.code, 'MISCONFIGURED');
    assert.match(result.error.message, /SITEGPT_CHATBOT_ID/);
    assert.equal(threads.rows.size, 0);
  });

  it('moves a member to a new thread when the site has switched to another chatbot', async () => {
    const { core, threads } = memoryCore();
    const old = { memberId: ADA.id, threadId: 'old-thread', chatbotId: 'old-bot', generation: 0 };
    threads.rows.set(ADA.id, { ...old, createdAt: new Date().toISOString(), lastSeenAt: new Date().toISOString() });

    const result = await core.getMemberChat();

    assert.equal(result.ok && standin.store.get(CHATBOT_ID, result.threadId) !== undefined, true);
    assert.equal(threads.rows.get(ADA.id)?.chatbotId, CHATBOT_ID);
    assert.equal(threads.rows.get(ADA.id)?.generation, 1);
  });
});

describe('startNewConversation', () => {
  it('gives a fresh thread that later calls keep returning', async () => {
    const { core, threads } = memoryCore();
    const first = await core.getMemberChat();
    const fresh = await core.startNewConversation();
    const later = await core.getMemberChat();

    assert.ok(first.ok && fresh.ok && later.ok);
    assert.notEqual(fresh.threadId, first.threadId);
    assert.equal(later.threadId, fresh.threadId);
    assert.equal(standin.store.all().length, 2);
    assert.equal(threads.rows.size, 1);
    assert.equal(threads.rows.get(ADA.id)?.generation, 1);
  });
});

describe('forgetMyChat', () => {
  it('removes the mapping, and the next chat is a new empty thread, not the forgotten one', async () => {
    const { core, threads } = memoryCore();
    const before = await core.getMemberChat();
    assert.ok(before.ok);
    standin.store.send(CHATBOT_ID, before.threadId, 'my private question');

    assert.deepEqual(await core.forgetMyChat(), { ok: true });
    assert.equal(threads.rows.get(ADA.id)?.threadId, null);

    const next = await core.getMemberChat();
    assert.ok(next.ok);
    assert.notEqual(next.threadId, before.threadId);
    assert.deepEqual(standin.store.get(CHATBOT_ID, next.threadId)?.messages, []);
  });

  it('is ok for a member who never chatted, and refuses a visitor', async () => {
    assert.deepEqual(await memoryCore().core.forgetMyChat(), { ok: true });
    const visitor = await memoryCore({ member: null }).core.forgetMyChat();
    assert.equal(visitor.ok ? 'OK' : visitor.error.code, 'NOT_SIGNED_IN');
  });
});

describe('logging', () => {
  it('writes one line per call with method, outcome, latency and whether SiteGPT was called', async () => {
    const { core, log } = memoryCore({ secrets: siteSecrets() });
    await core.getMemberChat();
    await core.getMemberChat();
    await memoryCore({ member: null, log }).core.forgetMyChat();

    assert.deepEqual(
      log.lines.map(({ method, outcome, sitegptCalled, memberId }) => ({ method, outcome, sitegptCalled, memberId })),
      [
        { method: 'getMemberChat', outcome: 'OK', sitegptCalled: true, memberId: ADA.id },
        { method: 'getMemberChat', outcome: 'OK', sitegptCalled: false, memberId: ADA.id },
        { method: 'forgetMyChat', outcome: 'NOT_SIGNED_IN', sitegptCalled: false, memberId: undefined },
      ],
    );
    assert.ok(log.lines.every((line) => Number.isFinite(line.latencyMs) && line.latencyMs >= 0));
  });
});
