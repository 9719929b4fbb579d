// Issue 14: *Delete my chat* in native mode: the same menu above the pane; once page code sets the
// member's fresh thread and its empty page, none of the deleted turns stays in the DOM and the
// pane offers its starters again. Every step passes axe in both modes and both languages.
import { expect } from '@open-wc/testing';
import { THREAD_A, THREAD_B, chat, set, text, untilState, type Chat } from './helpers.js';
import { BUSY, CONFIRM, DELETED, confirmDelete, fired, menuButton } from './delete-chat-helpers.js';
import { nativeChat, record, root, turn, turnTexts, typeAndSend } from './pane-helpers.js';

const STARTERS = JSON.stringify(['What are your opening hours?']);

/** Page code's answer to a deletion that went through: the fresh thread, then its empty page. */
function freshChat(el: Chat): void {
  set(el, { thread: THREAD_B, messages: JSON.stringify({ threadId: THREAD_B, turns: [], older: null, cursor: 0 }) });
}

describe('<sitegpt-member-chat mode="native"> delete my chat', () => {
  it('asks, fires once, and replaces the conversation with an empty one that offers its starters', async () => {
    const el = await nativeChat([turn(1, { question: 'My private question' }), turn(2)], { starters: STARTERS });
    const seen = fired(el);
    expect(turnTexts(el).join(' ')).to.contain('My private question');

    menuButton(el).click();
    await el.updateComplete;
    root(el).querySelector<HTMLButtonElement>('[part~="delete-chat-button"]')!.click();
    await el.updateComplete;
    expect(text(el)).to.contain(CONFIRM);
    root(el).querySelector<HTMLButtonElement>('[part~="confirm-button"]')!.click();
    await el.updateComplete;
    expect(seen).to.deep.equal({ deletes: [{}], news: [] });
    expect(text(el)).to.contain(BUSY);
    // Busy: the old conversation stays until page code answers.
    expect(turnTexts(el).join(' ')).to.contain('My private question');

    freshChat(el);
    await untilState(el, 'ready');
    expect(turnTexts(el)).to.deep.equal([]);
    expect(el.shadowRoot!.innerHTML).not.to.contain('My private question');
    expect(root(el).querySelector('[part~="starter-button"]')!.textContent).to.contain('What are your opening hours?');
    expect(text(el)).to.contain(DELETED);
  });

  it('stops saying the chat was deleted once the member writes in the fresh one', async () => {
    const el = await nativeChat([turn(1)]);
    const sends = record(el, 'sitegpt-send');
    await confirmDelete(el);
    freshChat(el);
    await untilState(el, 'ready');
    expect(text(el)).to.contain(DELETED);
    await typeAndSend(el, 'Hello again');
    expect(sends).to.have.length(1);
    expect(text(el)).not.to.contain(DELETED);
  });

  it('keeps the conversation under a notice in words when the deletion failed', async () => {
    const el = await nativeChat([turn(1, { question: 'Still here?' })]);
    await confirmDelete(el);
    set(el, { notice: 'RATE_LIMITED' });
    await el.updateComplete;
    expect(turnTexts(el).join(' ')).to.contain('Still here?');
    expect(root(el).querySelector('[role="alert"]')!.textContent).to.contain('Your chat could not be deleted.');
  });
});

describe('<sitegpt-member-chat> delete my chat: axe', () => {
  for (const mode of ['widget', 'native'] as const) {
    for (const lang of ['en', 'de']) {
      it(`menu open, confirmation, busy, deleted and failed (${mode}, ${lang})`, async () => {
        const el =
          mode === 'native'
            ? await nativeChat([turn(1)], { lang })
            : await chat({ 'member-id': 'member-a', thread: THREAD_A, lang });
        await untilState(el, 'ready');
        menuButton(el).click();
        await el.updateComplete;
        await expect(el).to.be.accessible();
        root(el).querySelector<HTMLButtonElement>('[part~="delete-chat-button"]')!.click();
        await el.updateComplete;
        await expect(el).to.be.accessible();
        root(el).querySelector<HTMLButtonElement>('[part~="confirm-button"]')!.click();
        await el.updateComplete;
        await expect(el).to.be.accessible();
        set(el, { notice: 'UPSTREAM_UNAVAILABLE' });
        await el.updateComplete;
        await expect(el).to.be.accessible();
        await confirmDelete(el);
        if (mode === 'native') freshChat(el);
        else set(el, { thread: THREAD_B });
        await untilState(el, 'ready');
        await expect(el).to.be.accessible();
      });
    }
  }
});
