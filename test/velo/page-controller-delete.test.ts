// Issue 14: page code routes the element's `sitegpt-delete-chat` to forgetMyChat (no argument:
// the backend takes the member from the session), then shows the member's new, empty chat; a
// failure keeps the chat under a notice the element says in words. Once at a time, and never
// for a member who is no longer the one shown.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { connectMemberChat } from '../../velo/public/sitegpt-member-chat.js';
import {
  FakeWebMethod,
  chatFor,
  chatWithHistory,
  failed,
  fakePage,
  flush,
  nativePage,
  turn,
  type FakePage,
} from './support/fake-page.js';

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

/** Ada's widget-mode chat on T_ADA, with forgetMyChat wired (unless `wired: false`). */
async function adaChatting(options: { wired?: boolean } = {}): Promise<FakePage & { forget: FakeWebMethod<unknown> }> {
  const page = fakePage({ member: 'member-ada' });
  const forget = new FakeWebMethod<unknown>();
  if (options.wired !== false) page.deps = { ...page.deps, forgetMyChat: forget.fn };
  const connection = connectMemberChat(page.element, page.deps);
  assert.equal(await connection.ready, true);
  await flush();
  page.getMemberChat.call(0).resolve(chatFor('member-ada', T_ADA, 'ada@example.com'));
  await flush();
  return { ...page, forget };
}

describe('page controller: delete my chat (widget mode)', () => {
  it('calls forgetMyChat once, with no argument, then shows the member\'s new chat', async () => {
    const page = await adaChatting();
    page.element.fire('sitegpt-delete-chat', {});
    page.element.fire('sitegpt-delete-chat', {});
    await flush();
    assert.equal(page.forget.count, 1, 'a second press while the first is on its way sends nothing');
    assert.deepEqual(page.forget.args, [undefined], 'the page names nobody: the backend takes the member from the session');
    assert.equal(page.getMemberChat.count, 1, 'the chat is asked for only once the deletion went through');

    page.forget.call(0).resolve({ ok: true });
    await flush();
    assert.equal(page.getMemberChat.count, 2);
    page.getMemberChat.call(1).resolve(chatFor('member-ada', T_ADA_2, 'ada@example.com'));
    await flush();
    assert.deepEqual(page.element.effective(), {
      'member-id': 'member-ada',
      thread: T_ADA_2,
      email: 'ada@example.com',
      'email-signature': 'a'.repeat(64),
    });
    assert.equal(page.startNewConversation.count, 0);
  });

  it('a failure keeps the chat and sets a notice with the code, which the element says in words', async () => {
    const page = await adaChatting();
    page.element.fire('sitegpt-delete-chat', {});
    page.forget.call(0).resolve(failed('UPSTREAM_UNAVAILABLE'));
    await flush();
    assert.deepEqual(page.element.effective(), {
      'member-id': 'member-ada',
      thread: T_ADA,
      email: 'ada@example.com',
      'email-signature': 'a'.repeat(64),
      notice: 'UPSTREAM_UNAVAILABLE',
    });
    assert.equal(page.getMemberChat.count, 1, 'the old chat is not asked for again');

    // Try again in the notice: the notice goes, and the deletion is asked for again.
    page.element.fire('sitegpt-delete-chat', {});
    await flush();
    assert.equal(page.element.effective().notice, undefined);
    assert.equal(page.forget.count, 2);
  });

  it('a call Wix refused (a 504 after 14 s) is a notice too', async () => {
    const page = await adaChatting();
    page.element.fire('sitegpt-delete-chat', {});
    page.forget.call(0).reject(Object.assign(new Error('Gateway Timeout'), { status: 504 }));
    await flush();
    assert.equal(page.element.effective().notice, 'UPSTREAM_UNAVAILABLE');
    assert.equal(page.element.effective().thread, T_ADA);
  });

  it('a session that ended shows the sign-in error; its Try again loads the chat, it does not delete again', async () => {
    const page = await adaChatting();
    page.element.fire('sitegpt-delete-chat', {});
    page.forget.call(0).resolve(failed('NOT_SIGNED_IN'));
    await flush();
    assert.equal(page.element.effective().error, 'NOT_SIGNED_IN');
    page.element.fire('sitegpt-retry', { code: 'NOT_SIGNED_IN' });
    await flush();
    assert.equal(page.forget.count, 1);
    assert.equal(page.getMemberChat.count, 2);
  });

  it('deleted, but the new chat failed to load: the error view, whose Try again loads it', async () => {
    const page = await adaChatting();
    page.element.fire('sitegpt-delete-chat', {});
    page.forget.call(0).resolve({ ok: true });
    await flush();
    page.getMemberChat.call(1).resolve(failed('UPSTREAM_UNAVAILABLE'));
    await flush();
    assert.equal(page.element.effective().error, 'UPSTREAM_UNAVAILABLE');
    page.element.fire('sitegpt-retry', { code: 'UPSTREAM_UNAVAILABLE' });
    await flush();
    assert.equal(page.getMemberChat.count, 3);
    assert.equal(page.forget.count, 1, 'nothing is deleted twice');
    page.getMemberChat.call(2).resolve(chatFor('member-ada', T_ADA_2));
    await flush();
    assert.equal(page.element.effective().thread, T_ADA_2);
  });

  it('a site whose page code was not given forgetMyChat says the chat is not set up correctly', async () => {
    const page = await adaChatting({ wired: false });
    page.element.fire('sitegpt-delete-chat', {});
    await flush();
    assert.equal(page.element.effective().notice, 'MISCONFIGURED');
    assert.equal(page.forget.count, 0);
  });

  it('an answer for a member who is no longer shown is dropped', async () => {
    const page = await adaChatting();
    page.element.fire('sitegpt-delete-chat', {});
    page.auth.logOut();
    page.auth.logIn('member-bob');
    await flush();
    page.getMemberChat.call(1).resolve(chatFor('member-bob', T_BOB));
    await flush();
    page.forget.call(0).resolve(failed('UPSTREAM_UNAVAILABLE'));
    await flush();
    assert.deepEqual(page.element.effective(), { 'member-id': 'member-bob', thread: T_BOB });
    assert.equal(page.getMemberChat.count, 2, 'Ada\'s deletion asks for no chat on Bob\'s screen');
    // Bob may delete his own chat: Ada's call on its way does not block him.
    page.element.fire('sitegpt-delete-chat', {});
    await flush();
    assert.equal(page.forget.count, 2);
  });

  it('a visitor who is not signed in deletes nothing', async () => {
    const page = await adaChatting();
    page.auth.logOut();
    await flush();
    page.element.fire('sitegpt-delete-chat', {});
    await flush();
    assert.equal(page.forget.count, 0);
  });
});

