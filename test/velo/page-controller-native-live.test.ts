// Native mode's page code, live on every device: the member's realtime notices (or, without
// realtime, adaptive polling on timers the test advances: no real waiting) bring the turns that
// changed elsewhere and the member's new thread; subscriptions follow the member.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { REALTIME_CHANNEL } from '../../contract/index.js';
import { connectMemberChat } from '../../velo/public/sitegpt-member-chat.js';
import { chatWithHistory, failed, flush, nativePage, page, turn, type NativeFakePage } from './support/fake-page.js';

const T_ADA = '11111111-1111-8111-8111-111111111111';
const T_ADA_2 = '22222222-2222-8222-8222-222222222222';
const T_BOB = '33333333-3333-8333-8333-333333333333';
const MINUTE = 60_000;

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
before(() => process.on('unhandledRejection', onUnhandled));
after(() => {
  process.off('unhandledRejection', onUnhandled);
  assert.deepEqual(unhandled, [], 'a promise rejection went unhandled');
});

/** Ada signed in with one turn on screen; realtime accepted unless `realtime: false`. */
async function ada(options: { realtime?: boolean } = {}): Promise<NativeFakePage & { dispose(): void }> {
  const p = nativePage({ member: 'member-ada', ...options });
  const connection = connectMemberChat(p.element, p.deps);
  await connection.ready;
  await flush();
  p.getMemberChat.call(0).resolve(chatWithHistory('member-ada', T_ADA, [turn(T_ADA, 1)], 'cur-1'));
  await flush();
  if (options.realtime !== false) {
    p.realtime.accept();
    await flush();
  }
  return { ...p, dispose: connection.dispose };
}

/** Advances the fake clock in steps, letting answers settle between timers; `answer` answers each poll with "nothing new". */
async function advance(p: NativeFakePage, ms: number, step = 1_000, answer = false): Promise<void> {
  for (let t = 0; t < ms; t += step) {
    p.scheduler.advance(Math.min(step, ms - t));
    await flush();
    if (answer) answerPolls(p);
    await flush();
  }
}

function answerPolls(p: NativeFakePage): void {
  for (const call of p.getChatMessages.calls) call.resolve({ ok: true, ...page(T_ADA, [], null) });
}

describe('native page code: realtime notices', () => {
  it('subscribes to the member\'s resource on the contract\'s channel once the chat is shown', async () => {
    const p = await ada();
    assert.deepEqual(p.realtime.subscriptions.map((s) => s.channel), [{ name: REALTIME_CHANNEL, resourceId: 'member-ada' }]);
  });

  it('a turns notice fetches what changed since the cursor and merges it into the pane', async () => {
    const p = await ada();
    const cursor = turn(T_ADA, 1).rev;
    p.realtime.publish('member-ada', { v: 1, kind: 'turns', rev: cursor + 5 });
    assert.deepEqual(p.getChatMessages.args, [{ after: cursor }]);
    const fromLaptop = turn(T_ADA, 2, { question: 'sent on the laptop' });
    p.getChatMessages.call(0).resolve({ ok: true, ...page(T_ADA, [turn(T_ADA, 1), fromLaptop], null) });
    await flush();
    assert.deepEqual(p.element.paneIds(), ['turn-0001', 'turn-0002']);
    p.realtime.publish('member-ada', { v: 1, kind: 'turns', rev: fromLaptop.rev + 1 });
    assert.deepEqual(p.getChatMessages.args[1], { after: fromLaptop.rev }, 'the cursor moved on');
  });

  it('notices arriving during a fetch make one more fetch, not one each', async () => {
    const p = await ada();
    for (let i = 0; i < 5; i++) p.realtime.publish('member-ada', { v: 1, kind: 'turns', rev: i });
    assert.equal(p.getChatMessages.count, 1);
    p.getChatMessages.call(0).resolve({ ok: true, ...page(T_ADA, [turn(T_ADA, 2)], null) });
    await flush();
    assert.equal(p.getChatMessages.count, 2);
    p.getChatMessages.call(1).resolve({ ok: true, ...page(T_ADA, [], null) });
    await flush();
    assert.equal(p.getChatMessages.count, 2);
  });

  it('a thread notice (new conversation on another device) follows the member\'s new thread at once', async () => {
    const p = await ada();
    p.realtime.publish('member-ada', { v: 1, kind: 'thread', rev: 1 });
    assert.deepEqual(p.getMemberChat.args.at(-1), { history: true });
    p.getMemberChat.call(1).resolve(chatWithHistory('member-ada', T_ADA_2));
    await flush();
    assert.deepEqual(p.element.pane(), { threadId: T_ADA_2, turns: [], older: null });
    assert.equal(p.realtime.subscriptions.length, 1, 'same member, same subscription');
  });

  it('a turns fetch that answers another thread follows it; a late answer of the old thread is dropped', async () => {
    const p = await ada();
    p.realtime.publish('member-ada', { v: 1, kind: 'turns', rev: 1 });
    p.getChatMessages.call(0).resolve({ ok: true, ...page(T_ADA_2, [turn(T_ADA_2, 1)], null) });
    await flush();
    assert.equal(p.getMemberChat.count, 2);
    p.getMemberChat.call(1).resolve(chatWithHistory('member-ada', T_ADA_2, [turn(T_ADA_2, 1)]));
    await flush();
    assert.equal(p.element.pane().threadId, T_ADA_2);
    p.element.fire('sitegpt-react', { messageId: 'turn-0001', reaction: 'POSITIVE' });
    p.rateAnswer.call(0).resolve({ ok: true, turn: turn(T_ADA, 1, { reaction: 'POSITIVE', rev: 1e13 }) });
    await flush();
    assert.deepEqual(p.element.pane().turns, [turn(T_ADA_2, 1)], 'a turn of the old thread never lands in the new one');
  });

  it('a member switch ends Ada\'s subscription and subscribes for Bob; Ada\'s notices then do nothing', async () => {
    const p = await ada();
    p.auth.logIn('member-bob');
    await flush();
    assert.deepEqual(p.realtime.live(), [], 'Ada\'s subscription ended at the switch');
    p.getMemberChat.call(1).resolve(chatWithHistory('member-bob', T_BOB));
    await flush();
    assert.deepEqual(p.realtime.subscriptions.at(-1)!.channel, { name: REALTIME_CHANNEL, resourceId: 'member-bob' });
    p.realtime.accept();
    await flush();
    assert.deepEqual(p.realtime.live(), ['member-bob']);
    p.realtime.subscriptions[0]!.onNotice({ v: 1, kind: 'turns', rev: 1 }); // a late one from Ada's
    assert.equal(p.getChatMessages.count, 0);
  });

  it('logout and dispose end the subscription; one accepted only after the logout is ended at once', async () => {
    const p = await ada();
    p.auth.logOut();
    assert.deepEqual(p.realtime.live(), []);

    const q = nativePage({ member: 'member-ada' });
    const connection = connectMemberChat(q.element, q.deps);
    await connection.ready;
    await flush();
    q.getMemberChat.call(0).resolve(chatWithHistory('member-ada', T_ADA));
    await flush();
    q.auth.logOut();
    q.realtime.accept(); // Wix answers the subscription after the member left
    await flush();
    assert.deepEqual(q.realtime.live(), []);

    const r = await ada();
    r.dispose();
    assert.deepEqual(r.realtime.live(), []);
  });

  it('an idle pane with realtime makes no call at all, however long it stays open', async () => {
    const p = await ada();
    const calls = () => p.getChatMessages.count + p.getMemberChat.count;
    const before = calls();
    await advance(p, 10 * MINUTE, 5_000);
    assert.equal(calls(), before);
    assert.equal(p.scheduler.pending, 0, 'no timer is even waiting');
  });
});

