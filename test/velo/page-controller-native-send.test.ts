// Native mode's page code: a send goes to sendChatMessage with the element's clientMessageId, its
// turn replaces the optimistic one, a failure becomes `send-error`, a send that landed on another
// thread makes the pane follow it, and reactions go to rateAnswer.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { connectMemberChat } from '../../velo/public/sitegpt-member-chat.js';
import { chatWithHistory, failed, flush, nativePage, turn, type NativeFakePage } from './support/fake-page.js';

const T_ADA = '11111111-1111-8111-8111-111111111111';
const T_ADA_2 = '22222222-2222-8222-8222-222222222222';

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
before(() => process.on('unhandledRejection', onUnhandled));
after(() => {
  process.off('unhandledRejection', onUnhandled);
  assert.deepEqual(unhandled, [], 'a promise rejection went unhandled');
});

/** Ada signed in with two turns on screen. */
async function adaChatting(): Promise<NativeFakePage & { dispose(): void }> {
  const page = nativePage({ member: 'member-ada' });
  const connection = connectMemberChat(page.element, page.deps);
  await connection.ready;
  await flush();
  page.getMemberChat.call(0).resolve(chatWithHistory('member-ada', T_ADA, [turn(T_ADA, 1), turn(T_ADA, 2)], 'cur-1'));
  await flush();
  return { ...page, dispose: connection.dispose };
}

const ID = 'f1d2c3b4-0000-4000-8000-00000000000a';

describe('native page code: sending', () => {
  it('sends {clientMessageId, text} and shows the answered turn with that ID', async () => {
    const p = await adaChatting();
    p.element.fire('sitegpt-send', { clientMessageId: ID, text: 'How do I reset my password?' });
    assert.deepEqual(p.sendChatMessage.args, [{ clientMessageId: ID, text: 'How do I reset my password?' }]);
    const answered = turn(T_ADA, 3, { id: ID, question: 'How do I reset my password?', answer: 'Use *Forgot password*.', sources: ['https://example.com/help'] });
    p.sendChatMessage.call(0).resolve({ ok: true, threadId: T_ADA, turn: answered });
    await flush();
    assert.deepEqual(p.element.paneIds(), ['turn-0001', 'turn-0002', ID]);
    assert.deepEqual(p.element.pane().turns.at(-1), answered);
    assert.equal(p.element.pane().older, 'cur-1', 'the one-turn update keeps the load-older cursor');
    assert.equal(p.getMemberChat.count, 1);
  });

  it('a failed send sets send-error {id, code}; a rate limit carries retryAfterMs', async () => {
    const p = await adaChatting();
    p.element.fire('sitegpt-send', { clientMessageId: ID, text: 'one' });
    p.sendChatMessage.call(0).resolve(failed('UPSTREAM_UNAVAILABLE'));
    await flush();
    assert.deepEqual(JSON.parse(p.element.effective()['send-error']!), { id: ID, code: 'UPSTREAM_UNAVAILABLE' });
    p.element.fire('sitegpt-send', { clientMessageId: 'second-message-id', text: 'two' });
    p.sendChatMessage.call(1).resolve(failed('RATE_LIMITED', 12_000));
    await flush();
    assert.deepEqual(JSON.parse(p.element.effective()['send-error']!), { id: 'second-message-id', code: 'RATE_LIMITED', retryAfterMs: 12_000 });
  });

  it('a rejected call (Wix\'s 504) and a malformed answer are send errors too', async () => {
    const p = await adaChatting();
    p.element.fire('sitegpt-send', { clientMessageId: ID, text: 'one' });
    p.sendChatMessage.call(0).reject(new Error('Request failed with status code 504'));
    await flush();
    assert.deepEqual(JSON.parse(p.element.effective()['send-error']!), { id: ID, code: 'UPSTREAM_UNAVAILABLE' });
    p.element.fire('sitegpt-send', { clientMessageId: ID, text: 'one' });
    p.sendChatMessage.call(1).resolve({ ok: true, threadId: T_ADA, turn: { id: ID } });
    await flush();
    assert.deepEqual(JSON.parse(p.element.effective()['send-error']!), { id: ID, code: 'INTERNAL' });
  });

  it('retry sends the same clientMessageId again, once the first try has answered; a press meanwhile sends nothing', async () => {
    const p = await adaChatting();
    p.element.fire('sitegpt-send', { clientMessageId: ID, text: 'one' });
    p.element.fire('sitegpt-send', { clientMessageId: ID, text: 'one' });
    assert.equal(p.sendChatMessage.count, 1);
    p.sendChatMessage.call(0).resolve(failed('UPSTREAM_UNAVAILABLE'));
    await flush();
    p.element.fire('sitegpt-send', { clientMessageId: ID, text: 'one' });
    assert.deepEqual(p.sendChatMessage.args[1], { clientMessageId: ID, text: 'one' });
    p.sendChatMessage.call(1).resolve({ ok: true, threadId: T_ADA, turn: turn(T_ADA, 3, { id: ID }) });
    await flush();
    assert.deepEqual(p.element.paneIds().at(-1), ID);
  });

  it('two messages on their way at once each land', async () => {
    const p = await adaChatting();
    p.element.fire('sitegpt-send', { clientMessageId: 'message-aaaa', text: 'a' });
    p.element.fire('sitegpt-send', { clientMessageId: 'message-bbbb', text: 'b' });
    p.sendChatMessage.call(1).resolve({ ok: true, threadId: T_ADA, turn: turn(T_ADA, 4, { id: 'message-bbbb' }) });
    p.sendChatMessage.call(0).resolve({ ok: true, threadId: T_ADA, turn: turn(T_ADA, 3, { id: 'message-aaaa' }) });
    await flush();
    assert.deepEqual(p.element.paneIds().slice(-2), ['message-aaaa', 'message-bbbb']);
  });

  it('a send that landed on another thread (changed on another device) follows the member\'s thread', async () => {
    const p = await adaChatting();
    p.element.fire('sitegpt-send', { clientMessageId: ID, text: 'hello' });
    p.sendChatMessage.call(0).resolve({ ok: true, threadId: T_ADA_2, turn: turn(T_ADA_2, 1, { id: ID }) });
    await flush();
    assert.deepEqual(p.getMemberChat.args.at(-1), { history: true });
    p.getMemberChat.call(1).resolve(chatWithHistory('member-ada', T_ADA_2, [turn(T_ADA_2, 1, { id: ID })]));
    await flush();
    assert.deepEqual(p.element.pane(), { threadId: T_ADA_2, turns: [turn(T_ADA_2, 1, { id: ID })], older: null });
    assert.equal(p.element.effective().error, undefined);
  });

  it('following a thread that fails to load keeps the conversation on screen (no error view)', async () => {
    const p = await adaChatting();
    p.element.fire('sitegpt-send', { clientMessageId: ID, text: 'hello' });
    p.sendChatMessage.call(0).resolve({ ok: true, threadId: T_ADA_2, turn: turn(T_ADA_2, 1, { id: ID }) });
    await flush();
    p.getMemberChat.call(1).resolve(failed('UPSTREAM_UNAVAILABLE') as never);
    await flush();
    assert.equal(p.element.effective().error, undefined);
    assert.equal(p.element.pane().threadId, T_ADA);
  });

  for (const detail of [undefined, { text: 'x' }, { clientMessageId: 'short', text: 'x' }, { clientMessageId: ID }, { clientMessageId: ID, text: 5 }]) {
    it(`a malformed sitegpt-send (${JSON.stringify(detail)}) calls nothing`, async () => {
      const p = await adaChatting();
      p.element.fire('sitegpt-send', detail);
      assert.equal(p.sendChatMessage.count, 0);
    });
  }

  it('a send while signed out (no chat shown) calls nothing', async () => {
    const p = nativePage();
    await connectMemberChat(p.element, p.deps).ready;
    await flush();
    p.element.fire('sitegpt-send', { clientMessageId: ID, text: 'hi' });
    assert.equal(p.sendChatMessage.count, 0);
  });

  it('log lines about a send never carry its text', async () => {
    const p = await adaChatting();
    p.element.fire('sitegpt-send', { clientMessageId: 'x', text: 'my secret question' });
    p.element.fire('sitegpt-send', { clientMessageId: ID, text: 'my secret question' });
    p.sendChatMessage.call(0).resolve({ ok: true, threadId: T_ADA, turn: { bad: 'my secret question' } });
    await flush();
    assert.ok(p.logs.length > 0);
    assert.ok(!JSON.stringify(p.logs).includes('secret'));
  });
});

