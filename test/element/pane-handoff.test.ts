// The handoff as the member sees it in the pane: the offer of a person under the last answer, the
// request (one event, busy until page code answers), the handed-off banner with no typing
// indicator, a failed request in words, and the `handoff` value's rules (checked, member-scoped).
import { expect } from '@open-wc/testing';
import { THREAD_A, THREAD_B, oneEvent, set, untilState, type Chat } from './helpers.js';
import { nativeChat, page, record, root, turn, turnTexts, typeAndSend } from './pane-helpers.js';

const OFFER = 'Need more help?';
const BANNER = "You're talking to our team. A person will reply here.";

const part = (el: Chat, name: string) => root(el).querySelector<HTMLElement>(`[part~="${name}"]`);
const handoffButtons = (el: Chat) => [...root(el).querySelectorAll<HTMLButtonElement>('[part~="handoff-button"]')];
const offerButton = (el: Chat) => part(el, 'handoff-offer')!.querySelector<HTMLButtonElement>('[part~="handoff-button"]')!;
const toolbarButton = (el: Chat) => part(el, 'toolbar')!.querySelector<HTMLButtonElement>('[part~="handoff-button"]');

/** Two answers the member could not use, and page code's `handoff="offer"`. */
async function offered(attributes: Record<string, string> = {}): Promise<Chat> {
  const el = await nativeChat([turn(1, { sources: [] }), turn(2, { sources: [] })], attributes);
  set(el, { handoff: 'offer' });
  await el.updateComplete;
  return el;
}

