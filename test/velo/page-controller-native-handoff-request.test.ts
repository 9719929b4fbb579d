// Native mode's page code, *Talk to a person*: the element's sitegpt-request-human goes to
// requestHuman() once at a time and hands the pane off with the turn that says so, or says why
// not in `handoff-error`; nothing stale undoes a handoff or reaches the next member.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { HandoffState, Turn } from '../../contract/index.js';
import { connectMemberChat } from '../../velo/public/sitegpt-member-chat.js';
import { chatWithHistory, failed, flush, nativePage, turn, type NativeFakePage } from './support/fake-page.js';

const T_ADA = '11111111-1111-8111-8111-111111111111';
const T_ADA_2 = '22222222-2222-8222-8222-222222222222';
const T_BOB = '33333333-3333-8333-8333-333333333333';

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
before(() => process.on('unhandledRejection', onUnhandled));
after(() => {
  process.off('unhandledRejection', onUnhandled);
  assert.deepEqual(unhandled, [], 'a promise rejection went unhandled');
});

/** The system turn requestHuman answers with. */
const handedOverTurn = (threadId = T_ADA): Turn =>
  turn(threadId, 5, { id: 'handoff-turn-0001', kind: 'system', question: null, answer: 'A person from our team will reply here.' });

/** Ada signed in with two turns on screen; the history page carries `handoff` when given. */
async function ada(options: { realtime?: boolean; handoff?: HandoffState } = {}): Promise<NativeFakePage & { dispose(): void }> {
  const p = nativePage({ member: 'member-ada', realtime: options.realtime });
  const connection = connectMemberChat(p.element, p.deps);
  await connection.ready;
  await flush();
  const chat = chatWithHistory('member-ada', T_ADA, [turn(T_ADA, 1), turn(T_ADA, 2)]);
  if (options.handoff && chat.ok && 'history' in chat) Object.assign(chat.history!, { handoff: options.handoff });
  p.getMemberChat.call(0).resolve(chat);
  await flush();
  if (options.realtime !== false) {
    p.realtime.accept();
    await flush();
  }
  return { ...p, dispose: connection.dispose };
}

const handoff = (p: NativeFakePage) => p.element.effective().handoff;
const handoffError = (p: NativeFakePage) => p.element.effective()['handoff-error'];

/** Sends a question answered with `handoff` on the result. */
async function sendAnswered(p: NativeFakePage, n: number, handoff?: HandoffState): Promise<void> {
  const id = `message-${String(n).padStart(4, '0')}`;
  p.element.fire('sitegpt-send', { clientMessageId: id, text: `question ${n}` });
  p.sendChatMessage.call(-1).resolve({ ok: true, threadId: T_ADA, turn: turn(T_ADA, n, { id, sources: [] }), ...(handoff ? { handoff } : {}) });
  await flush();
}

