import { expect, waitUntil } from '@open-wc/testing';
import { THREAD_A, THREAD_B, EMAIL, SIGNATURE, chat, frame, openedThread, set, text, untilState } from './helpers.js';

describe('<sitegpt-member-chat> member switching', () => {
  it('never shows member A’s thread after a switch to B, nor after signing out', async () => {
    const el = await chat({ 'member-id': 'member-a', thread: THREAD_A, email: EMAIL, 'email-signature': SIGNATURE });
    await untilState(el, 'ready');
    expect(await openedThread(el)).to.equal(THREAD_A);

    set(el, { 'member-id': 'member-b' });
    // Synchronous: nothing of A's widget survives even until the next render.
    expect(el.shadowRoot!.querySelectorAll('iframe').length).to.equal(0);
    await el.updateComplete;
    expect(el.state).to.equal('loading');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(frame(el)).to.equal(null);

    set(el, { thread: THREAD_B, email: '', 'email-signature': '' });
    await untilState(el, 'ready');
    expect(await openedThread(el)).to.equal(THREAD_B);
    expect(new URL(frame(el)!.src).searchParams.has('user_email')).to.be.false;

    set(el, { 'member-id': '' });
    expect(el.shadowRoot!.querySelectorAll('iframe').length).to.equal(0);
    await el.updateComplete;
    expect(el.state).to.equal('signed-out');
    expect(el.shadowRoot!.innerHTML).not.to.contain(THREAD_B);
    expect(el.shadowRoot!.innerHTML).not.to.contain(THREAD_A);
  });

  it("does not carry A's identity or error over to B", async () => {
    const el = await chat({ 'member-id': 'member-a', email: EMAIL, 'email-signature': SIGNATURE, error: 'INTERNAL' });
    expect(el.state).to.equal('error');
    set(el, { 'member-id': 'member-b' });
    await el.updateComplete;
    expect(el.state).to.equal('loading');
    set(el, { thread: THREAD_B });
    await untilState(el, 'ready');
    const src = new URL(frame(el)!.src);
    expect(src.searchParams.has('user_email')).to.be.false;
    expect(src.searchParams.has('user_email_signature')).to.be.false;
  });

  it('waits for a new thread when page code sets the thread before the member on a switch', async () => {
    const el = await chat({ 'member-id': 'member-a', thread: THREAD_A });
    await untilState(el, 'ready');
    set(el, { thread: THREAD_B, 'member-id': 'member-b' });
    await el.updateComplete;
    expect(el.state).to.equal('loading');
    expect(frame(el)).to.equal(null);
    set(el, { thread: THREAD_B });
    await untilState(el, 'ready');
    expect(await openedThread(el)).to.equal(THREAD_B);
  });

  it('ends in the state of the last attributes after dozens of changes within one frame', async () => {
    const el = await chat();
    const members = ['member-a', 'member-b', '', 'member-c'];
    const threads = [THREAD_A, THREAD_B];
    for (let i = 0; i < 60; i++) {
      set(el, { 'member-id': members[i % members.length] });
      set(el, { thread: threads[i % threads.length] });
    }
    set(el, { 'member-id': 'member-b', thread: THREAD_B });
    await untilState(el, 'ready');
    expect(el.shadowRoot!.querySelectorAll('iframe').length).to.equal(1);
    expect(await openedThread(el)).to.equal(THREAD_B);

    for (let i = 0; i < 60; i++) set(el, { 'member-id': members[i % members.length], thread: threads[i % 2] });
    set(el, { 'member-id': '' });
    await el.updateComplete;
    expect(el.state).to.equal('signed-out');
    expect(el.shadowRoot!.querySelectorAll('iframe').length).to.equal(0);
  });

  it('starts a fresh widget when the same member gets a new thread (new conversation)', async () => {
    const el = await chat({ 'member-id': 'member-a', thread: THREAD_A });
    await untilState(el, 'ready');
    const first = frame(el);
    set(el, { thread: THREAD_B });
    await waitUntil(() => frame(el) && frame(el) !== first, 'no new frame');
    expect(first!.isConnected).to.be.false;
    await untilState(el, 'ready');
    expect(await openedThread(el)).to.equal(THREAD_B);
    expect(text(el)).to.contain('New conversation');
  });
});