describe('native page code: reactions', () => {
  it('sitegpt-react → rateAnswer({messageId, reaction}) → the turn with the reaction', async () => {
    const p = await adaChatting();
    p.element.fire('sitegpt-react', { messageId: 'turn-0002', reaction: 'POSITIVE' });
    assert.deepEqual(p.rateAnswer.args, [{ messageId: 'turn-0002', reaction: 'POSITIVE' }]);
    const rated = turn(T_ADA, 2, { reaction: 'POSITIVE', rev: turn(T_ADA, 2).rev + 10 });
    p.rateAnswer.call(0).resolve({ ok: true, turn: rated });
    await flush();
    assert.equal(p.element.pane().turns[1]!.reaction, 'POSITIVE');
    p.element.fire('sitegpt-react', { messageId: 'turn-0002', reaction: 'NEUTRAL' });
    p.rateAnswer.call(1).resolve({ ok: true, turn: { ...rated, reaction: null, rev: rated.rev + 10 } });
    await flush();
    assert.equal(p.element.pane().turns[1]!.reaction, null);
  });

  it('a failed rating changes nothing on screen', async () => {
    const p = await adaChatting();
    const mark = p.element.calls.length;
    p.element.fire('sitegpt-react', { messageId: 'turn-0002', reaction: 'NEGATIVE' });
    p.rateAnswer.call(0).resolve(failed('NOT_FOUND'));
    await flush();
    assert.deepEqual(p.element.since(mark), []);
  });

  it('a malformed sitegpt-react calls nothing', async () => {
    const p = await adaChatting();
    for (const detail of [{ messageId: 'turn-0002', reaction: 'LOVE' }, { messageId: '<b>', reaction: 'POSITIVE' }, null]) p.element.fire('sitegpt-react', detail);
    assert.equal(p.rateAnswer.count, 0);
  });
});
