// The page-side controller against a fake `$w` element (every setAttribute recorded in order),
// a fake @wix/authentication and web methods the test answers when it chooses. What the
// member sees is read through the element's own MemberScope (FakeElement.effective).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { connectMemberChat, rejectionCode } from '../../velo/public/sitegpt-member-chat.js';
import { chatFor, failed, fakePage, flush, type FakePage } from './support/fake-page.js';

const T_ADA = '11111111-1111-8111-8111-111111111111';
const T_ADA_2 = '22222222-2222-8222-8222-222222222222';
const T_BOB = '33333333-3333-8333-8333-333333333333';
const OWNER: Record<string, string> = { [T_ADA]: 'member-ada', [T_ADA_2]: 'member-ada', [T_BOB]: 'member-bob' };

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
before(() => process.on('unhandledRejection', onUnhandled));
after(() => {
  process.off('unhandledRejection', onUnhandled);
  assert.deepEqual(unhandled, [], 'a promise rejection went unhandled');
});

async function connected(options: Parameters<typeof fakePage>[0] = {}): Promise<FakePage & { dispose(): void }> {
  const page = fakePage(options);
  const connection = connectMemberChat(page.element, page.deps);
  assert.equal(await connection.ready, true);
  await flush();
  return { ...page, dispose: connection.dispose };
}

/** Every thread set in the sequence came right after (not before) its own member's member-id. */
function assertThreadsFollowTheirMember(page: FakePage): void {
  let member: string | undefined;
  for (const [name, value] of page.element.calls) {
    if (name === 'member-id') member = value;
    if (name === 'thread' && value !== '') assert.equal(member, OWNER[value], `thread ${value} set while member-id was ${member}`);
  }
}

