import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, it } from 'node:test';
import { signEmail } from '../../velo/backend/threads/email-signature.js';
import { deriveThreadId, threadKey } from '../../velo/backend/threads/thread-id.js';

const key = await threadKey('api-key-1', undefined);
const ada = { chatbotId: 'bot-1', memberId: 'member-ada', generation: 0 };

describe('derived thread IDs', () => {
  it('are the same for the same member, chatbot and generation, so concurrent calls converge', async () => {
    assert.equal(await deriveThreadId(key, ada), await deriveThreadId(await threadKey('api-key-1', undefined), { ...ada }));
  });

  it('differ per member, per chatbot and per generation', async () => {
    const ids = new Set([
      await deriveThreadId(key, ada),
      await deriveThreadId(key, { ...ada, memberId: 'member-bob' }),
      await deriveThreadId(key, { ...ada, chatbotId: 'bot-2' }),
      await deriveThreadId(key, { ...ada, generation: 1 }),
      // Fields are kept apart: moving a character across the boundary gives another ID.
      await deriveThreadId(key, { chatbotId: 'bot-1m', memberId: 'ember-ada', generation: 0 }),
    ]);
    assert.equal(ids.size, 5);
  });

  it('are version-8 UUIDs, the shape SiteGPT thread IDs have', async () => {
    assert.match(await deriveThreadId(key, ada), /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('cannot be computed without the secret: another key, or a separate thread secret, gives other IDs', async () => {
    const withOtherKey = await deriveThreadId(await threadKey('api-key-2', undefined), ada);
    const withThreadSecret = await deriveThreadId(await threadKey('api-key-1', 'thread-secret'), ada);
    const rawApiKeyAsKey = await deriveThreadId(Buffer.from('api-key-1'), ada);
    assert.equal(new Set([await deriveThreadId(key, ada), withOtherKey, withThreadSecret, rawApiKeyAsKey]).size, 4);
  });

  it('stay the IDs sites already stored (pinned before the email-signing change)', async () => {
    const input = { chatbotId: '361628903185318481', memberId: 'member-ada', generation: 0 };
    const fromApiKey = await deriveThreadId(await threadKey('api-key-1', undefined), input);
    const fromThreadSecret = await deriveThreadId(await threadKey('api-key-1', 'thread-secret'), input);
    assert.equal(fromApiKey, '1e5930dd-c46c-8377-b43f-131d5319fdb7');
    assert.equal(fromThreadSecret, '5dcccb8b-4d01-880b-8245-3cde63ce20e8');
  });

  it('keep the same ID when the API key rotates, if a thread secret is set', async () => {
    const before = await deriveThreadId(await threadKey('old-key', 'thread-secret'), ada);
    assert.equal(await deriveThreadId(await threadKey('new-key', 'thread-secret'), ada), before);
  });
});

describe('email signature', () => {
  it('is refused for the thread-key label, so no signature can ever equal the thread key', async () => {
    // Both are HMACs under the API key: signing the label would hand out the thread key.
    assert.equal(await signEmail('api-key-1', 'sitegpt-member-chat/thread-id/v1'), undefined);
  });

  it('is given only for a well-formed email, the shape a login email has', async () => {
    for (const email of ['ada@example.com', 'a.b+chat@sub.example.co.uk', 'jürgen.ß@例え.jp']) {
      assert.match((await signEmail('api-key-1', email)) ?? 'none', /^[0-9a-f]{64}$/, email);
    }
    const notEmails = ['', 'ada', 'ada@', '@example.com', 'ada@example', 'a@b@example.com', 'ada @example.com',
      'ada@exa mple.com', 'ada@example.com\n', 'ada@example..com', 'ada@.example.com', `${'a'.repeat(250)}@x.com`];
    for (const text of notEmails) assert.equal(await signEmail('api-key-1', text), undefined, JSON.stringify(text));
  });

  it('is the hex HMAC-SHA256 of the email keyed with the API key, as SiteGPT verifies it', async () => {
    const expected = createHmac('sha256', 'api-key-1').update('Ada@Example.com').digest('hex');
    assert.equal(await signEmail('api-key-1', 'Ada@Example.com'), expected);
  });
});
