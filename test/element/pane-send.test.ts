import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { set } from './helpers.js';
import { composer, nativeChat, page, record, root, turn, turnTexts, typeAndSend, until } from './pane-helpers.js';

type Sent = { clientMessageId: string; text: string };

describe('<sitegpt-member-chat mode="native"> sending', () => {
  it('sends on Enter, makes a new line on Shift+Enter, and ignores an empty message', async () => {
    const el = await nativeChat();
    const sent = record<Sent>(el, 'sitegpt-send');
    composer(el).focus();
    await sendKeys({ press: 'Enter' });
    await sendKeys({ type: '   ' });
    await sendKeys({ press: 'Enter' });
    expect(sent).to.deep.equal([]);
    composer(el).value = '';
    await sendKeys({ type: 'First line' });
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ up: 'Shift' });
    await sendKeys({ type: 'second line' });
    expect(sent).to.deep.equal([]);
    await sendKeys({ press: 'Enter' });
    expect(sent.length).to.equal(1);
    expect(sent[0].text).to.equal('First line\nsecond line');
    expect(sent[0].clientMessageId).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(composer(el).value).to.equal('');
  });

  it('shows the question at once, pending, with a typing indicator until the answer replaces it', async () => {
    const el = await nativeChat([turn(1)]);
    const sent = record<Sent>(el, 'sitegpt-send');
    await typeAndSend(el, 'Where is my order?');
    expect(turnTexts(el)).to.have.length(2);
    expect(turnTexts(el)[1]).to.contain('Where is my order?');
    const pending = root(el).querySelectorAll('[part~="turn"]')[1];
    expect(pending.getAttribute('data-status')).to.equal('pending');
    expect(root(el).querySelector('[part~="typing"]')!.textContent).to.contain('The assistant is writing…');

    const id = sent[0].clientMessageId;
    set(el, { messages: page([turn(2, { id, question: 'Where is my order?', answer: 'It ships today.' })]) });
    await el.updateComplete;
    expect(turnTexts(el)).to.have.length(2);
    expect(turnTexts(el)[1]).to.contain('It ships today.');
    expect(root(el).querySelector('[part~="typing"]')).to.equal(null);
  });

  it('marks a failed send in words, keeps its text and retries it with the same ID, never as a second turn', async () => {
    const el = await nativeChat();
    const sent = record<Sent>(el, 'sitegpt-send');
    await typeAndSend(el, 'Can I return shoes?');
    const id = sent[0].clientMessageId;
    set(el, { 'send-error': JSON.stringify({ id, code: 'UPSTREAM_UNAVAILABLE' }) });
    await el.updateComplete;
    const failure = root(el).querySelector('[part~="send-error"]')!;
    expect(failure.textContent).to.contain('Not sent.');
    expect(failure.textContent).to.contain('The assistant cannot be reached right now.');
    expect(failure.textContent).not.to.contain('UPSTREAM_UNAVAILABLE');
    expect(turnTexts(el)[0]).to.contain('Can I return shoes?');
    expect(root(el).querySelector('[part~="typing"]')).to.equal(null);

    root(el).querySelector<HTMLButtonElement>('[part~="retry-send-button"]')!.click();
    await el.updateComplete;
    expect(sent).to.deep.equal([sent[0], { clientMessageId: id, text: 'Can I return shoes?' }]);
    expect(turnTexts(el)).to.have.length(1);
    expect(root(el).querySelector('[part~="send-error"]')).to.equal(null);
    expect(root(el).querySelector('[part~="typing"]')).to.exist;

    // The same failure again (page code sets the same value): failed again, still one turn.
    set(el, { 'send-error': JSON.stringify({ id, code: 'UPSTREAM_UNAVAILABLE' }) });
    await el.updateComplete;
    expect(root(el).querySelector('[part~="send-error"]')).to.exist;
    set(el, { messages: page([turn(3, { id, question: 'Can I return shoes?', answer: 'Yes, within 30 days.' })]) });
    await el.updateComplete;
    expect(turnTexts(el)).to.have.length(1);
    expect(turnTexts(el)[0]).to.contain('Yes, within 30 days.');
    expect(root(el).querySelector('[part~="retry-send-button"]')).to.equal(null);
  });

  it('ignores a late send-error for a turn that has its answer already', async () => {
    const el = await nativeChat();
    const sent = record<Sent>(el, 'sitegpt-send');
    await typeAndSend(el, 'Hello');
    const id = sent[0].clientMessageId;
    set(el, { messages: page([turn(1, { id, question: 'Hello', answer: 'Hi there.' })]) });
    set(el, { 'send-error': JSON.stringify({ id, code: 'INTERNAL' }) });
    await el.updateComplete;
    expect(root(el).querySelector('[part~="send-error"]')).to.equal(null);
    expect(turnTexts(el)[0]).to.contain('Hi there.');
  });

  it('counts down a rate limit and keeps Retry disabled until it ends', async () => {
    const el = await nativeChat();
    const sent = record<Sent>(el, 'sitegpt-send');
    await typeAndSend(el, 'Too fast');
    const id = sent[0].clientMessageId;
    set(el, { 'send-error': JSON.stringify({ id, code: 'RATE_LIMITED', retryAfterMs: 2500 }) });
    await el.updateComplete;
    const retry = () => root(el).querySelector<HTMLButtonElement>('[part~="retry-send-button"]')!;
    expect(root(el).querySelector('[part~="send-error"]')!.textContent).to.contain('too many requests');
    expect(retry().disabled).to.be.true;
    expect(retry().textContent!.trim()).to.equal('Try again in 3 s');
    retry().click();
    expect(sent).to.have.length(1);
    await until(() => retry().textContent!.trim() === 'Try again in 2 s', 'the countdown did not tick');
    await until(() => !retry().disabled, 'Retry stayed disabled');
    expect(retry().textContent!.trim()).to.equal('Try again');
    retry().click();
    expect(sent).to.deep.equal([sent[0], { clientMessageId: id, text: 'Too fast' }]);
  });

  it('offers the starters on an empty thread and sends the one pressed', async () => {
    const el = await nativeChat([], { starters: JSON.stringify(['What do you sell?', 'Opening hours?']) });
    const sent = record<Sent>(el, 'sitegpt-send');
    const starters = [...root(el).querySelectorAll<HTMLButtonElement>('[part~="starter-button"]')];
    expect(starters.map((b) => b.textContent!.trim())).to.deep.equal(['What do you sell?', 'Opening hours?']);
    starters[1].click();
    await el.updateComplete;
    expect(sent.map((s) => s.text)).to.deep.equal(['Opening hours?']);
    expect(root(el).querySelector('[part~="starter-button"]')).to.equal(null);
    expect(turnTexts(el)[0]).to.contain('Opening hours?');
  });

  it('caps the composer at 2000 characters with a counter near the limit', async () => {
    const el = await nativeChat();
    const box = composer(el);
    expect(box.maxLength).to.equal(2000);
    box.value = 'x'.repeat(1500);
    box.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(root(el).querySelector('[part~="counter"]')).to.equal(null);
    box.value = 'x'.repeat(1950);
    box.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(root(el).querySelector('[part~="counter"]')!.textContent).to.equal('1950/2000');
  });
});
