// Issue 8, item 10: *New conversation* asks first, shows that it is working, cannot be sent
// twice, and keeps the old chat when page code reports that starting a new one failed.
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { THREAD_A, THREAD_B, button, chat, frame, set, text, untilState, type Chat } from './helpers.js';

const CONFIRM = 'Start a new conversation? This one will be closed.';
const BUSY = 'Starting a new conversation…';
const FAILED = 'The new conversation could not be started.';

/** Every sitegpt-new-conversation the element fires, in order. */
function asked(el: Chat): string[] {
  const seen: string[] = [];
  el.addEventListener('sitegpt-new-conversation', (event) => seen.push(event.detail.threadId));
  return seen;
}

async function readyChat(): Promise<{ el: Chat; asks: string[] }> {
  const el = await chat({ 'member-id': 'member-a', thread: THREAD_A });
  await untilState(el, 'ready');
  return { el, asks: asked(el) };
}

function newButton(el: Chat): HTMLButtonElement {
  return button(el, 'new-conversation-button');
}

function alert(el: Chat): Element | null {
  return el.shadowRoot!.querySelector('[role="alert"]');
}

/** Confirms a new conversation the way a member does: the button, then *Start new*. */
async function startNew(el: Chat): Promise<void> {
  newButton(el).click();
  await el.updateComplete;
  button(el, 'confirm-button').click();
  await el.updateComplete;
}