describe('page controller: login state', () => {
  it('a member logged in at page load: loading at once from the frontend ID, then the thread', async () => {
    const page = fakePage({ member: 'member-ada' });
    page.auth.holdMemberLookups = true;
    const connection = connectMemberChat(page.element, page.deps);
    await connection.ready;
    await flush();
    assert.equal(page.getMemberChat.count, 1, 'the backend is asked at once, alongside the frontend look-up');
    assert.deepEqual(page.element.calls, []);

    page.auth.memberLookups[0]!.resolve('member-ada');
    await flush();
    assert.deepEqual(page.element.calls, [['member-id', 'member-ada']], 'the element shows loading, not signed-out');

    page.getMemberChat.call(0).resolve(chatFor('member-ada', T_ADA, 'ada@example.com'));
    await flush();
    assert.deepEqual(page.element.calls.slice(1), [
      ['member-id', 'member-ada'],
      ['email', 'ada@example.com'],
      ['email-signature', 'a'.repeat(64)],
      ['error', ''],
      ['notice', ''],
      ['thread', T_ADA],
    ]);
    assert.deepEqual(page.element.effective(), {
      'member-id': 'member-ada',
      email: 'ada@example.com',
      'email-signature': 'a'.repeat(64),
      thread: T_ADA,
    });
  });

  it('a visitor gets member-id "" (the signed-out view) and no backend call', async () => {
    const page = await connected();
    assert.deepEqual(page.element.calls[0], ['member-id', '']);
    assert.deepEqual(page.element.effective(), { 'member-id': '' });
    assert.equal(page.getMemberChat.count, 0);
  });

  it('a login after load shows the chat without a reload', async () => {
    const page = await connected();
    page.auth.logIn('member-ada');
    await flush();
    assert.equal(page.getMemberChat.count, 1);
    assert.deepEqual(page.element.effective(), { 'member-id': 'member-ada' }, 'loading for Ada');
    page.getMemberChat.call(0).resolve(chatFor('member-ada', T_ADA));
    await flush();
    assert.deepEqual(page.element.effective(), { 'member-id': 'member-ada', thread: T_ADA });
    assertThreadsFollowTheirMember(page);
  });

  it('a logout sets member-id "" first and clears thread, email, signature and error', async () => {
    const page = await connected({ member: 'member-ada' });
    page.getMemberChat.call(0).resolve(chatFor('member-ada', T_ADA, 'ada@example.com'));
    await flush();
    const mark = page.element.calls.length;
    page.auth.logOut();
    assert.deepEqual(page.element.since(mark), [
      ['member-id', ''],
      ['thread', ''],
      ['email', ''],
      ['email-signature', ''],
      ['error', ''],
      ['notice', ''],
    ]);
    assert.deepEqual(page.element.effective(), { 'member-id': '' });
  });

  it('a switch of member (logout, then another login) shows only the new member\'s thread', async () => {
    const page = await connected({ member: 'member-ada' });
    page.getMemberChat.call(0).resolve(chatFor('member-ada', T_ADA, 'ada@example.com'));
    await flush();
    page.auth.logOut();
    page.auth.logIn('member-bob');
    await flush();
    assert.deepEqual(page.element.effective(), { 'member-id': 'member-bob' }, 'nothing of Ada while Bob loads');
    page.getMemberChat.call(1).resolve(chatFor('member-bob', T_BOB));
    await flush();
    assert.deepEqual(page.element.effective(), { 'member-id': 'member-bob', thread: T_BOB });
    assertThreadsFollowTheirMember(page);
  });

  it('a login of another member without a logout in between also switches cleanly', async () => {
    const page = await connected({ member: 'member-ada' });
    page.getMemberChat.call(0).resolve(chatFor('member-ada', T_ADA, 'ada@example.com'));
    await flush();
    page.auth.logIn('member-bob');
    await flush();
    page.getMemberChat.call(1).resolve(chatFor('member-bob', T_BOB));
    await flush();
    assert.deepEqual(page.element.effective(), { 'member-id': 'member-bob', thread: T_BOB });
    assert.deepEqual(page.element.attributes.get('email'), '', 'Ada\'s email is not left in the DOM');
    assertThreadsFollowTheirMember(page);
  });

  it('the server\'s member ID wins over the frontend\'s, and is set before the thread', async () => {
    const page = await connected({ member: 'member-ada' });
    page.getMemberChat.call(0).resolve(chatFor('member-bob', T_BOB));
    await flush();
    assert.deepEqual(page.element.calls.slice(-6), [
      ['member-id', 'member-bob'],
      ['email', ''],
      ['email-signature', ''],
      ['error', ''],
      ['notice', ''],
      ['thread', T_BOB],
    ]);
    assert.deepEqual(page.element.effective(), { 'member-id': 'member-bob', thread: T_BOB });
  });

  it('a frontend look-up slower than the backend does not set member-id after the thread', async () => {
    const page = fakePage({ member: 'member-ada' });
    page.auth.holdMemberLookups = true;
    await connectMemberChat(page.element, page.deps).ready;
    page.getMemberChat.call(0).resolve(chatFor('member-ada', T_ADA));
    await flush();
    page.auth.memberLookups[0]!.resolve('member-ada');
    await flush();
    assert.deepEqual(page.element.calls.at(-1), ['thread', T_ADA]);
  });

  it('a failed frontend look-up only skips the early loading view', async () => {
    const page = fakePage({ member: 'member-ada' });
    page.auth.holdMemberLookups = true;
    await connectMemberChat(page.element, page.deps).ready;
    page.auth.memberLookups[0]!.reject(new Error('not ready'));
    await flush();
    assert.deepEqual(page.element.calls, []);
    page.getMemberChat.call(0).resolve(chatFor('member-ada', T_ADA));
    await flush();
    assert.deepEqual(page.element.effective(), { 'member-id': 'member-ada', thread: T_ADA });
  });
});

