// Issue 14: *Delete my chat*, in the toolbar's small menu (widget mode here; the pane in
// delete-chat-native.test.ts). It asks in words first, fires `sitegpt-delete-chat {}` once,
// stays busy until page code answers, then shows the member's fresh chat and says the old one
// was deleted; a failure keeps the old chat under a notice in words.
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { BUSY, CONFIRM, DELETED, confirmDelete, fired, menuButton } from './delete-chat-helpers.js';
import { THREAD_A, THREAD_B, button, chat, frame, set, text, untilState, type Chat } from './helpers.js';

const FAILED = 'Your chat could not be deleted.';

function active(el: Chat): Element | null {
  return el.shadowRoot!.activeElement;
}

function alert(el: Chat): Element | null {
  return el.shadowRoot!.querySelector('[role="alert"]');
}

/** What the element's polite live region says. */
function spoken(el: Chat): string {
  return el.shadowRoot!.querySelector('[role="status"]')!.textContent!.trim();
}

async function readyChat(): Promise<{ el: Chat; seen: ReturnType<typeof fired> }> {
  const el = await chat({ 'member-id': 'member-a', thread: THREAD_A });
  await untilState(el, 'ready');
  return { el, seen: fired(el) };
}

describe('<sitegpt-member-chat> delete my chat (widget mode)', () => {
  it('keeps Delete my chat in a small menu that opens, closes on Escape and returns focus', async () => {
    const { el, seen } = await readyChat();
    expect(menuButton(el).getAttribute('aria-label')).to.equal('Chat options');
    expect(menuButton(el).getAttribute('aria-expanded')).to.equal('false');
    expect(el.shadowRoot!.querySelector('[part~="delete-chat-button"]')).to.equal(null);

    menuButton(el).focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(menuButton(el).getAttribute('aria-expanded')).to.equal('true');
    expect(button(el, 'delete-chat-button').textContent!.trim()).to.equal('Delete my chat');
    await waitUntil(() => active(el) === button(el, 'delete-chat-button'), 'focus moves into the menu');

    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part~="delete-chat-button"]')).to.equal(null);
    expect(menuButton(el).getAttribute('aria-expanded')).to.equal('false');
    await waitUntil(() => active(el) === menuButton(el), 'focus returns to the menu button');
    expect(seen.deletes).to.deep.equal([]);
  });

  it('closes the menu when focus leaves it', async () => {
    const { el } = await readyChat();
    menuButton(el).click();
    await el.updateComplete;
    await waitUntil(() => active(el) === button(el, 'delete-chat-button'), 'focus moves into the menu');
    button(el, 'new-conversation-button').focus();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part~="delete-chat-button"]')).to.equal(null);
  });

  it('asks in words before deleting; Cancel fires nothing and returns focus to the menu button', async () => {
    const { el, seen } = await readyChat();
    menuButton(el).click();
    await el.updateComplete;
    button(el, 'delete-chat-button').click();
    await el.updateComplete;
    expect(text(el)).to.contain(CONFIRM);
    await waitUntil(() => active(el) === button(el, 'confirm-button'), 'focus on Delete');
    expect(button(el, 'confirm-button').textContent!.trim()).to.equal('Delete');
    button(el, 'cancel-button').click();
    await el.updateComplete;
    expect(text(el)).not.to.contain(CONFIRM);
    await waitUntil(() => active(el) === menuButton(el), 'focus back on the menu button');
    expect(seen).to.deep.equal({ deletes: [], news: [] });

    // Escape cancels too.
    menuButton(el).click();
    await el.updateComplete;
    button(el, 'delete-chat-button').click();
    await el.updateComplete;
    await waitUntil(() => active(el) === button(el, 'confirm-button'), 'focus on Delete');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(text(el)).not.to.contain(CONFIRM);
    expect(seen.deletes).to.deep.equal([]);
  });

  it('Delete fires sitegpt-delete-chat {} once, keeps the old chat and is busy until page code answers', async () => {
    const { el, seen } = await readyChat();
    const old = frame(el);
    await confirmDelete(el);
    expect(seen).to.deep.equal({ deletes: [{}], news: [] });
    expect(el.state).to.equal('ready');
    expect(frame(el)).to.equal(old);
    expect(text(el)).to.contain(BUSY);
    expect(spoken(el)).to.equal(BUSY);
    expect(menuButton(el).disabled).to.be.true;
    expect(menuButton(el).getAttribute('aria-busy')).to.equal('true');
    expect(button(el, 'new-conversation-button').disabled).to.be.true;
    menuButton(el).dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    button(el, 'new-conversation-button').dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(seen).to.deep.equal({ deletes: [{}], news: [] });
  });

  it('shows the fresh chat page code sets, and says the old one was deleted until the member moves on', async () => {
    const { el } = await readyChat();
    const old = frame(el);
    await confirmDelete(el);
    set(el, { thread: THREAD_B });
    await waitUntil(() => frame(el) && frame(el) !== old, 'no widget on the fresh thread');
    await untilState(el, 'ready');
    expect(frame(el)!.src).to.contain(THREAD_B);
    expect(text(el)).not.to.contain(BUSY);
    expect(el.shadowRoot!.querySelector('[part~="deleted-text"]')!.textContent!.trim()).to.equal(DELETED);
    expect(spoken(el)).to.equal(DELETED);
    expect(menuButton(el).disabled).to.be.false;
    expect(menuButton(el).getAttribute('aria-busy')).to.equal('false');

    menuButton(el).click();
    await el.updateComplete;
    expect(text(el)).not.to.contain(DELETED);
  });

  it('keeps the old chat when page code reports a failure, says so in words, and Try again deletes again', async () => {
    const { el, seen } = await readyChat();
    const old = frame(el);
    await confirmDelete(el);
    set(el, { notice: 'UPSTREAM_UNAVAILABLE' });
    await el.updateComplete;
    expect(el.state).to.equal('ready');
    expect(frame(el)).to.equal(old);
    expect(alert(el)!.textContent).to.contain(FAILED).and.contain('The assistant cannot be reached right now.');
    expect(alert(el)!.textContent).not.to.contain('The new conversation could not be started.');
    expect(text(el)).not.to.contain('UPSTREAM_UNAVAILABLE');
    expect(text(el)).not.to.contain(DELETED);
    expect(menuButton(el).disabled).to.be.false;

    button(el, 'notice-retry-button').click();
    await el.updateComplete;
    expect(seen).to.deep.equal({ deletes: [{}, {}], news: [] });
    expect(alert(el)).to.equal(null);
    expect(text(el)).to.contain(BUSY);
  });

  it('a failed new conversation after a failed delete says which one failed', async () => {
    const { el } = await readyChat();
    await confirmDelete(el);
    set(el, { notice: 'RATE_LIMITED' });
    await el.updateComplete;
    button(el, 'dismiss-button').click();
    await el.updateComplete;
    button(el, 'new-conversation-button').click();
    await el.updateComplete;
    button(el, 'confirm-button').click();
    await el.updateComplete;
    set(el, { notice: 'INTERNAL' });
    await el.updateComplete;
    expect(alert(el)!.textContent).to.contain('The new conversation could not be started.').and.not.contain(FAILED);
  });

  it('is no longer busy when page code sets an error, or the member changes, and the next member sees no note', async () => {
    const { el } = await readyChat();
    await confirmDelete(el);
    set(el, { error: 'NOT_SIGNED_IN' });
    await el.updateComplete;
    expect(el.state).to.equal('error');
    set(el, { error: '' });
    await untilState(el, 'ready');
    expect(menuButton(el).disabled).to.be.false;
    expect(text(el)).not.to.contain(DELETED);

    await confirmDelete(el);
    set(el, { 'member-id': 'member-b' });
    await el.updateComplete;
    set(el, { thread: THREAD_B });
    await untilState(el, 'ready');
    expect(menuButton(el).disabled).to.be.false;
    expect(text(el)).not.to.contain(BUSY);
    expect(text(el)).not.to.contain(DELETED);
  });

  it('gives up after 30 s without an answer, in words, so the menu never stays dead', async () => {
    const { el, seen } = await readyChat();
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
      await confirmDelete(el);
    } finally {
      window.setTimeout = setTimer;
    }
    expect(giveUp, 'a 30 s timer').to.be.a('function');
    giveUp!();
    await el.updateComplete;
    expect(alert(el)!.textContent).to.contain(FAILED).and.contain('The assistant cannot be reached right now.');
    expect(menuButton(el).disabled).to.be.false;
    button(el, 'notice-retry-button').click();
    expect(seen.deletes).to.have.length(2);
  });

  it('speaks German', async () => {
    const el = await chat({ 'member-id': 'member-a', thread: THREAD_A, lang: 'de' });
    await untilState(el, 'ready');
    expect(menuButton(el).getAttribute('aria-label')).to.equal('Chat-Optionen');
    menuButton(el).click();
    await el.updateComplete;
    expect(button(el, 'delete-chat-button').textContent!.trim()).to.equal('Meinen Chat löschen');
    button(el, 'delete-chat-button').click();
    await el.updateComplete;
    expect(text(el)).to.contain('Ihren Chat löschen?');
    button(el, 'confirm-button').click();
    await el.updateComplete;
    expect(text(el)).to.contain('Ihr Chat wird gelöscht…');
  });

  it('takes its words from label-* attributes, as text', async () => {
    const el = await chat({
      'member-id': 'member-a',
      thread: THREAD_A,
      'label-delete-chat': '<img src=x onerror=alert(1)>Forget me',
      'label-confirm-delete-chat': 'Really forget?',
    });
    await untilState(el, 'ready');
    menuButton(el).click();
    await el.updateComplete;
    expect(button(el, 'delete-chat-button').textContent!.trim()).to.equal('<img src=x onerror=alert(1)>Forget me');
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    button(el, 'delete-chat-button').click();
    await el.updateComplete;
    expect(text(el)).to.contain('Really forget?');
  });
});