describe('<sitegpt-member-chat> new conversation', () => {
  it('asks before leaving the conversation; Cancel keeps it and returns focus', async () => {
    const { el, asks } = await readyChat();
    newButton(el).click();
    await el.updateComplete;
    expect(text(el)).to.contain(CONFIRM);
    expect(el.shadowRoot!.activeElement).to.equal(button(el, 'confirm-button'));
    expect(button(el, 'confirm-button').textContent!.trim()).to.equal('Start new');
    button(el, 'cancel-button').click();
    await el.updateComplete;
    expect(text(el)).not.to.contain(CONFIRM);
    expect(el.shadowRoot!.activeElement).to.equal(newButton(el));
    expect(asks).to.deep.equal([]);
  });

  it('Escape cancels the confirmation and returns focus to the button', async () => {
    const { el, asks } = await readyChat();
    newButton(el).focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(button(el, 'confirm-button'));
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(text(el)).not.to.contain(CONFIRM);
    expect(el.shadowRoot!.activeElement).to.equal(newButton(el));
    expect(asks).to.deep.equal([]);
  });

  it('Start new fires once, keeps the old chat, and shows a busy, disabled button', async () => {
    const { el, asks } = await readyChat();
    const old = frame(el);
    await startNew(el);
    expect(asks).to.deep.equal([THREAD_A]);
    expect(el.state).to.equal('ready');
    expect(frame(el)).to.equal(old);
    expect(text(el)).to.contain(BUSY);
    expect(newButton(el).disabled).to.be.true;
    expect(newButton(el).getAttribute('aria-busy')).to.equal('true');
    newButton(el).click();
    newButton(el).dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(asks).to.deep.equal([THREAD_A]);
    expect(el.shadowRoot!.querySelector('[part~="confirm-button"]')).to.equal(null);
  });

  it('is no longer busy once the new thread arrives, which loads as usual', async () => {
    const { el } = await readyChat();
    const old = frame(el);
    await startNew(el);
    set(el, { thread: THREAD_B });
    await waitUntil(() => frame(el) && frame(el) !== old, 'no new frame');
    await untilState(el, 'ready');
    expect(text(el)).not.to.contain(BUSY);
    expect(newButton(el).disabled).to.be.false;
    expect(newButton(el).getAttribute('aria-busy')).to.equal('false');
  });

  it('keeps the old chat when page code reports a failure, says so in words, and Try again asks again', async () => {
    const { el, asks } = await readyChat();
    const old = frame(el);
    await startNew(el);
    set(el, { notice: 'UPSTREAM_UNAVAILABLE' });
    await el.updateComplete;
    expect(el.state).to.equal('ready');
    expect(frame(el)).to.equal(old);
    expect(alert(el)!.textContent).to.contain(FAILED).and.contain('The assistant cannot be reached right now.');
    expect(text(el)).not.to.contain('UPSTREAM_UNAVAILABLE');
    expect(text(el)).not.to.contain(BUSY);
    expect(newButton(el).disabled).to.be.false;

    button(el, 'notice-retry-button').click();
    await el.updateComplete;
    expect(asks).to.deep.equal([THREAD_A, THREAD_A]);
    expect(alert(el)).to.equal(null);
    expect(newButton(el).disabled).to.be.true;

    set(el, { notice: 'RATE_LIMITED' });
    await el.updateComplete;
    expect(alert(el)!.textContent).to.contain('There are too many requests right now.');
    button(el, 'dismiss-button').click();
    await el.updateComplete;
    expect(alert(el)).to.equal(null);
    set(el, { notice: '' });
    await el.updateComplete;
    expect(alert(el)).to.equal(null);
    set(el, { notice: 'INTERNAL' });
    await el.updateComplete;
    expect(alert(el)!.textContent).to.contain('Something went wrong.');
  });

  it('a notice for an error no retry fixes offers no Try again', async () => {
    const { el } = await readyChat();
    await startNew(el);
    set(el, { notice: 'MISCONFIGURED' });
    await el.updateComplete;
    expect(alert(el)!.textContent).to.contain('Please contact us if this continues.');
    expect(el.shadowRoot!.querySelector('[part~="notice-retry-button"]')).to.equal(null);
  });

  it('a notice left from before does not end the next busy state', async () => {
    const { el } = await readyChat();
    await startNew(el);
    set(el, { notice: 'RATE_LIMITED' });
    await el.updateComplete;
    button(el, 'dismiss-button').click();
    await el.updateComplete;
    await startNew(el);
    // Page code has not answered yet: the old notice is still set, but it is not this answer.
    expect(newButton(el).disabled).to.be.true;
    expect(alert(el)).to.equal(null);
  });

  it('is no longer busy when page code sets an error, or the member changes', async () => {
    const { el } = await readyChat();
    await startNew(el);
    set(el, { error: 'UPSTREAM_UNAVAILABLE' });
    await el.updateComplete;
    expect(el.state).to.equal('error');
    set(el, { error: '' });
    await untilState(el, 'ready');
    expect(newButton(el).disabled).to.be.false;

    await startNew(el);
    set(el, { 'member-id': 'member-b' });
    await el.updateComplete;
    set(el, { thread: THREAD_A });
    await untilState(el, 'ready');
    expect(newButton(el).disabled).to.be.false;
    expect(text(el)).not.to.contain(BUSY);
  });

  it('belongs to the member: a notice set for A is not shown to B', async () => {
    const { el } = await readyChat();
    set(el, { notice: 'INTERNAL' });
    await el.updateComplete;
    expect(alert(el)).not.to.equal(null);
    set(el, { 'member-id': 'member-b', thread: THREAD_B });
    await untilState(el, 'ready');
    expect(alert(el)).to.equal(null);
  });

  it('gives up after 30 s without an answer, with the same alert, so the button never stays dead', async () => {
    const { el, asks } = await readyChat();
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
      await startNew(el);
    } finally {
      window.setTimeout = setTimer;
    }
    expect(giveUp, 'a 30 s timer').to.be.a('function');
    giveUp!();
    await el.updateComplete;
    expect(alert(el)!.textContent).to.contain(FAILED).and.contain('The assistant cannot be reached right now.');
    expect(newButton(el).disabled).to.be.false;
    button(el, 'notice-retry-button').click();
    expect(asks).to.deep.equal([THREAD_A, THREAD_A]);
  });

  it('speaks German', async () => {
    const el = await chat({ 'member-id': 'member-a', thread: THREAD_A, lang: 'de' });
    await untilState(el, 'ready');
    newButton(el).click();
    await el.updateComplete;
    expect(text(el)).to.contain('Eine neue Unterhaltung beginnen? Diese wird geschlossen.');
    button(el, 'confirm-button').click();
    await el.updateComplete;
    expect(text(el)).to.contain('Neue Unterhaltung wird gestartet…');
  });
});