describe('page controller: stale answers', () => {
  it('Ada\'s slow answer arriving after Bob logged in (and answered) is dropped', async () => {
    const page = await connected({ member: 'member-ada' });
    page.auth.logOut();
    page.auth.logIn('member-bob');
    await flush();
    page.getMemberChat.call(1).resolve(chatFor('member-bob', T_BOB));
    await flush();
    const mark = page.element.calls.length;
    page.getMemberChat.call(0).resolve(chatFor('member-ada', T_ADA, 'ada@example.com'));
    await flush();
    assert.deepEqual(page.element.since(mark), [], 'nothing of Ada is set');
    assert.deepEqual(page.element.effective(), { 'member-id': 'member-bob', thread: T_BOB });
    assertThreadsFollowTheirMember(page);
  });

  it('Ada\'s answer arriving while Bob still loads is dropped, and Bob\'s still lands', async () => {
    const page = await connected({ member: 'member-ada' });
    page.auth.logIn('member-bob');
    await flush();
    page.getMemberChat.call(0).resolve(chatFor('member-ada', T_ADA));
    await flush();
    assert.equal(page.element.calls.some(([name, value]) => name === 'thread' && value === T_ADA), false);
    assert.deepEqual(page.element.effective(), { 'member-id': 'member-bob' });
    page.getMemberChat.call(1).resolve(chatFor('member-bob', T_BOB));
    await flush();
    assert.deepEqual(page.element.effective(), { 'member-id': 'member-bob', thread: T_BOB });
  });

  it('Ada\'s slow frontend look-up arriving after Bob logged in is dropped too', async () => {
    const page = fakePage({ member: 'member-ada' });
    page.auth.holdMemberLookups = true;
    await connectMemberChat(page.element, page.deps).ready;
    page.auth.logIn('member-bob');
    await flush();
    page.auth.memberLookups[1]!.resolve('member-bob');
    await flush();
    page.auth.memberLookups[0]!.resolve('member-ada');
    await flush();
    assert.equal(page.element.calls.some(([, value]) => value === 'member-ada'), false);
    assert.deepEqual(page.element.effective(), { 'member-id': 'member-bob' });
  });

  it('a logout during a pending call: the answer is dropped and the visitor stays signed out', async () => {
    const page = await connected({ member: 'member-ada' });
    page.auth.logOut();
    const mark = page.element.calls.length;
    page.getMemberChat.call(0).resolve(chatFor('member-ada', T_ADA, 'ada@example.com'));
    await flush();
    assert.deepEqual(page.element.since(mark), []);
    assert.deepEqual(page.element.effective(), { 'member-id': '' });
  });

  it('a logout during a pending call that then fails shows no error either', async () => {
    const page = await connected({ member: 'member-ada' });
    page.auth.logOut();
    page.getMemberChat.call(0).reject(new Error('Request failed with status code 504'));
    await flush();
    assert.deepEqual(page.element.effective(), { 'member-id': '' });
  });
});

describe('page controller: errors and retry', () => {
  it('an error result sets member-id, then the error code', async () => {
    const page = await connected({ member: 'member-ada' });
    page.getMemberChat.call(0).resolve(failed('RATE_LIMITED'));
    await flush();
    assert.deepEqual(page.element.calls.slice(-2), [
      ['member-id', 'member-ada'],
      ['error', 'RATE_LIMITED'],
    ]);
    assert.deepEqual(page.element.effective(), { 'member-id': 'member-ada', error: 'RATE_LIMITED' });
  });

  for (const [reason, code] of [
    [new Error('Request failed with status code 504'), 'UPSTREAM_UNAVAILABLE'],
    [new TypeError('Failed to fetch'), 'UPSTREAM_UNAVAILABLE'],
    [{ status: 403, message: 'Forbidden' }, 'NOT_SIGNED_IN'],
    [new Error('Permission denied: the web method requires a site member'), 'NOT_SIGNED_IN'],
    [{ statusCode: 429 }, 'RATE_LIMITED'],
    ['boom', 'UPSTREAM_UNAVAILABLE'],
  ] as const) {
    it(`a rejected web method (${reason instanceof Error ? reason.message : JSON.stringify(reason)}) shows ${code}`, async () => {
      const page = await connected({ member: 'member-ada' });
      page.getMemberChat.call(0).reject(reason);
      await flush();
      assert.deepEqual(page.element.effective(), { 'member-id': 'member-ada', error: code });
      assert.equal(rejectionCode(reason), code);
    });
  }

  it('an answer that is not a ChatResult, or an unknown error code, shows INTERNAL', async () => {
    for (const answer of [undefined, 'ok', { ok: true, memberId: 'member-ada' }, { ok: false, error: { code: '<b>' } }]) {
      const page = await connected({ member: 'member-ada' });
      page.getMemberChat.call(0).resolve(answer as never);
      await flush();
      assert.deepEqual(page.element.effective(), { 'member-id': 'member-ada', error: 'INTERNAL' }, JSON.stringify(answer));
    }
  });

  it('retry clears the error at once and asks the backend again', async () => {
    const page = await connected({ member: 'member-ada' });
    page.getMemberChat.call(0).resolve(failed('UPSTREAM_UNAVAILABLE'));
    await flush();
    const mark = page.element.calls.length;
    page.element.fire('sitegpt-retry', { code: 'UPSTREAM_UNAVAILABLE' });
    assert.deepEqual(page.element.since(mark)[0], ['error', '']);
    await flush();
    assert.equal(page.getMemberChat.count, 2);
    assert.deepEqual(page.element.effective(), { 'member-id': 'member-ada' }, 'loading again');
    page.getMemberChat.call(1).resolve(chatFor('member-ada', T_ADA));
    await flush();
    assert.deepEqual(page.element.effective(), { 'member-id': 'member-ada', thread: T_ADA });
  });

  it('retry after a rejected call, before any member-id was known, recovers', async () => {
    const page = fakePage({ member: 'member-ada' });
    page.auth.holdMemberLookups = true;
    await connectMemberChat(page.element, page.deps).ready;
    page.getMemberChat.call(0).reject(new Error('Request failed with status code 504'));
    await flush();
    assert.deepEqual(page.element.effective(), { error: 'UPSTREAM_UNAVAILABLE' });
    page.auth.holdMemberLookups = false;
    page.element.fire('sitegpt-retry', { code: 'UPSTREAM_UNAVAILABLE' });
    page.getMemberChat.call(1).resolve(chatFor('member-ada', T_ADA));
    await flush();
    assert.deepEqual(page.element.effective(), { 'member-id': 'member-ada', thread: T_ADA });
  });

  for (const code of ['WIDGET_TIMEOUT', 'WIDGET_FAILED']) {
    it(`a widget that did not come up (${code}) is left to the element: no backend call`, async () => {
      const page = await connected({ member: 'member-ada' });
      page.getMemberChat.call(0).resolve(chatFor('member-ada', T_ADA));
      await flush();
      const mark = page.element.calls.length;
      page.element.fire('sitegpt-retry', { code });
      await flush();
      assert.equal(page.getMemberChat.count, 1);
      assert.deepEqual(page.element.since(mark), []);
    });
  }

  it('retry when the session has ended shows the signed-out view', async () => {
    const page = await connected({ member: 'member-ada' });
    page.getMemberChat.call(0).resolve(failed('NOT_SIGNED_IN'));
    await flush();
    page.auth.member = undefined; // the session ended without a logout event
    page.element.fire('sitegpt-retry', { code: 'NOT_SIGNED_IN' });
    await flush();
    assert.equal(page.getMemberChat.count, 1);
    assert.deepEqual(page.element.effective(), { 'member-id': '' });
  });
});

