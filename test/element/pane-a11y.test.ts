import { expect } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { set, type Chat } from './helpers.js';
import { composer, log, nativeChat, page, record, root, spoken, turn, typeAndSend, until } from './pane-helpers.js';

const LONG_ANSWER = 'A long line without spaces: ' + 'x'.repeat(300) + '\n\n```\n' + 'y'.repeat(300) + '\n```\n[' + 'z'.repeat(200) + '](https://example.com/' + 'w'.repeat(200) + ')';

/** A failed send of a fresh question, with `code`. */
async function failedSend(el: Chat, code: string, retryAfterMs?: number): Promise<void> {
  const sent = record<{ clientMessageId: string }>(el, 'sitegpt-send');
  await typeAndSend(el, 'Will this go through?');
  set(el, { 'send-error': JSON.stringify({ id: sent[0].clientMessageId, code, retryAfterMs }) });
  await el.updateComplete;
}

describe('<sitegpt-member-chat mode="native"> accessibility', () => {
  describe('axe', () => {
    it('empty, with starters', async () => {
      const el = await nativeChat([], { starters: JSON.stringify(['What do you sell?', 'Opening hours?']) });
      await expect(el).to.be.accessible();
    });
    it('a conversation with sources, reactions, code, an agent and an automatic reply', async () => {
      const el = await nativeChat([
        turn(1, { answer: 'See *this*:\n\n- one\n- two\n\n`code`', sources: ['https://example.com/a'], reaction: 'POSITIVE' }),
        turn(2, { kind: 'agent', question: null, answer: 'Sam from our team here.' }),
        turn(3, { kind: 'fallback', answer: 'Sorry, I could not find that.' }),
        turn(4, { kind: 'system', question: null, answer: 'The conversation was handed over.' }),
      ]);
      await expect(el).to.be.accessible();
    });
    it('pending, with the typing indicator', async () => {
      const el = await nativeChat([turn(1)]);
      await typeAndSend(el, 'Still there?');
      expect(root(el).querySelector('[part~="typing"]')).to.exist;
      await expect(el).to.be.accessible();
    });
    it('failed', async () => {
      const el = await nativeChat([turn(1)]);
      await failedSend(el, 'UPSTREAM_UNAVAILABLE');
      await expect(el).to.be.accessible();
    });
    it('rate-limited, counting down', async () => {
      const el = await nativeChat([turn(1)]);
      await failedSend(el, 'RATE_LIMITED', 30_000);
      expect(root(el).querySelector<HTMLButtonElement>('[part~="retry-send-button"]')!.disabled).to.be.true;
      await expect(el).to.be.accessible();
    });
    it('loading older turns, scrolled up, with Jump to latest', async () => {
      const el = await nativeChat(Array.from({ length: 20 }, (_, i) => turn(i)), {}, 'cursor-1');
      root(el).querySelector<HTMLButtonElement>('[part~="older-button"]')!.click();
      log(el).scrollTop = 0;
      await until(() => root(el).querySelector('[part~="jump-button"]') !== null, 'no Jump to latest');
      expect(root(el).querySelector('.older')!.textContent).to.contain('Loading earlier messages');
      await expect(el).to.be.accessible();
    });
  });

  it('keeps the history in a log that is not itself live', async () => {
    const el = await nativeChat([turn(1)]);
    expect(log(el).getAttribute('aria-live')).to.equal('off');
    expect(log(el).getAttribute('aria-label')).to.equal('Conversation');
  });

  it('announces each new answer once, when complete: not history, not the member’s own question', async () => {
    const el = await nativeChat([turn(1, { answer: 'History answer' })]);
    expect(spoken(el)).to.equal('Chat is ready.');
    const sent = record<{ clientMessageId: string }>(el, 'sitegpt-send');
    await typeAndSend(el, 'My own question');
    expect(spoken(el)).to.equal('Chat is ready.');
    const id = sent[0].clientMessageId;
    set(el, { messages: page([turn(2, { id, question: 'My own question', answer: 'Yes.' })]) });
    await el.updateComplete;
    expect(spoken(el)).to.equal('Assistant: Yes.');
    const region = root(el).querySelector('[role="status"] span');

    // The same answer again (a repeated page, a reaction) is not news.
    set(el, { messages: page([turn(2, { id, question: 'My own question', answer: 'Yes.', reaction: 'POSITIVE', rev: Date.now() })]) });
    await el.updateComplete;
    expect(root(el).querySelector('[role="status"] span')).to.equal(region);

    // Older history is not news either.
    set(el, { messages: page([turn(-5, { answer: 'Very old answer' })]) });
    await el.updateComplete;
    expect(root(el).querySelector('[role="status"] span')).to.equal(region);

    // A second answer with the same words is announced again: the region's node changes.
    set(el, { messages: page([turn(3, { kind: 'agent', question: null, answer: 'Yes.' })]) });
    await el.updateComplete;
    expect(spoken(el)).to.equal('A person from our team: Yes.');
    expect(root(el).querySelector('[role="status"] span')).not.to.equal(region);
  });

  it('announces a failed send in words', async () => {
    const el = await nativeChat([turn(1)]);
    await failedSend(el, 'RATE_LIMITED', 5000);
    expect(spoken(el)).to.equal('Not sent. There are too many requests right now. Please wait a moment.');
  });

  it('fits a 360 px wide box without scrolling sideways', async () => {
    const el = await nativeChat([
      turn(1, { question: 'q'.repeat(500), answer: LONG_ANSWER, sources: ['https://' + 'a'.repeat(60) + '.example.com/'] }),
      turn(2, { question: 'Short', answer: 'Short' }),
    ]);
    el.style.width = '360px';
    el.style.height = '640px';
    await failedSend(el, 'RATE_LIMITED', 10_000);
    composer(el).value = 'x'.repeat(1990);
    composer(el).dispatchEvent(new Event('input'));
    await el.updateComplete;
    for (const box of [log(el), root(el).querySelector<HTMLElement>('[part~="pane"]')!, root(el).querySelector<HTMLElement>('[part~="composer"]')!]) {
      expect(box.scrollWidth, box.getAttribute('part')!).to.be.at.most(box.clientWidth);
    }
    const send = root(el).querySelector<HTMLElement>('[part~="send-button"]')!.getBoundingClientRect();
    expect(send.right).to.be.at.most(el.getBoundingClientRect().right);
  });

  it('shows a focus ring on the composer, and stills the typing dots for prefers-reduced-motion', async () => {
    const el = await nativeChat([turn(1)]);
    composer(el).focus();
    expect(getComputedStyle(composer(el)).outlineStyle).to.equal('solid');
    await typeAndSend(el, 'Hello?');
    const dot = root(el).querySelector('[part~="typing"] i')!;
    expect(getComputedStyle(dot).animationName).to.equal('pulse');
    await emulateMedia({ reducedMotion: 'reduce' });
    try {
      expect(getComputedStyle(dot).animationName).to.equal('none');
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
  });

  it('speaks German and takes label-* overrides', async () => {
    const el = await nativeChat([turn(1)], { lang: 'de', 'label-send': 'Abschicken', 'label-you': 'Ich' });
    expect(root(el).querySelector('[part~="send-button"]')!.textContent!.trim()).to.equal('Abschicken');
    expect(root(el).querySelector('[part~="question"] .meta')!.textContent).to.contain('Ich');
    expect(root(el).querySelector('[part~="answer"] .meta')!.textContent).to.contain('Assistent');
    expect(composer(el).getAttribute('aria-label')).to.equal('Ihre Nachricht');
    expect(root(el).querySelector('[part~="vote-button"]')!.getAttribute('aria-label')).to.equal('Hilfreich');
  });

  it('says what went wrong in words for every error code', async () => {
    const words: Record<string, string> = {
      RATE_LIMITED: 'too many requests',
      UPSTREAM_UNAVAILABLE: 'cannot be reached',
      MISCONFIGURED: 'not set up correctly',
      NOT_SIGNED_IN: 'sign in again',
      INTERNAL: 'Something went wrong',
      INVALID_INPUT: 'cannot be sent as it is',
      NOT_FOUND: 'no longer exists',
      SOMETHING_NEW: 'Something went wrong',
    };
    for (const [code, expected] of Object.entries(words)) {
      const el = await nativeChat([]);
      await failedSend(el, code);
      const failure = root(el).querySelector('[part~="send-error"]')!.textContent!;
      expect(failure, code).to.contain(expected);
      expect(failure).not.to.contain(code);
      el.remove();
    }
  });
});