describe('<sitegpt-member-chat mode="native"> handoff', () => {
  it('offers "Talk to a person" under the last answer when handoff="offer", and not before', async () => {
    const el = await nativeChat([turn(1), turn(2)]);
    expect(part(el, 'handoff-offer')).to.equal(null);
    set(el, { handoff: 'offer' });
    await el.updateComplete;
    const offer = part(el, 'handoff-offer')!;
    expect(offer.textContent!.replace(/\s+/g, ' ').trim()).to.equal(`${OFFER} Talk to a person`);
    const turns = root(el).querySelectorAll('[part~="turn"]');
    expect(turns[turns.length - 1].compareDocumentPosition(offer) & Node.DOCUMENT_POSITION_FOLLOWING, 'after the last turn').to.be.greaterThan(0);
    set(el, { handoff: '' });
    await el.updateComplete;
    expect(part(el, 'handoff-offer')).to.equal(null);
  });

  it('a press fires sitegpt-request-human {} once and shows a busy state until handoff="active"', async () => {
    const el = await offered();
    const asks = record<unknown>(el, 'sitegpt-request-human');
    offerButton(el).focus();
    offerButton(el).click();
    await el.updateComplete;
    offerButton(el).click();
    toolbarButton(el)!.click();
    await el.updateComplete;
    expect(asks).to.deep.equal([{}]);
    for (const button of handoffButtons(el)) {
      expect(button.getAttribute('aria-disabled')).to.equal('true');
      expect(button.textContent!.trim()).to.equal('Connecting you with our team…');
    }
    // A send result repeating the offer is not the answer: still busy.
    set(el, { handoff: 'offer' });
    await el.updateComplete;
    expect(offerButton(el).getAttribute('aria-disabled')).to.equal('true');

    set(el, { handoff: 'active' });
    await el.updateComplete;
    await el.updateComplete;
    expect(part(el, 'handoff-banner')!.textContent).to.equal(BANNER);
    expect(handoffButtons(el), 'no button once handed off').to.have.length(0);
    expect(root(el).activeElement, 'focus moves from the pressed button to the banner').to.equal(part(el, 'handoff-banner'));
  });

  it('can be asked for at any time from the toolbar, with no offer', async () => {
    const el = await nativeChat([turn(1)]);
    expect(part(el, 'handoff-offer')).to.equal(null);
    const asked = oneEvent(el, 'sitegpt-request-human');
    toolbarButton(el)!.click();
    const event = (await asked) as CustomEvent;
    expect(event.detail).to.deep.equal({});
    expect(event.bubbles && event.composed).to.be.true;
  });

  it('while handed off, a sent question shows without the typing indicator; before, it had one', async () => {
    const el = await nativeChat([turn(1)]);
    await typeAndSend(el, 'Before the handoff');
    expect(part(el, 'typing'), 'an AI answer is awaited').to.exist;
    set(el, { handoff: 'active' });
    await el.updateComplete;
    expect(part(el, 'typing')).to.equal(null);
    await typeAndSend(el, 'Is anyone there?');
    expect(part(el, 'typing')).to.equal(null);
    expect(turnTexts(el).at(-1)).to.contain('Is anyone there?');
    expect(part(el, 'handoff-banner')!.textContent).to.equal(BANNER);
  });

  it('a question that went to a person shows as sent, with no answer of its own; an AI question does not', async () => {
    const el = await nativeChat([turn(1), turn(2, { kind: 'agent', question: 'Is anyone there?', answer: null })], { handoff: 'active' });
    const [ai, forwarded] = [...root(el).querySelectorAll('[part~="turn"]')];
    expect(forwarded.querySelector('[part~="question"] .meta')!.textContent).to.contain('Sent');
    expect(forwarded.querySelector('[part~="answer"]')).to.equal(null);
    expect(ai.querySelector('[part~="question"] .meta')!.textContent).not.to.contain('Sent');
    expect(part(el, 'typing')).to.equal(null);
  });

  it("labels a person's reply by its kind, and says so only from kind", async () => {
    const el = await nativeChat([turn(1)], { handoff: 'active' });
    set(el, {
      messages: page([
        turn(2, { id: 'agent-reply-1', kind: 'agent', question: null, answer: 'Hi, Sam here. I will look into it.' }),
        turn(3, { answer: 'A person from our team: (claimed by the answer text)' }),
      ]),
    });
    await el.updateComplete;
    const answers = [...root(el).querySelectorAll('[part~="answer"]')];
    expect(answers.at(-2)!.getAttribute('data-kind')).to.equal('agent');
    expect(answers.at(-2)!.querySelector('.meta')!.textContent).to.contain('A person from our team');
    expect(answers.at(-1)!.querySelector('.meta')!.textContent).to.contain('Assistant');
  });

  it('a failed request is said in words, ends the busy state, and can be asked again', async () => {
    const el = await offered();
    const asks = record<unknown>(el, 'sitegpt-request-human');
    offerButton(el).click();
    await el.updateComplete;
    expect(part(el, 'handoff-error'), 'nothing while asking').to.equal(null);
    set(el, { 'handoff-error': 'UPSTREAM_UNAVAILABLE' });
    await el.updateComplete;
    const alert = part(el, 'handoff-error')!;
    expect(alert.getAttribute('role')).to.equal('alert');
    expect(alert.textContent).to.equal('Our team could not be reached. The assistant cannot be reached right now.');
    expect(offerButton(el).getAttribute('aria-disabled')).to.equal('false');
    offerButton(el).click();
    await el.updateComplete;
    expect(asks).to.have.length(2);
    expect(part(el, 'handoff-error'), 'the new attempt hides the old failure').to.equal(null);
  });

  it('gives up after 30 s without an answer, in words, so the button never stays dead', async () => {
    const el = await offered();
    const setTimer = window.setTimeout;
    let giveUp: (() => void) | undefined;
    window.setTimeout = ((handler: () => void, ms?: number, ...rest: unknown[]) => {
      if (ms === 30_000) {
        giveUp = handler;
        return 0;
      }
      return setTimer(handler, ms, ...rest);
    }) as typeof window.setTimeout;
    try {
      offerButton(el).click();
    } finally {
      window.setTimeout = setTimer;
    }
    expect(giveUp, 'a 30 s timer').to.be.a('function');
    giveUp!();
    await el.updateComplete;
    expect(part(el, 'handoff-error')!.textContent).to.contain('Our team could not be reached.');
    expect(offerButton(el).getAttribute('aria-disabled')).to.equal('false');
  });

  it('another thread (a new conversation elsewhere) ends the busy state: the request was for the old one', async () => {
    const el = await offered();
    offerButton(el).click();
    set(el, { thread: THREAD_B, messages: page([turn(7, { threadId: THREAD_B })], { threadId: THREAD_B }), handoff: '' });
    await untilState(el, 'ready');
    expect(toolbarButton(el)!.getAttribute('aria-disabled')).to.equal('false');
    expect(part(el, 'handoff-error')).to.equal(null);
  });

  it('refuses a handoff value it does not know, naming the attribute', async () => {
    const el = await nativeChat([turn(1)]);
    const failed = oneEvent(el, 'sitegpt-error');
    set(el, { handoff: '<img src=x onerror=alert(1)>' });
    expect(((await failed) as CustomEvent).detail).to.deep.include({ code: 'INVALID_ATTRIBUTE', attribute: 'handoff' });
    expect(root(el).querySelector('img')).to.equal(null);
  });

  it("belongs to the member it was set for: the next member sees no banner and no busy state", async () => {
    const el = await offered();
    set(el, { handoff: 'active' });
    await el.updateComplete;
    expect(part(el, 'handoff-banner')).to.exist;
    set(el, { 'member-id': 'member-b', thread: THREAD_A, messages: page([turn(5)]) });
    await untilState(el, 'ready');
    expect(part(el, 'handoff-banner')).to.equal(null);
    toolbarButton(el)!.click();
    await el.updateComplete;
    expect(toolbarButton(el)!.getAttribute('aria-disabled'), 'member-b is asking').to.equal('true');
    set(el, { 'member-id': 'member-c', thread: THREAD_A, messages: page([turn(6)]) });
    await untilState(el, 'ready');
    expect(toolbarButton(el)!.getAttribute('aria-disabled')).to.equal('false');
    expect(toolbarButton(el)!.textContent!.trim()).to.equal('Talk to a person');
  });

  it('speaks German', async () => {
    const el = await offered({ lang: 'de' });
    expect(part(el, 'handoff-offer')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Brauchen Sie weitere Hilfe? Mit einer Person sprechen');
    set(el, { handoff: 'active' });
    await el.updateComplete;
    expect(part(el, 'handoff-banner')!.textContent).to.equal('Sie schreiben mit unserem Team. Eine Person antwortet hier.');
  });
});
