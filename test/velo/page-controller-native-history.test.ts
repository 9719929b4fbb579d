// Native mode's page code: the member's history arrives with the chat (one web-method call), is
// set as `messages` after `thread`, pages further back on request, and nothing of a member
// survives a sign-out or a switch, not even in an attribute's value. What the member sees is read
// from the pane as the element would merge it (FakeElement.pane).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { connectMemberChat } from '../../velo/public/sitegpt-member-chat.js';
import { TURN_ID as CONTRACT_TURN_ID, WIRE_LIMITS } from '../../contract/index.js';
import { MESSAGES_MAX_BYTES } from '../../velo/public/native/messages-value.js';
import { PAGE_LIMITS, TURN_ID } from '../../velo/public/native/read-answers.js';
import { chatFor, chatWithHistory, failed, flush, nativePage, page, turn, type NativeFakePage } from './support/fake-page.js';

const T_ADA = '11111111-1111-8111-8111-111111111111';
const T_BOB = '33333333-3333-8333-8333-333333333333';

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
before(() => process.on('unhandledRejection', onUnhandled));
after(() => {
  process.off('unhandledRejection', onUnhandled);
  assert.deepEqual(unhandled, [], 'a promise rejection went unhandled');
});

async function connected(options: Parameters<typeof nativePage>[0] = {}): Promise<NativeFakePage & { dispose(): void }> {
  const page = nativePage(options);
  const connection = connectMemberChat(page.element, page.deps);
  assert.equal(await connection.ready, true);
  await flush();
  return { ...page, dispose: connection.dispose };
}

describe('native page code: sign-in shows the history', () => {
  it('mode="native" comes first; one getMemberChat({history: true}); member-id, thread, then messages', async () => {
    const p = await connected({ member: 'member-ada' });
    assert.deepEqual(p.element.calls[0], ['mode', 'native'], 'the element is native before it sees a member');
    assert.equal(p.getMemberChat.count, 1);
    assert.deepEqual(p.getMemberChat.args, [{ history: true }]);
    const turns = [turn(T_ADA, 1), turn(T_ADA, 2)];
    p.getMemberChat.call(0).resolve({ ...chatWithHistory('member-ada', T_ADA, turns, 'older-1'), email: 'ada@example.com', emailSignature: 'a'.repeat(64) } as never);
    await flush();
    const names = p.element.calls.map(([name]) => name);
    assert.ok(names.lastIndexOf('member-id') < names.indexOf('thread') && names.indexOf('thread') < names.lastIndexOf('messages'));
    assert.deepEqual(p.element.pane(), { threadId: T_ADA, turns, older: 'older-1' });
    assert.equal(p.getChatMessages.count, 0, 'sign-in to rendered history is one web-method call');
    assert.equal(p.element.effective().email, undefined, 'the pane needs no email: it is kept out of the DOM');
    assert.equal(p.element.effective()['email-signature'], undefined);
  });

  it('a turn that does not pass the contract is left out; the rest of the history shows', async () => {
    const p = await connected({ member: 'member-ada' });
    const good = turn(T_ADA, 1);
    const history = page(T_ADA, [good]);
    history.turns.push({ ...turn(T_ADA, 2), id: 'bad id with spaces' }, { ...turn(T_ADA, 3), status: 'weird' } as never, { ...turn(T_BOB, 4) });
    p.getMemberChat.call(0).resolve({ ok: true, memberId: 'member-ada', threadId: T_ADA, history });
    await flush();
    assert.deepEqual(p.element.paneIds(), [good.id]);
    assert.deepEqual(p.logs.find(([, d]) => (d as { what?: string }).what === 'dropped-turns'), ['sitegpt-native', { what: 'dropped-turns', count: 3 }]);
  });

  it('a malformed history opens an empty pane and catches up with getChatMessages({after: 0})', async () => {
    const p = await connected({ member: 'member-ada' });
    p.getMemberChat.call(0).resolve({ ok: true, memberId: 'member-ada', threadId: T_ADA, history: { turns: 'nope' } } as never);
    await flush();
    assert.deepEqual(p.element.pane(), { threadId: T_ADA, turns: [], older: null });
    assert.deepEqual(p.getChatMessages.args, [{ after: 0 }]);
    p.getChatMessages.call(0).resolve({ ok: true, ...page(T_ADA, [turn(T_ADA, 1)]) });
    await flush();
    assert.deepEqual(p.element.paneIds(), ['turn-0001']);
  });

  it('an error answer shows the error view, as in widget mode', async () => {
    const p = await connected({ member: 'member-ada' });
    p.getMemberChat.call(0).resolve(failed('UPSTREAM_UNAVAILABLE') as never);
    await flush();
    assert.equal(p.element.effective().error, 'UPSTREAM_UNAVAILABLE');
    assert.equal(p.element.effective().messages, undefined);
  });

  it('a history too big for one value is set as several pages of the same thread, all shown', async () => {
    const p = await connected({ member: 'member-ada' });
    // 40 answers of 16,000 three-byte characters: about 1.9 MB as UTF-8, over the 512 KiB cap.
    const turns = Array.from({ length: 40 }, (_, i) => turn(T_ADA, i, { answer: '€'.repeat(16_000) }));
    p.getMemberChat.call(0).resolve(chatWithHistory('member-ada', T_ADA, turns));
    await flush();
    const values = p.element.values('messages').filter(Boolean);
    assert.ok(values.length >= 4, `${values.length} values`);
    for (const value of values) assert.ok(Buffer.byteLength(value) <= MESSAGES_MAX_BYTES, `a value of ${Buffer.byteLength(value)} bytes`);
    assert.equal(p.element.pane().turns.length, 40);
  });
});