describe('page controller: delete my chat (native mode)', () => {
  it('shows the new thread with its empty page, and the thread notice of its own deletion asks nothing more', async () => {
    const page = nativePage({ member: 'member-ada' });
    const forget = new FakeWebMethod<unknown>();
    page.deps = { ...page.deps, forgetMyChat: forget.fn };
    await connectMemberChat(page.element, page.deps).ready;
    await flush();
    page.getMemberChat.call(0).resolve(chatWithHistory('member-ada', T_ADA, [turn(T_ADA, 1, { question: 'private' })]));
    await flush();
    page.realtime.accept();
    await flush();
    assert.deepEqual(page.element.paneIds(), ['turn-0001']);

    page.element.fire('sitegpt-delete-chat', {});
    await flush();
    // The backend's own notice of the new thread arrives while forgetMyChat is still on its way.
    page.realtime.publish('member-ada', { v: 1, kind: 'thread', rev: 1 });
    await flush();
    assert.equal(page.getMemberChat.count, 1, 'nothing is asked for before the deletion answered');
    forget.call(0).resolve({ ok: true });
    await flush();
    assert.equal(page.getMemberChat.count, 2);
    assert.deepEqual(page.getMemberChat.args[1], { history: true });
    page.getMemberChat.call(1).resolve(chatWithHistory('member-ada', T_ADA_2, []));
    await flush();
    assert.equal(page.element.effective().thread, T_ADA_2);
    assert.deepEqual(page.element.pane(), { threadId: T_ADA_2, turns: [], older: null });
    assert.equal(page.getMemberChat.count, 2);
  });
});

describe('masterPage: delete my chat', () => {
  it('imports forgetMyChat from the backend and hands it to the controller', async () => {
    const source = await readFile('velo/pages/masterPage.ts', 'utf8');
    const imported = /import\s*\{([^}]*)\}\s*from\s*'backend\/sitegpt\.web'/.exec(source)?.[1] ?? '';
    assert.match(imported, /\bforgetMyChat\b/, 'masterPage imports forgetMyChat');
    const call = source.slice(source.indexOf('connectMemberChat($w'));
    assert.match(call.slice(0, call.indexOf('\n  });')), /^\s*forgetMyChat,$/m, 'and passes it to connectMemberChat');
  });
});