describe('page controller: element requests', () => {
  it('new conversation asks startNewConversation and sets the new thread for the member', async () => {
    const page = await connected({ member: 'member-ada' });
    page.getMemberChat.call(0).resolve(chatFor('member-ada', T_ADA, 'ada@example.com'));
    await flush();
    page.element.fire('sitegpt-new-conversation', { threadId: T_ADA });
    await flush();
    assert.equal(page.startNewConversation.count, 1);
    page.startNewConversation.call(0).resolve(chatFor('member-ada', T_ADA_2, 'ada@example.com'));
    await flush();
    assert.equal(page.element.effective().thread, T_ADA_2);
    assert.deepEqual(page.element.calls.slice(-6).map(([name]) => name), ['member-id', 'email', 'email-signature', 'error', 'notice', 'thread']);
    assertThreadsFollowTheirMember(page);
  });

  it('new conversation that fails keeps the old chat with a notice; an answer without email clears the old one', async () => {
    const page = await connected({ member: 'member-ada' });
    page.getMemberChat.call(0).resolve(chatFor('member-ada', T_ADA, 'ada@example.com'));
    await flush();
    page.element.fire('sitegpt-new-conversation', { threadId: T_ADA });
    page.startNewConversation.call(0).resolve(failed('UPSTREAM_UNAVAILABLE'));
    await flush();
    assert.equal(page.element.attributes.get('notice'), 'UPSTREAM_UNAVAILABLE');
    assert.equal(page.element.effective().thread, T_ADA);
    assert.equal(page.element.effective().error, undefined);
    page.element.fire('sitegpt-new-conversation', { threadId: T_ADA });
    page.startNewConversation.call(1).resolve(chatFor('member-ada', T_ADA_2));
    await flush();
    assert.deepEqual(page.element.effective(), { 'member-id': 'member-ada', thread: T_ADA_2 });
  });

  it('new conversation from a visitor does nothing', async () => {
    const page = await connected();
    page.element.fire('sitegpt-new-conversation', { threadId: '' });
    await flush();
    assert.equal(page.startNewConversation.count, 0);
  });

  it('a login request opens Wix\'s login; a cancelled dialog is swallowed, a completed one loads the chat', async () => {
    const page = await connected();
    page.element.fire('sitegpt-login-request');
    assert.equal(page.auth.prompts.length, 1);
    const mark = page.element.calls.length;
    page.auth.prompts[0]!.reject(new Error('The dialog was cancelled'));
    await flush();
    assert.deepEqual(page.element.since(mark), [], 'a cancel changes nothing');

    page.element.fire('sitegpt-login-request');
    page.auth.logIn('member-ada');
    page.auth.prompts[1]!.resolve();
    await flush();
    page.getMemberChat.call(0).resolve(chatFor('member-ada', T_ADA));
    await flush();
    assert.deepEqual(page.element.effective(), { 'member-id': 'member-ada', thread: T_ADA });
    // The unhandled-rejection check in after() covers the cancelled prompt.
  });

  it('a login dialog that cannot open at all leaves the signed-out view', async () => {
    const page = await connected();
    page.deps.promptLogin = () => {
      throw new Error('promptLogin is not available here');
    };
    const mark = page.element.calls.length;
    page.element.fire('sitegpt-login-request');
    await flush();
    assert.deepEqual(page.element.since(mark), []);
  });

  it('sends the element\'s sitegpt-error and sitegpt-thread-mismatch to log, nothing else', async () => {
    const page = await connected({ member: 'member-ada' });
    page.element.fire('sitegpt-error', { code: 'INVALID_ATTRIBUTE', message: 'bad', attribute: 'chatbot-id' });
    page.element.fire('sitegpt-thread-mismatch', { expected: T_ADA, actual: T_BOB });
    page.element.fire('sitegpt-ready', { threadId: T_ADA });
    page.element.fire('sitegpt-widget-event', { name: 'message_sent' });
    assert.deepEqual(page.logs, [
      ['sitegpt-error', { code: 'INVALID_ATTRIBUTE', message: 'bad', attribute: 'chatbot-id' }],
      ['sitegpt-thread-mismatch', { expected: T_ADA, actual: T_BOB }],
    ]);
  });
});

