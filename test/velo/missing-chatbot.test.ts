// A chatbot SiteGPT does not have (deleted, or a wrong ID in the secrets) must not be stored as
// a member's thread: a returning member never calls SiteGPT again, so a wrongly stored row would
// hold them on a thread that was never created. SiteGPT has been seen answering the create with
// 400 CHATBOT_NOT_FOUND "Chatbot does not exist", which an "exists" test once read as success.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { setupServer } from 'msw/node';
import { memoryCore } from './support/memory-core.js';
import { CHATBOT_ID, createStandin } from './support/standin.js';

// Mutable, so a test can play the site owner creating the chatbot later.
const chatbotIds: string[] = [];
const standin = createStandin({ chatbotIds, missingChatbot: 'bad-request' });
const server = setupServer(...standin.handlers);
before(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  standin.reset();
  chatbotIds.length = 0;
});
after(() => server.close());

describe('a chatbot SiteGPT does not have', () => {
  it('shows the member MISCONFIGURED, stores no row and creates no thread', async () => {
    const { core, threads, log } = memoryCore();

    const result = await core.getMemberChat();

    assert.equal(result.ok ? 'OK' : result.error.code, 'MISCONFIGURED');
    assert.equal(threads.rows.size, 0);
    assert.equal(standin.store.all().length, 0);
    assert.equal(log.lines.at(-1)?.reason, 'sitegpt-chatbot-not-found');
  });

  it('keeps failing on every call, not only the first, until the owner fixes it; then the chat works', async () => {
    const { core, threads } = memoryCore();
    for (let call = 0; call < 2; call++) {
      const result = await core.getMemberChat();
      assert.equal(result.ok ? 'OK' : result.error.code, 'MISCONFIGURED');
    }

    chatbotIds.push(CHATBOT_ID);
    const fixed = await core.getMemberChat();

    assert.ok(fixed.ok, JSON.stringify(fixed));
    assert.ok(standin.store.get(CHATBOT_ID, fixed.threadId), 'the stored thread exists at SiteGPT');
    assert.equal(threads.rows.get(fixed.memberId)?.threadId, fixed.threadId);
  });

  it('a "new conversation" on a deleted chatbot keeps the old row as it was', async () => {
    chatbotIds.push(CHATBOT_ID);
    const { core, threads } = memoryCore();
    const first = await core.getMemberChat();
    assert.ok(first.ok);
    const before = { ...threads.rows.get(first.memberId)! };
    chatbotIds.length = 0;

    const fresh = await core.startNewConversation();

    assert.equal(fresh.ok ? 'OK' : fresh.error.code, 'MISCONFIGURED');
    assert.deepEqual(threads.rows.get(first.memberId), before);
  });
});