describe('native page code: Talk to a person', () => {
  it('calls requestHuman() without an argument, once while it is on its way, then shows its turn and `active`', async () => {
    const p = await ada();
    await sendAnswered(p, 3, 'offer');
    p.element.fire('sitegpt-request-human', {});
    p.element.fire('sitegpt-request-human', {});
    assert.equal(p.requestHuman.count, 1);
    assert.deepEqual(p.requestHuman.args, [undefined]);
    const mark = p.element.calls.length;
    p.requestHuman.call(0).resolve({ ok: true, threadId: T_ADA, handoff: 'active', turn: handedOverTurn() });
    await flush();
    assert.deepEqual(p.element.paneIds().at(-1), 'handoff-turn-0001');
    assert.equal(handoff(p), 'active');
    assert.equal(handoffError(p), undefined);
    const names = p.element.since(mark).map(([name]) => name);
    assert.deepEqual(names, ['messages', 'handoff'], 'the turn, then the state that ends the element\'s busy state');
  });

  it('already handed off (no turn in the answer): `active` all the same', async () => {
    const p = await ada();
    p.element.fire('sitegpt-request-human', {});
    p.requestHuman.call(0).resolve({ ok: true, threadId: T_ADA, handoff: 'active' });
    await flush();
    assert.equal(handoff(p), 'active');
  });

  it('a failure sets handoff-error to its code, again for the same code on the next try; a success clears it', async () => {
    const p = await ada();
    p.element.fire('sitegpt-request-human', {});
    p.requestHuman.call(0).resolve(failed('UPSTREAM_UNAVAILABLE'));
    await flush();
    assert.equal(handoffError(p), 'UPSTREAM_UNAVAILABLE');
    assert.equal(handoff(p), undefined);
    p.element.fire('sitegpt-request-human', {});
    p.requestHuman.call(1).reject(new Error('Request failed with status code 504'));
    await flush();
    assert.deepEqual(p.element.values('handoff-error'), ['UPSTREAM_UNAVAILABLE', 'UPSTREAM_UNAVAILABLE'], 'set anew: the set is the element\'s answer');
    p.element.fire('sitegpt-request-human', {});
    p.requestHuman.call(2).resolve({ ok: true, threadId: T_ADA, handoff: 'active', turn: handedOverTurn() });
    await flush();
    assert.equal(handoffError(p), undefined);
    assert.equal(handoff(p), 'active');
    assert.ok(p.logs.some(([, detail]) => (detail as { what?: string }).what === 'request-human-failed'));
  });

  it('a malformed answer is a failure in words (INTERNAL), never a handoff', async () => {
    const p = await ada();
    p.element.fire('sitegpt-request-human', {});
    p.requestHuman.call(0).resolve({ ok: true, threadId: T_ADA, handoff: 'offer' });
    await flush();
    assert.equal(handoffError(p), 'INTERNAL');
    assert.equal(handoff(p), undefined);
  });

  it('without requestHuman wired, a press says the chat is not set up (MISCONFIGURED) and calls nothing', async () => {
    const p = nativePage({ member: 'member-ada' });
    delete p.deps.requestHuman;
    await connectMemberChat(p.element, p.deps).ready;
    await flush();
    p.getMemberChat.call(0).resolve(chatWithHistory('member-ada', T_ADA, [turn(T_ADA, 1)]));
    await flush();
    p.element.fire('sitegpt-request-human', {});
    assert.equal(handoffError(p), 'MISCONFIGURED');
  });

  it('a send answered with `offer` after the handoff, but asked before it, does not undo it', async () => {
    const p = await ada();
    p.element.fire('sitegpt-send', { clientMessageId: 'message-0003', text: 'slow question' });
    p.element.fire('sitegpt-request-human', {});
    p.requestHuman.call(0).resolve({ ok: true, threadId: T_ADA, handoff: 'active', turn: handedOverTurn() });
    await flush();
    p.sendChatMessage.call(0).resolve({ ok: true, threadId: T_ADA, turn: turn(T_ADA, 3, { id: 'message-0003' }), handoff: 'offer' });
    await flush();
    assert.equal(handoff(p), 'active');
    assert.ok(p.element.paneIds().includes('message-0003'), 'its turn still shows');
  });

  it('an answer for another thread follows the member\'s thread instead', async () => {
    const p = await ada();
    p.element.fire('sitegpt-request-human', {});
    p.requestHuman.call(0).resolve({ ok: true, threadId: T_ADA_2, handoff: 'active', turn: handedOverTurn(T_ADA_2) });
    await flush();
    assert.deepEqual(p.getMemberChat.args.at(-1), { history: true });
    assert.equal(handoff(p), undefined);
    assert.ok(!p.element.paneIds().includes('handoff-turn-0001'));
  });

  it('a member switch clears the state and the error at once; a late answer for the previous member is dropped', async () => {
    const p = await ada({ handoff: 'offer' });
    p.element.fire('sitegpt-request-human', {});
    p.auth.logIn('member-bob');
    await flush();
    assert.equal(p.element.attributes.get('handoff'), '', 'nothing of Ada\'s stays in the DOM, before Bob\'s chat arrives');
    p.getMemberChat.call(1).resolve(chatWithHistory('member-bob', T_BOB, [turn(T_BOB, 1)]));
    await flush();
    p.requestHuman.call(0).resolve({ ok: true, threadId: T_ADA, handoff: 'active', turn: handedOverTurn() });
    await flush();
    assert.equal(handoff(p), undefined);
    assert.equal(p.element.attributes.get('handoff'), '');
    assert.deepEqual(p.element.paneIds(), ['turn-0001']);
    p.element.fire('sitegpt-request-human', {});
    assert.equal(p.requestHuman.count, 2, 'Bob may ask: Ada\'s request on its way is not his');
  });
});
