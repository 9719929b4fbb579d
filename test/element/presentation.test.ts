import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { THREAD_A, button, chat, set, text, untilState } from './helpers.js';

function status(el: HTMLElement): string {
  return el.shadowRoot!.querySelector('[role="status"]')!.textContent!.trim();
}

describe('<sitegpt-member-chat> presentation', () => {
  describe('accessibility (axe)', () => {
    it('pending', async () => {
      const el = await chat();
      expect(el.state).to.equal('pending');
      await expect(el).to.be.accessible();
    });
    it('signed-out', async () => {
      const el = await chat({ 'member-id': '' });
      await expect(el).to.be.accessible();
    });
    it('loading', async () => {
      const el = await chat({ 'member-id': 'member-a' });
      expect(el.state).to.equal('loading');
      await expect(el).to.be.accessible();
    });
    it('ready', async () => {
      const el = await chat({ 'member-id': 'member-a', thread: THREAD_A });
      await untilState(el, 'ready');
      await expect(el).to.be.accessible();
    });
    it('error', async () => {
      const el = await chat({ 'member-id': 'member-a', error: 'UPSTREAM_UNAVAILABLE' });
      expect(el.state).to.equal('error');
      await expect(el).to.be.accessible();
    });
    for (const code of ['MISCONFIGURED', 'NOT_SIGNED_IN']) {
      it(`error ${code}`, async () => {
        const el = await chat({ 'member-id': 'member-a', error: code });
        await expect(el).to.be.accessible();
      });
    }
    it('ready, confirming a new conversation', async () => {
      const el = await chat({ 'member-id': 'member-a', thread: THREAD_A });
      await untilState(el, 'ready');
      button(el, 'new-conversation-button').click();
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part~="confirm-button"]')).to.exist;
      await expect(el).to.be.accessible();
    });
    it('ready, starting a new conversation', async () => {
      const el = await chat({ 'member-id': 'member-a', thread: THREAD_A });
      await untilState(el, 'ready');
      button(el, 'new-conversation-button').click();
      await el.updateComplete;
      button(el, 'confirm-button').click();
      await el.updateComplete;
      expect(button(el, 'new-conversation-button').disabled).to.be.true;
      await expect(el).to.be.accessible();
    });
    it('ready, with a notice that the new conversation failed', async () => {
      const el = await chat({ 'member-id': 'member-a', thread: THREAD_A, notice: 'UPSTREAM_UNAVAILABLE' });
      await untilState(el, 'ready');
      expect(el.shadowRoot!.querySelector('[role="alert"]')).to.exist;
      await expect(el).to.be.accessible();
    });
  });

  it('announces each state change to screen readers', async () => {
    const el = await chat({ 'member-id': 'member-a' });
    expect(status(el)).to.equal('Loading your conversation…');
    set(el, { thread: THREAD_A });
    await untilState(el, 'ready');
    expect(status(el)).to.equal('Chat is ready.');
    set(el, { error: 'RATE_LIMITED' });
    await el.updateComplete;
    expect(status(el)).to.equal('There are too many requests right now. Please wait a moment.');
    set(el, { 'member-id': '' });
    await el.updateComplete;
    expect(status(el)).to.equal('Sign in to chat');
  });

  it('speaks German with lang="de", also for regional tags and from the page', async () => {
    const el = await chat({ 'member-id': '', lang: 'de-AT' });
    expect(text(el)).to.contain('Zum Chatten anmelden');
    expect(button(el, 'sign-in-button').textContent!.trim()).to.equal('Anmelden');
    const wrapper = await fixture(html`<div lang="de"><sitegpt-member-chat chatbot-id="1" member-id=""></sitegpt-member-chat></div>`);
    const inner = wrapper.querySelector('sitegpt-member-chat')!;
    await inner.updateComplete;
    expect(inner.shadowRoot!.textContent).to.contain('Zum Chatten anmelden');
  });

  it('falls back to English for a language it does not ship', async () => {
    const el = await chat({ 'member-id': '', lang: 'xx' });
    expect(text(el)).to.contain('Sign in to chat');
  });

  it('lets every string be overridden with label-*', async () => {
    const el = await chat({ 'member-id': '', lang: 'de', 'label-sign-in': 'Log in', 'label-signed-out-title': 'Members only' });
    expect(button(el, 'sign-in-button').textContent!.trim()).to.equal('Log in');
    expect(text(el)).to.contain('Members only');
    set(el, { 'member-id': 'member-a', error: 'INTERNAL', 'label-error-internal': 'Oops.', 'label-retry': 'Again' });
    await el.updateComplete;
    expect(text(el)).to.contain('Oops.');
    expect(button(el, 'retry-button').textContent!.trim()).to.equal('Again');
  });

  it('shows a visible focus ring on keyboard focus', async () => {
    const el = await chat({ 'member-id': '' });
    const before = document.createElement('button');
    before.textContent = 'before';
    el.before(before);
    before.focus();
    await sendKeys({ press: 'Tab' });
    const signIn = button(el, 'sign-in-button');
    expect(el.shadowRoot!.activeElement).to.equal(signIn);
    expect(getComputedStyle(signIn).outlineStyle).to.equal('solid');
    before.remove();
  });

  it('stops the skeleton animation for prefers-reduced-motion', async () => {
    const el = await chat({ 'member-id': 'member-a' });
    const bar = el.shadowRoot!.querySelector('.skeleton span')!;
    expect(getComputedStyle(bar).animationName).to.equal('pulse');
    await emulateMedia({ reducedMotion: 'reduce' });
    try {
      expect(getComputedStyle(bar).animationName).to.equal('none');
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
  });

  it('can be themed through custom properties and parts', async () => {
    const el = await chat({ 'member-id': '' });
    el.style.setProperty('--sitegpt-member-chat-accent', 'rgb(10, 20, 30)');
    expect(getComputedStyle(button(el, 'sign-in-button')).backgroundColor).to.equal('rgb(10, 20, 30)');
    const style = document.createElement('style');
    style.textContent = 'sitegpt-member-chat::part(title) { color: rgb(200, 0, 0); }';
    document.head.append(style);
    expect(getComputedStyle(el.shadowRoot!.querySelector('[part="title"]')!).color).to.equal('rgb(200, 0, 0)');
    style.remove();
  });
});
