import { expect } from '@open-wc/testing';
import { THREAD_A, button, chat, frame, set, text, untilState, type Chat } from './helpers.js';
import { MEMBER, composer, nativeChat, page, record, root, spoken, turn, turnTexts, typeAndSend, until } from './pane-helpers.js';

/** The `service` value page code sets from getMemberChat's answer. */
const service = (mode: 'on' | 'fallback' | 'off', contactUrl = '/contact', message?: string) =>
  JSON.stringify(message === undefined ? { mode, contactUrl } : { mode, contactUrl, message });

function contactLink(el: Chat): HTMLAnchorElement | null {
  return root(el).querySelector<HTMLAnchorElement>('[part~="contact-link"]');
}

describe('<sitegpt-member-chat service>: what the operator\'s service mode shows', () => {
  it('off, native: the closed view says so in words with the contact link, and offers no composer', async () => {
    const el = await nativeChat([turn(1)]);
    set(el, { service: service('off', '/contact', 'We are closed for the holidays.') });
    await untilState(el, 'closed');
    expect(el.getAttribute('state')).to.equal('closed');
    expect(el.matches(':state(closed)')).to.be.true;
    const panel = root(el).querySelector('[part~="panel"]')!;
    expect(panel.getAttribute('data-code')).to.equal('CHAT_CLOSED');
    expect(text(el)).to.contain('The chat is closed').and.contain('We are closed for the holidays.');
    expect(contactLink(el)!.getAttribute('href')).to.equal('/contact');
    expect(contactLink(el)!.textContent!.trim()).to.equal('Contact us');
    expect(contactLink(el)!.hasAttribute('target'), 'a page of the site opens in place').to.be.false;
    expect(root(el).querySelector('textarea'), 'no composer').to.equal(null);
    expect(root(el).querySelector('[part~="pane"]'), 'no pane').to.equal(null);
    expect(root(el).querySelector('[part~="new-conversation-button"]')).to.equal(null);
    expect(spoken(el)).to.equal('The chat is closed');
  });

  it('off, widget: the widget goes at once and the closed view shows; on again mounts it again', async () => {
    const el = await chat({ 'member-id': MEMBER, thread: THREAD_A });
    await untilState(el, 'ready');
    expect(frame(el)).to.exist;
    set(el, { service: service('off') });
    await untilState(el, 'closed');
    expect(frame(el), 'no widget').to.equal(null);
    expect(text(el)).to.contain('The chat is closed right now.');
    set(el, { service: service('on') });
    await untilState(el, 'ready');
    expect(frame(el)).to.exist;
  });

  it('shows the operator\'s message as text, never as markup', async () => {
    const message = '<img src=x onerror="window.hacked=1"><b>closed</b><script>window.hacked=2</script>';
    const el = await chat({ mode: 'native', 'member-id': MEMBER, thread: THREAD_A, service: service('off', '/contact', message) });
    await untilState(el, 'closed');
    expect(root(el).querySelector('img, b, script')).to.equal(null);
    expect(root(el).querySelector('[part~="panel"] p')!.textContent).to.equal(message);
    expect((window as { hacked?: number }).hacked).to.equal(undefined);
  });

  for (const [contactUrl, href, away] of [
    ['/help/contact?from=chat', '/help/contact?from=chat', false],
    ['https://example.com/support', 'https://example.com/support', true],
    ['mailto:help@example.com', 'mailto:help@example.com', false],
  ] as const) {
    it(`links a safe contact path: ${contactUrl}`, async () => {
      const el = await chat({ mode: 'native', 'member-id': MEMBER, service: service('off', contactUrl) });
      await untilState(el, 'closed');
      const link = contactLink(el)!;
      expect(link.getAttribute('href')).to.equal(href);
      expect(link.getAttribute('target')).to.equal(away ? '_blank' : null);
      expect(link.getAttribute('rel')).to.equal(away ? 'noopener noreferrer' : null);
    });
  }

  for (const contactUrl of ['javascript:alert(1)', '//evil.example/contact', '/\\evil.example', 'data:text/html,<b>x</b>', 'http://example.com/contact', 'call us on 0800 123', 'mailto:nobody']) {
    it(`shows any other contact path as text, not a link: ${contactUrl}`, async () => {
      const el = await chat({ mode: 'native', 'member-id': MEMBER, service: service('off', contactUrl) });
      await untilState(el, 'closed');
      expect(root(el).querySelector('a')).to.equal(null);
      expect(root(el).querySelector('[part~="contact"]')!.textContent).to.equal(contactUrl);
    });
  }

  it('without a message, says the chat is closed in the page\'s language', async () => {
    const el = await chat({ mode: 'native', lang: 'de', 'member-id': MEMBER, service: service('off') });
    await untilState(el, 'closed');
    expect(text(el)).to.contain('Der Chat ist geschlossen').and.contain('Der Chat ist gerade geschlossen.');
    expect(contactLink(el)!.textContent!.trim()).to.equal('Kontakt aufnehmen');
  });

  it('fallback: the pane says answers are automatic; on again, the line goes', async () => {
    const el = await nativeChat([turn(1, { kind: 'fallback', answer: 'Our opening hours are 9 to 5.' })]);
    expect(root(el).querySelector('[part~="service-note"]')).to.equal(null);
    set(el, { service: service('fallback') });
    await el.updateComplete;
    expect(root(el).querySelector('[part~="service-note"]')!.textContent).to.equal(
      'Our assistant is unavailable right now, so answers are automatic.',
    );
    expect(turnTexts(el)[0]).to.contain('Automatic reply');
    expect(composer(el), 'the member can still ask').to.exist;
    set(el, { service: '' });
    await el.updateComplete;
    expect(root(el).querySelector('[part~="service-note"]')).to.equal(null);
  });

  it('closed and open again: the history and what the member had typed are back', async () => {
    const el = await nativeChat([turn(1)]);
    composer(el).value = 'half a question';
    composer(el).dispatchEvent(new Event('input'));
    set(el, { service: service('off') });
    await untilState(el, 'closed');
    set(el, { service: service('on') });
    await untilState(el, 'ready');
    expect(composer(el).value).to.equal('half a question');
    expect(turnTexts(el)[0]).to.contain('Answer 1');
  });

  it('a member switch while closed leaves nothing of what the previous member typed', async () => {
    const el = await nativeChat([turn(1)]);
    composer(el).value = 'private draft';
    set(el, { service: service('off') });
    await untilState(el, 'closed');
    set(el, { 'member-id': 'member-b' });
    set(el, { thread: THREAD_A, messages: page([]), service: service('on') });
    await untilState(el, 'ready');
    expect(composer(el).value).to.equal('');
  });

  it('a send refused with CHAT_CLOSED says so in words and keeps its text', async () => {
    const el = await nativeChat();
    const sent = record<{ clientMessageId: string }>(el, 'sitegpt-send');
    await typeAndSend(el, 'Are you there?');
    set(el, { 'send-error': JSON.stringify({ id: sent[0].clientMessageId, code: 'CHAT_CLOSED' }) });
    await el.updateComplete;
    expect(root(el).querySelector('[part~="send-error"]')!.textContent).to.equal('Not sent. The chat is closed right now.');
    expect(turnTexts(el)[0]).to.contain('Are you there?');
    await until(() => spoken(el).includes('The chat is closed right now.'), 'not announced');
  });

  it('a send the guardrails limit (RATE_LIMITED, retryAfterMs) counts down, keeps the text, then retries it as it was', async () => {
    const el = await nativeChat([turn(1)]);
    const sent = record<{ clientMessageId: string; text: string }>(el, 'sitegpt-send');
    await typeAndSend(el, 'Eleventh question this minute');
    expect(composer(el).value, 'the composer is free for the next question').to.equal('');
    set(el, { 'send-error': JSON.stringify({ id: sent[0].clientMessageId, code: 'RATE_LIMITED', retryAfterMs: 1500 }) });
    await el.updateComplete;
    const retry = () => button(el, 'retry-send-button');
    expect(retry().disabled).to.be.true;
    expect(retry().textContent!.trim()).to.equal('Try again in 2 s');
    expect(turnTexts(el)[1]).to.contain('Eleventh question this minute');
    await until(() => !retry().disabled, 'Retry stayed disabled');
    retry().click();
    expect(sent[1]).to.deep.equal({ clientMessageId: sent[0].clientMessageId, text: 'Eleventh question this minute' });
  });

  for (const value of ['{"mode":"paused","contactUrl":"/c"}', '{"mode":"off"}', 'off', JSON.stringify({ mode: 'off', contactUrl: '/c', message: 'x'.repeat(4100) })]) {
    it(`refuses a malformed or oversized service value (${value.slice(0, 30)}…) as not set up correctly`, async () => {
      const el = await chat({ mode: 'native', 'member-id': MEMBER, service: value });
      await untilState(el, 'error');
      expect(root(el).querySelector('[part~="panel"]')!.getAttribute('data-attribute')).to.equal('service');
      expect(text(el)).not.to.contain('x'.repeat(50));
    });
  }

  it('"" clears it, like page code\'s other values', async () => {
    const el = await chat({ mode: 'native', 'member-id': MEMBER, thread: THREAD_A, service: service('off') });
    await untilState(el, 'closed');
    set(el, { service: '', messages: page([]) });
    await untilState(el, 'ready');
  });

  it('a frame widget is not remounted when page code sets a context (only the loader takes one)', async () => {
    const el = await chat({ 'member-id': MEMBER, thread: THREAD_A });
    await untilState(el, 'ready');
    const mounted = frame(el);
    set(el, { 'widget-context': JSON.stringify(['[Member context from the site: page /pricing]\n', '']) });
    await el.updateComplete;
    expect(frame(el)).to.equal(mounted);
    expect(el.state).to.equal('ready');
  });

  it('an empty widget-context reads as not set, so page code can clear the one it set', async () => {
    const el = await chat({ 'member-id': MEMBER, thread: THREAD_A, 'widget-context': '' });
    await untilState(el, 'ready');
  });

  describe('axe', () => {
    it('closed, with a contact link', async () => {
      const el = await chat({ mode: 'native', 'member-id': MEMBER, service: service('off', 'https://example.com/contact', 'Closed until Monday.') });
      await untilState(el, 'closed');
      await expect(el).to.be.accessible();
    });
    it('closed, German, with the contact path as text', async () => {
      const el = await chat({ lang: 'de', 'member-id': MEMBER, thread: THREAD_A, service: service('off', 'Telefon 0800 123') });
      await untilState(el, 'closed');
      await expect(el).to.be.accessible();
    });
    it('fallback, with automatic replies', async () => {
      const el = await nativeChat([turn(1, { kind: 'fallback' })], { service: service('fallback') });
      await expect(el).to.be.accessible();
    });
    it('fallback, German', async () => {
      const el = await nativeChat([turn(1, { kind: 'fallback' })], { lang: 'de', service: service('fallback') });
      expect(root(el).querySelector('[part~="service-note"]')!.textContent).to.contain('automatisch');
      await expect(el).to.be.accessible();
    });
  });
});
