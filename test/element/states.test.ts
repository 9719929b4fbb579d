import { expect } from '@open-wc/testing';
import { CHATBOT, THREAD_A, button, chat, frame, oneEvent, set, text, untilState } from './helpers.js';

describe('<sitegpt-member-chat> states', () => {
  it('starts pending, busy, while page code has not said who is signed in', async () => {
    const el = await chat();
    expect(el.state).to.equal('pending');
    expect(el.getAttribute('state')).to.equal('pending');
    expect(el.matches(':state(pending)')).to.be.true;
    expect(el.shadowRoot!.querySelector('[part="base"]')!.getAttribute('aria-busy')).to.equal('true');
    expect(el.shadowRoot!.querySelector('.skeleton')).to.exist;
  });

  it('shows the signed-out view when page code never answers, after the grace period', async () => {
    const el = await chat({ 'signed-out-delay': '50' });
    await untilState(el, 'signed-out');
    expect(text(el)).to.contain('Sign in to chat');
  });

  it('keeps pending for the default grace period of a few seconds', async () => {
    const el = await chat();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(el.state).to.equal('pending');
  });

  it('shows the signed-out view with a sign-in button for member-id=""', async () => {
    const el = await chat({ 'member-id': '' });
    expect(el.state).to.equal('signed-out');
    expect(el.matches(':state(signed-out)')).to.be.true;
    const asked = oneEvent(el, 'sitegpt-login-request');
    button(el, 'sign-in-button').click();
    expect((await asked).detail).to.deep.equal({});
  });

  it('is loading, with aria-busy, for a member whose thread has not arrived', async () => {
    const el = await chat({ 'member-id': 'member-a' });
    expect(el.state).to.equal('loading');
    expect(el.shadowRoot!.querySelector('[part="base"]')!.getAttribute('aria-busy')).to.equal('true');
    expect(text(el)).to.contain('Loading your conversation');
    expect(frame(el)).to.equal(null);
  });

  it('mounts the widget on the thread and becomes ready', async () => {
    const el = await chat({ 'member-id': 'member-a' });
    const ready = oneEvent(el, 'sitegpt-ready');
    set(el, { thread: THREAD_A });
    expect((await ready).detail).to.deep.equal({ threadId: THREAD_A });
    expect(el.state).to.equal('ready');
    expect(el.matches(':state(ready)')).to.be.true;
    expect(el.shadowRoot!.querySelector('[part="base"]')!.getAttribute('aria-busy')).to.equal('false');
    expect(new URL(frame(el)!.src).searchParams.get('tid')).to.equal(THREAD_A);
  });

  it("shows page code's backend error with a retry button, without echoing it as sitegpt-error", async () => {
    const el = await chat({ 'member-id': 'member-a' });
    let echoed = false;
    el.addEventListener('sitegpt-error', () => (echoed = true));
    set(el, { error: 'RATE_LIMITED' });
    await el.updateComplete;
    expect(el.state).to.equal('error');
    expect(text(el)).to.contain('too many requests');
    // The code is for page code and developers, not for members (issue 8, item 11).
    expect(text(el)).not.to.contain('RATE_LIMITED');
    expect(el.shadowRoot!.querySelector('[part="panel"]')!.getAttribute('data-code')).to.equal('RATE_LIMITED');
    const retry = oneEvent(el, 'sitegpt-retry');
    button(el, 'retry-button').click();
    expect((await retry).detail).to.deep.equal({ code: 'RATE_LIMITED' });
    expect(echoed).to.be.false;
  });

  it('reads an unknown backend error code as a generic failure', async () => {
    const el = await chat({ 'member-id': 'member-a', error: 'SOMETHING_NEW' });
    expect(el.state).to.equal('error');
    expect(text(el)).to.contain('Something went wrong.');
  });

  it('walks signed-out → loading → ready → error → ready → signed-out', async () => {
    const el = await chat({ 'member-id': '' });
    expect(el.state).to.equal('signed-out');
    set(el, { 'member-id': 'member-a' });
    await el.updateComplete;
    expect(el.state).to.equal('loading');
    set(el, { thread: THREAD_A });
    await untilState(el, 'ready');
    set(el, { error: 'UPSTREAM_UNAVAILABLE' });
    await el.updateComplete;
    expect(el.state).to.equal('error');
    expect(frame(el)).to.equal(null);
    set(el, { error: '' });
    await untilState(el, 'ready');
    set(el, { 'member-id': '' });
    await el.updateComplete;
    expect(el.state).to.equal('signed-out');
    expect(frame(el)).to.equal(null);
  });

  it('keeps its state attribute read-only', async () => {
    const el = await chat({ 'member-id': '' });
    el.setAttribute('state', 'ready');
    expect(el.getAttribute('state')).to.equal('signed-out');
    el.removeAttribute('state');
    expect(el.getAttribute('state')).to.equal('signed-out');
  });

  it('offers a new conversation in the ready state, naming the current thread', async () => {
    const el = await chat({ 'member-id': 'member-a', thread: THREAD_A });
    await untilState(el, 'ready');
    const asked = oneEvent(el, 'sitegpt-new-conversation');
    button(el, 'new-conversation-button').click();
    await el.updateComplete;
    // Leaving a conversation is confirmed first (issue 8, item 10).
    button(el, 'confirm-button').click();
    expect((await asked).detail).to.deep.equal({ threadId: THREAD_A });
  });

  it('lets events reach page code outside the shadow root', async () => {
    const el = await chat({ 'member-id': '' });
    const asked = oneEvent(document, 'sitegpt-login-request') as Promise<Event>;
    button(el, 'sign-in-button').click();
    const event = await asked;
    expect(event.bubbles && event.composed).to.be.true;
  });

  it('needs a chatbot-id', async () => {
    const el = await chat({ 'chatbot-id': '', 'member-id': '' });
    expect(el.state).to.equal('error');
    const panel = el.shadowRoot!.querySelector('[part="panel"]')!;
    expect([panel.getAttribute('data-code'), panel.getAttribute('data-attribute')]).to.deep.equal(['INVALID_ATTRIBUTE', 'chatbot-id']);
    expect(text(el)).to.contain('This chat is not set up correctly.');
    set(el, { 'chatbot-id': CHATBOT });
    await el.updateComplete;
    expect(el.state).to.equal('signed-out');
  });
});