describe('page controller: onReady and the environment', () => {
  it('does nothing outside the browser (Wix\'s server-side render)', async () => {
    for (const browser of [() => false, async () => false, () => Promise.reject(new Error('no env')), () => { throw new Error('no env'); }]) {
      const page = fakePage({ member: 'member-ada', browser });
      assert.equal(await connectMemberChat(page.element, page.deps).ready, false);
      await flush();
      assert.deepEqual(page.element.calls, []);
      assert.equal(page.element.listeners('sitegpt-retry'), 0);
      assert.equal(page.auth.subscribers, 0);
      assert.equal(page.getMemberChat.count, 0);
    }
  });

  it('onReady running twice in the browser connects once', async () => {
    const page = fakePage({ member: 'member-ada' });
    const first = connectMemberChat(page.element, page.deps);
    const second = connectMemberChat(page.element, page.deps);
    assert.equal(second, first);
    await first.ready;
    await flush();
    assert.equal(page.getMemberChat.count, 1);
    assert.equal(page.element.listeners('sitegpt-retry'), 1);
    assert.equal(page.auth.subscribers, 2);
    page.auth.logIn('member-ada');
    await flush();
    assert.equal(page.getMemberChat.count, 2, 'one login, one call');
  });

  it('a server run, then a browser run: only the browser run connects', async () => {
    const page = fakePage({ member: 'member-ada' });
    assert.equal(await connectMemberChat(page.element, { ...page.deps, isBrowser: () => false }).ready, false);
    assert.equal(await connectMemberChat(page.element, page.deps).ready, true);
    await flush();
    assert.equal(page.getMemberChat.count, 1);
    assert.equal(page.element.listeners('sitegpt-login-request'), 1);
  });

  it('dispose stops everything: login changes, element events and pending answers', async () => {
    const page = await connected({ member: 'member-ada' });
    assert.equal(page.auth.subscribers, 2);
    page.dispose();
    assert.equal(page.auth.subscribers, 0);
    const mark = page.element.calls.length;
    page.getMemberChat.call(0).resolve(chatFor('member-ada', T_ADA));
    page.element.fire('sitegpt-retry', { code: 'INTERNAL' });
    page.element.fire('sitegpt-login-request');
    await flush();
    assert.deepEqual(page.element.since(mark), []);
    assert.equal(page.getMemberChat.count, 1);
    assert.equal(page.auth.prompts.length, 0);
  });
});
