// "New conversation" as the member lives it (issue 8, items 9 and 10): a failed attempt keeps
// the conversation the member had and says so in a notice; trying again repeats the action
// that failed, never quietly hands back the old thread; a second press while one runs is ignored.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { connectMemberChat } from '../../velo/public/sitegpt-member-chat.js';
import { chatFor, failed, fakePage, flush } from './support/fake-page.js';

const T_ADA = '11111111-1111-8111-8111-111111111111';
const T_ADA_2 = '22222222-2222-8222-8222-222222222222';

async function chatting() {
  const page = fakePage({ member: 'member-ada' });
  const connection = connectMemberChat(page.element, page.deps);
  assert.equal(await connection.ready, true);
  await flush();
  page.getMemberChat.call(0).resolve(chatFor('member-ada', T_ADA, 'ada@example.com'));
  await flush();
  return page;
}

describe('page controller: new conversation', () => {
  it('a failed attempt keeps the old chat and shows a notice, not the error view', async () => {
    const page = await chatting();
    page.element.fire('sitegpt-new-conversation', { threadId: T_ADA });
    page.startNewConversation.call(0).resolve(failed('UPSTREAM_UNAVAILABLE'));
    await flush();
    const shown = page.element.effective();
    assert.equal(shown.thread, T_ADA, 'the old conversation stays');
    assert.equal(shown.notice, 'UPSTREAM_UNAVAILABLE');
    assert.equal(shown.error, undefined, 'no error view over the old chat');
  });

  it('trying again after a failed attempt asks for a new conversation again and clears the notice', async () => {
    const page = await chatting();
    page.element.fire('sitegpt-new-conversation', { threadId: T_ADA });
    page.startNewConversation.call(0).resolve(failed('RATE_LIMITED'));
    await flush();
    page.element.fire('sitegpt-new-conversation', { threadId: T_ADA });
    await flush();
    assert.equal(page.startNewConversation.count, 2);
    assert.equal(page.getMemberChat.count, 1, 'the old thread is not fetched again');
    page.startNewConversation.call(1).resolve(chatFor('member-ada', T_ADA_2, 'ada@example.com'));
    await flush();
    assert.deepEqual(page.element.effective(), {
      'member-id': 'member-ada',
      thread: T_ADA_2,
      email: 'ada@example.com',
      'email-signature': 'a'.repeat(64),
    });
  });

  it('retry from the error view repeats a failed new conversation instead of returning the old thread', async () => {
    const page = fakePage({ member: 'member-ada' });
    const connection = connectMemberChat(page.element, page.deps);
    await connection.ready;
    await flush();
    page.getMemberChat.call(0).resolve(failed('UPSTREAM_UNAVAILABLE'));
    await flush();
    // No conversation is shown, so a failed new conversation can only show the error view.
    page.element.fire('sitegpt-new-conversation', { threadId: '' });
    page.startNewConversation.call(0).resolve(failed('UPSTREAM_UNAVAILABLE'));
    await flush();
    assert.equal(page.element.effective().error, 'UPSTREAM_UNAVAILABLE');
    page.element.fire('sitegpt-retry', { code: 'UPSTREAM_UNAVAILABLE' });
    await flush();
    assert.equal(page.startNewConversation.count, 2, 'retry repeats the action that failed');
    assert.equal(page.getMemberChat.count, 1);
    page.startNewConversation.call(1).resolve(chatFor('member-ada', T_ADA_2));
    await flush();
    assert.deepEqual(page.element.effective(), { 'member-id': 'member-ada', thread: T_ADA_2 });
  });

  it('a session that ended during the attempt shows the error view (sign in again), not a notice', async () => {
    const page = await chatting();
    page.element.fire('sitegpt-new-conversation', { threadId: T_ADA });
    page.startNewConversation.call(0).resolve(failed('NOT_SIGNED_IN'));
    await flush();
    assert.equal(page.element.effective().error, 'NOT_SIGNED_IN');
    assert.equal(page.element.effective().notice, undefined);
  });

  it('a second press while the first runs sends no second call', async () => {
    const page = await chatting();
    page.element.fire('sitegpt-new-conversation', { threadId: T_ADA });
    page.element.fire('sitegpt-new-conversation', { threadId: T_ADA });
    await flush();
    assert.equal(page.startNewConversation.count, 1);
    page.startNewConversation.call(0).resolve(chatFor('member-ada', T_ADA_2));
    await flush();
    page.element.fire('sitegpt-new-conversation', { threadId: T_ADA_2 });
    await flush();
    assert.equal(page.startNewConversation.count, 2, 'once answered, the next press counts again');
  });

  it('a logout clears the notice with the rest of the member\'s values', async () => {
    const page = await chatting();
    page.element.fire('sitegpt-new-conversation', { threadId: T_ADA });
    page.startNewConversation.call(0).resolve(failed('UPSTREAM_UNAVAILABLE'));
    await flush();
    page.auth.logOut();
    await flush();
    assert.equal(page.element.attributes.get('notice'), '');
    assert.deepEqual(page.element.effective(), { 'member-id': '' });
  });
});