describe('native page code: its copy of the contract', () => {
  it('checks turns by the contract\'s own ID rule and limits (copied, since the contract brings zod)', () => {
    assert.equal(TURN_ID.source, CONTRACT_TURN_ID.source);
    const { threadChars, ...wire } = PAGE_LIMITS;
    assert.equal(threadChars, 128);
    assert.deepEqual(wire, { ...WIRE_LIMITS });
  });

  it('a turn one character over a limit is left out, like the element would refuse it', async () => {
    const p = await connected({ member: 'member-ada' });
    const long = turn(T_ADA, 2, { question: 'x'.repeat(WIRE_LIMITS.questionChars + 1) });
    p.getMemberChat.call(0).resolve({ ok: true, memberId: 'member-ada', threadId: T_ADA, history: page(T_ADA, [turn(T_ADA, 1), long]) });
    await flush();
    assert.deepEqual(p.element.paneIds(), ['turn-0001']);
  });
});

describe('native page code: older pages', () => {
  it('sitegpt-load-older asks getChatMessages({before}) and merges the older turns above', async () => {
    const p = await connected({ member: 'member-ada' });
    p.getMemberChat.call(0).resolve(chatWithHistory('member-ada', T_ADA, [turn(T_ADA, 5), turn(T_ADA, 6)], 'cur-5'));
    await flush();
    p.element.fire('sitegpt-load-older', { before: 'cur-5' });
    p.element.fire('sitegpt-load-older', { before: 'cur-5' }); // a second scroll while the first is on its way
    assert.deepEqual(p.getChatMessages.args, [{ before: 'cur-5' }], 'one call');
    p.getChatMessages.call(0).resolve({ ok: true, ...page(T_ADA, [turn(T_ADA, 3), turn(T_ADA, 4)], 'cur-3') });
    await flush();
    assert.deepEqual(p.element.pane().older, 'cur-3');
    assert.deepEqual(p.element.paneIds(), ['turn-0003', 'turn-0004', 'turn-0005', 'turn-0006']);
    // The last page says there is nothing older.
    p.element.fire('sitegpt-load-older', { before: 'cur-3' });
    p.getChatMessages.call(1).resolve({ ok: true, ...page(T_ADA, [turn(T_ADA, 1)], null) });
    await flush();
    assert.equal(p.element.pane().older, null);
    assert.equal(p.element.pane().turns.length, 5);
  });

  it('a failed load keeps the cursor, so the element can offer it again', async () => {
    const p = await connected({ member: 'member-ada' });
    p.getMemberChat.call(0).resolve(chatWithHistory('member-ada', T_ADA, [turn(T_ADA, 5)], 'cur-5'));
    await flush();
    const mark = p.element.calls.length;
    p.element.fire('sitegpt-load-older', { before: 'cur-5' });
    p.getChatMessages.call(0).resolve(failed('UPSTREAM_UNAVAILABLE'));
    await flush();
    assert.equal(p.element.since(mark).filter(([n]) => n === 'messages').length, 1);
    assert.deepEqual(p.element.pane(), { threadId: T_ADA, turns: [turn(T_ADA, 5)], older: 'cur-5' });
    p.element.fire('sitegpt-load-older', { before: 'cur-5' });
    assert.equal(p.getChatMessages.count, 2, 'asked again');
  });

  it('a later update never resets the load-older cursor', async () => {
    const p = await connected({ member: 'member-ada' });
    p.getMemberChat.call(0).resolve(chatWithHistory('member-ada', T_ADA, [turn(T_ADA, 5)], 'cur-5'));
    await flush();
    p.realtime.accept();
    await flush();
    p.realtime.publish('member-ada', { v: 1, kind: 'turns', rev: 1 });
    p.getChatMessages.call(0).resolve({ ok: true, ...page(T_ADA, [turn(T_ADA, 6)], null) });
    await flush();
    assert.equal(p.element.pane().older, 'cur-5');
  });

  for (const detail of [undefined, {}, { before: '' }, { before: 'x'.repeat(201) }, { before: 7 }]) {
    it(`a malformed sitegpt-load-older (${JSON.stringify(detail)}) asks nothing`, async () => {
      const p = await connected({ member: 'member-ada' });
      p.getMemberChat.call(0).resolve(chatWithHistory('member-ada', T_ADA, [turn(T_ADA, 5)], 'cur-5'));
      await flush();
      p.element.fire('sitegpt-load-older', detail);
      assert.equal(p.getChatMessages.count, 0);
    });
  }
});

