// Issue 8, item 11: members read words. Codes stay in events (and on a data attribute for
// developers); an error no retry can fix tells the member to contact the site.
import { expect } from '@open-wc/testing';
import { THREAD_A, button, chat, oneEvent, set, text } from './helpers.js';

const CODE_IN_TEXT = /[A-Z]{2,}_[A-Z_]+/;

function panel(el: HTMLElement): Element {
  return el.shadowRoot!.querySelector('[part="panel"]')!;
}

function has(el: HTMLElement, part: string): boolean {
  return el.shadowRoot!.querySelector(`[part~="${part}"]`) !== null;
}

describe('<sitegpt-member-chat> error views', () => {
  for (const code of ['RATE_LIMITED', 'UPSTREAM_UNAVAILABLE', 'MISCONFIGURED', 'NOT_SIGNED_IN', 'INTERNAL', 'SOMETHING_NEW']) {
    it(`${code}: words only, the code on data-code`, async () => {
      const el = await chat({ 'member-id': 'member-a', error: code });
      expect(el.state).to.equal('error');
      expect(text(el)).not.to.match(CODE_IN_TEXT);
      expect(panel(el).getAttribute('data-code')).to.equal(code);
    });
  }

  it('INVALID_ATTRIBUTE: words only; the code and attribute stay in the event and on data attributes', async () => {
    const el = await chat({ 'member-id': 'member-a' });
    const failed = oneEvent(el, 'sitegpt-error');
    set(el, { thread: 'not-a-thread' });
    expect((await failed).detail).to.deep.equal({ code: 'INVALID_ATTRIBUTE', message: 'This chat is not set up correctly.', attribute: 'thread' });
    expect(text(el)).not.to.match(CODE_IN_TEXT);
    expect(text(el)).not.to.contain('thread');
    expect(panel(el).getAttribute('data-code')).to.equal('INVALID_ATTRIBUTE');
    expect(panel(el).getAttribute('data-attribute')).to.equal('thread');
  });

  for (const [code, attributes] of [
    ['MISCONFIGURED', { error: 'MISCONFIGURED' }],
    ['INVALID_ATTRIBUTE', { thread: 'not-a-thread' }],
  ] as const) {
    it(`${code}: no retry that cannot work; the member is told to contact the site`, async () => {
      const el = await chat({ 'member-id': 'member-a', ...attributes });
      expect(el.state).to.equal('error');
      expect(has(el, 'retry-button')).to.be.false;
      expect(el.shadowRoot!.querySelectorAll('button').length).to.equal(0);
      expect(text(el)).to.contain('This chat is not set up correctly.');
      expect(text(el)).to.contain('Please contact us if this continues.');
    });
  }

  it('NOT_SIGNED_IN: a sign-in button instead of retry', async () => {
    const el = await chat({ 'member-id': 'member-a', error: 'NOT_SIGNED_IN' });
    expect(has(el, 'retry-button')).to.be.false;
    expect(text(el)).to.contain('Your session has ended. Please sign in again.');
    const asked = oneEvent(el, 'sitegpt-login-request');
    button(el, 'sign-in-button').click();
    expect((await asked).detail).to.deep.equal({});
  });

  it('errors a retry can fix keep their Try again', async () => {
    for (const code of ['RATE_LIMITED', 'UPSTREAM_UNAVAILABLE', 'INTERNAL']) {
      const el = await chat({ 'member-id': 'member-a', error: code });
      expect(button(el, 'retry-button').textContent!.trim()).to.equal('Try again');
      el.remove();
    }
  });

  it('speaks German, and the new words can be overridden with label-*', async () => {
    const el = await chat({ 'member-id': 'member-a', error: 'MISCONFIGURED', lang: 'de' });
    expect(text(el)).to.contain('Bitte kontaktieren Sie uns, falls das Problem bleibt.');
    set(el, { 'label-contact-site': 'Call us: 555-0100.' });
    await el.updateComplete;
    expect(text(el)).to.contain('Call us: 555-0100.');
  });

  it('is still a retry after a widget timeout, and the code is not shown there either', async () => {
    const el = await chat({ 'member-id': 'member-a', thread: THREAD_A, 'widget-url': `${location.origin}/dead/silent?tid={thread}`, 'widget-timeout': '1000' });
    await oneEvent(el, 'sitegpt-error');
    expect(text(el)).to.contain('The chat took too long to load.');
    expect(text(el)).not.to.match(CODE_IN_TEXT);
    expect(has(el, 'retry-button')).to.be.true;
  });
});