describe('native page code: polling without realtime', () => {
  it('polls every 30 s while the pane is visible', async () => {
    const p = await ada({ realtime: false });
    await advance(p, 29_000);
    assert.equal(p.getChatMessages.count, 0);
    await advance(p, 1_000);
    assert.deepEqual(p.getChatMessages.args, [{ after: turn(T_ADA, 1).rev }]);
    answerPolls(p);
    await advance(p, 2 * MINUTE, 1_000, true);
    assert.equal(p.getChatMessages.count, 5);
  });

  it('never polls while the pane is hidden; coming back catches up at once', async () => {
    const p = await ada({ realtime: false });
    p.element.fire('sitegpt-visibility', { visible: false });
    await advance(p, 10 * MINUTE, 10_000);
    assert.equal(p.getChatMessages.count, 0);
    assert.equal(p.scheduler.pending, 0);
    p.element.fire('sitegpt-visibility', { visible: true });
    assert.equal(p.getChatMessages.count, 1, 'a catch-up on return');
  });

  it('polls faster for about a minute after a send, then every 30 s again', async () => {
    const p = await ada({ realtime: false });
    p.element.fire('sitegpt-send', { clientMessageId: 'message-aaaa', text: 'a' });
    p.sendChatMessage.call(0).resolve({ ok: true, threadId: T_ADA, turn: turn(T_ADA, 2, { id: 'message-aaaa' }) });
    const times: number[] = [];
    for (let t = 0; t < 2 * MINUTE; t += 1_000) {
      const before = p.getChatMessages.count;
      await advance(p, 1_000);
      answerPolls(p);
      if (p.getChatMessages.count > before) times.push(p.scheduler.now);
    }
    assert.deepEqual(times, [3_000, 9_000, 21_000, 45_000, 75_000, 105_000]);
  });

  it('a refused subscription falls back to polling', async () => {
    const p = nativePage({ member: 'member-ada' });
    await connectMemberChat(p.element, p.deps).ready;
    await flush();
    p.getMemberChat.call(0).resolve(chatWithHistory('member-ada', T_ADA));
    await flush();
    p.realtime.subscriptions[0]!.answer.reject(new Error('permission denied'));
    await flush();
    await advance(p, 30_000);
    assert.equal(p.getChatMessages.count, 1);
    assert.ok(p.logs.some(([name]) => name === 'sitegpt-realtime-unavailable'));
  });

  it('a poll that fails keeps polling; polling stops at sign-out', async () => {
    const p = await ada({ realtime: false });
    await advance(p, 30_000);
    p.getChatMessages.call(0).resolve(failed('UPSTREAM_UNAVAILABLE'));
    await advance(p, 30_000);
    assert.equal(p.getChatMessages.count, 2);
    answerPolls(p);
    await flush();
    p.auth.logOut();
    await advance(p, 5 * MINUTE, 10_000);
    assert.equal(p.getChatMessages.count, 2);
    assert.equal(p.scheduler.pending, 0);
  });
});
