// Native mode's page code and the handoff's state: the pane's `handoff` follows every send result
// and page (the backend decides it with each), a fresh history clears it, and without realtime a
// handed-off pane polls every 15 s while visible. *Talk to a person*: ...-handoff-request.test.ts.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { HandoffState } from '../../contract/index.js';
import { connectMemberChat } from '../../velo/public/sitegpt-member-chat.js';
import { chatWithHistory, flush, nativePage, page, turn, type NativeFakePage } from './support/fake-page.js';

const T_ADA = '11111111-1111-8111-8111-111111111111';
const T_ADA_2 = '22222222-2222-8222-8222-222222222222';

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
before(() => process.on('unhandledRejection', onUnhandled));
after(() => {
  process.off('unhandledRejection', onUnhandled);
  assert.deepEqual(unhandled, [], 'a promise rejection went unhandled');
});

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

/** Sends `text` and answers it with `handoff` on the result. */
async function sendAnswered(p: NativeFakePage, n: number, handoff?: HandoffState): Promise<void> {
  const id = `message-${String(n).padStart(4, '0')}`;
  p.element.fire('sitegpt-send', { clientMessageId: id, text: `question ${n}` });
  p.sendChatMessage.call(-1).resolve({ ok: true, threadId: T_ADA, turn: turn(T_ADA, n, { id, sources: [] }), ...(handoff ? { handoff } : {}) });
  await flush();
}

const handoff = (p: NativeFakePage) => p.element.effective().handoff;

describe('native page code: the handoff state', () => {
  it('a history page carrying `active` sets it after the member\'s messages; one without sets nothing', async () => {
    const p = await ada({ handoff: 'active' });
    const names = p.element.calls.map(([name]) => name);
    assert.equal(handoff(p), 'active');
    assert.ok(names.lastIndexOf('handoff') > names.indexOf('messages'), 'after the history');
    const q = await ada();
    assert.deepEqual(q.element.values('handoff'), [], 'nothing to clear, nothing set');
  });

  it('follows every send result: offer after poor answers, cleared by a good one, active when it says so', async () => {
    const p = await ada();
    await sendAnswered(p, 3);
    assert.equal(handoff(p), undefined);
    await sendAnswered(p, 4, 'offer');
    assert.equal(handoff(p), 'offer');
    await sendAnswered(p, 5);
    assert.equal(handoff(p), undefined, 'a good answer ends the offer');
    assert.deepEqual(p.element.values('handoff'), ['offer', '']);
    await sendAnswered(p, 6, 'active');
    assert.equal(handoff(p), 'active');
  });

  it('a page of changes sets its state (handed off on another device), and none once the episode is over', async () => {
    const p = await ada();
    p.realtime.publish('member-ada', { v: 1, kind: 'turns', rev: 1 });
    p.getChatMessages.call(0).resolve({ ok: true, ...page(T_ADA, [turn(T_ADA, 3)]), handoff: 'active' });
    await flush();
    assert.equal(handoff(p), 'active');
    p.realtime.publish('member-ada', { v: 1, kind: 'turns', rev: 2 });
    p.getChatMessages.call(1).resolve({ ok: true, ...page(T_ADA, [turn(T_ADA, 4)]) });
    await flush();
    assert.equal(handoff(p), undefined);
  });

  it('a page of older turns carries the state too', async () => {
    const p = await ada();
    p.element.fire('sitegpt-load-older', { before: 'cur-older' });
    p.getChatMessages.call(0).resolve({ ok: true, ...page(T_ADA, [turn(T_ADA, 0)]), handoff: 'offer' });
    await flush();
    assert.equal(handoff(p), 'offer');
  });

  it('a fresh history page without a state clears it: a new conversation starts with none', async () => {
    const p = await ada({ handoff: 'active' });
    p.element.fire('sitegpt-new-conversation', { threadId: T_ADA });
    p.startNewConversation.call(0).resolve(chatWithHistory('member-ada', T_ADA_2));
    await flush();
    assert.equal(p.element.effective().thread, T_ADA_2);
    assert.equal(handoff(p), undefined);
    assert.deepEqual(p.element.values('handoff'), ['active', '']);
  });

  it('a new conversation answered without history clears it too', async () => {
    const p = await ada({ handoff: 'offer' });
    p.element.fire('sitegpt-new-conversation', { threadId: T_ADA });
    p.startNewConversation.call(0).resolve({ ok: true, memberId: 'member-ada', threadId: T_ADA_2 });
    await flush();
    assert.equal(p.element.effective().thread, T_ADA_2);
    assert.equal(handoff(p), undefined);
  });

  it('an unknown state in an answer is left out, never passed to the element', async () => {
    const p = await ada();
    p.element.fire('sitegpt-send', { clientMessageId: 'message-0003', text: 'hi' });
    p.sendChatMessage.call(0).resolve({ ok: true, threadId: T_ADA, turn: turn(T_ADA, 3, { id: 'message-0003' }), handoff: '<b>active</b>' });
    await flush();
    assert.deepEqual(p.element.values('handoff'), []);
    assert.deepEqual(p.element.paneIds().at(-1), 'message-0003');
  });
});

describe('native page code: waiting for a person without realtime', () => {
  /** When getChatMessages was called over `ms`, each poll answered with nothing new (and the state `handoff`). */
  async function pollTimes(p: NativeFakePage, ms: number, handoff?: HandoffState): Promise<number[]> {
    const times: number[] = [];
    for (let t = 0; t < ms; t += 1_000) {
      const count = p.getChatMessages.count;
      p.scheduler.advance(1_000);
      await flush();
      for (const call of p.getChatMessages.calls) call.resolve({ ok: true, ...page(T_ADA, []), ...(handoff ? { handoff } : {}) });
      await flush();
      if (p.getChatMessages.count > count) times.push(p.scheduler.now);
    }
    return times;
  }

  it('polls every 15 s while handed off and visible, never while hidden, every 30 s again once it ends', async () => {
    const p = await ada({ realtime: false, handoff: 'active' });
    assert.deepEqual(await pollTimes(p, 60_000, 'active'), [15_000, 30_000, 45_000, 60_000]);
    p.element.fire('sitegpt-visibility', { visible: false });
    assert.deepEqual(await pollTimes(p, 60_000, 'active'), []);
    p.element.fire('sitegpt-visibility', { visible: true }); // a catch-up, then faster for a while
    await pollTimes(p, 60_000, 'active');
    await sendAnswered(p, 6); // the episode ended: the send's result carries no state
    const start = p.scheduler.now;
    const later = (await pollTimes(p, 150_000)).map((t) => t - start).filter((t) => t > 60_000);
    assert.deepEqual(later, [75_000, 105_000, 135_000]);
  });

  it('a poll that brings `active` times the next poll 15 s on, not 30', async () => {
    const p = await ada({ realtime: false });
    p.scheduler.advance(30_000);
    await flush();
    p.getChatMessages.call(0).resolve({ ok: true, ...page(T_ADA, []), handoff: 'active' });
    await flush();
    assert.equal(handoff(p), 'active');
    assert.deepEqual(await pollTimes(p, 40_000, 'active'), [45_000, 60_000]);
  });

  it('with realtime, a handed-off pane makes no call while it waits', async () => {
    const p = await ada({ handoff: 'active' });
    const before = p.getChatMessages.count;
    p.scheduler.advance(10 * 60_000);
    await flush();
    assert.equal(p.getChatMessages.count, before);
  });
});