describe('native page code: members', () => {
  it('sign-out clears messages and send-error from the DOM, right after member-id ""', async () => {
    const p = await connected({ member: 'member-ada' });
    p.getMemberChat.call(0).resolve(chatWithHistory('member-ada', T_ADA, [turn(T_ADA, 1)]));
    await flush();
    const mark = p.element.calls.length;
    p.auth.logOut();
    assert.deepEqual(p.element.since(mark).slice(0, 3), [
      ['member-id', ''],
      ['messages', ''],
      ['send-error', ''],
    ]);
    assert.equal(p.element.attributes.get('messages'), '');
    assert.deepEqual(p.element.pane().turns, []);
  });

  it('a switch to another member without a logout: Ada\'s turns leave the DOM before Bob\'s chat arrives', async () => {
    const p = await connected({ member: 'member-ada' });
    p.getMemberChat.call(0).resolve(chatWithHistory('member-ada', T_ADA, [turn(T_ADA, 1, { question: 'Ada asks' })]));
    await flush();
    p.auth.logIn('member-bob');
    await flush();
    assert.equal(p.element.attributes.get('member-id'), 'member-bob');
    assert.ok(![...p.element.attributes.values()].some((v) => v.includes('Ada asks')), 'no turn of Ada in any attribute');
    assert.equal(p.element.attributes.get('messages'), '');
    p.getMemberChat.call(1).resolve(chatWithHistory('member-bob', T_BOB, [turn(T_BOB, 9)]));
    await flush();
    assert.deepEqual(p.element.pane(), { threadId: T_BOB, turns: [turn(T_BOB, 9)], older: null });
  });

  it('Ada\'s late answers (history, older page, send) after Bob signed in set nothing', async () => {
    const p = await connected({ member: 'member-ada' });
    p.getMemberChat.call(0).resolve(chatWithHistory('member-ada', T_ADA, [turn(T_ADA, 5)], 'cur-5'));
    await flush();
    p.element.fire('sitegpt-load-older', { before: 'cur-5' });
    p.element.fire('sitegpt-send', { clientMessageId: 'ada-msg-0001', text: 'hi' });
    p.auth.logOut();
    p.auth.logIn('member-bob');
    await flush();
    p.getMemberChat.call(1).resolve(chatWithHistory('member-bob', T_BOB));
    await flush();
    const mark = p.element.calls.length;
    p.getChatMessages.call(0).resolve({ ok: true, ...page(T_ADA, [turn(T_ADA, 4)], null) });
    p.sendChatMessage.call(0).resolve({ ok: true, threadId: T_ADA, turn: turn(T_ADA, 6) });
    await flush();
    assert.deepEqual(p.element.since(mark), []);
    assert.deepEqual(p.element.pane(), { threadId: T_BOB, turns: [], older: null });
  });

  it('a visitor gets mode, member-id "" and no web-method call', async () => {
    const p = await connected();
    assert.deepEqual(p.element.calls.slice(0, 2), [
      ['mode', 'native'],
      ['member-id', ''],
    ]);
    assert.equal(p.getMemberChat.count + p.getChatMessages.count, 0);
  });

  it('new conversation shows the new thread with an empty pane (or the history it came with)', async () => {
    const p = await connected({ member: 'member-ada' });
    p.getMemberChat.call(0).resolve(chatWithHistory('member-ada', T_ADA, [turn(T_ADA, 1)]));
    await flush();
    p.element.fire('sitegpt-new-conversation', { threadId: T_ADA });
    p.startNewConversation.call(0).resolve(chatFor('member-ada', T_BOB));
    await flush();
    assert.deepEqual(p.element.pane(), { threadId: T_BOB, turns: [], older: null });
  });

  it('mode "native" without its web methods is a wiring mistake, said at once', () => {
    const p = nativePage({ member: 'member-ada' });
    assert.throws(() => connectMemberChat(p.element, { ...p.deps, rateAnswer: undefined }), /needs sendChatMessage, getChatMessages and rateAnswer/);
  });
});
