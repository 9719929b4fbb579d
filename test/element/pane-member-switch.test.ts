import { expect } from '@open-wc/testing';
import { THREAD_A, THREAD_B, set, untilState } from './helpers.js';
import { composer, nativeChat, page, record, root, spoken, turn, turnTexts } from './pane-helpers.js';

const SECRET = 'Ada’s private question about her prescription';

/** Everything of the element a person or a script could read: its shadow DOM, as markup. */
function everything(el: Element): string {
  return el.shadowRoot!.innerHTML;
}

describe('<sitegpt-member-chat mode="native"> member switch', () => {
  it("removes every turn of the previous member from the DOM synchronously, and shows none to the next", async () => {
    const el = await nativeChat([turn(1, { question: SECRET, answer: 'Her answer' })]);
    set(el, { messages: page([turn(2, { answer: 'Fresh answer for Ada' })]) });
    await el.updateComplete;
    composer(el).value = 'Ada’s unsent draft';
    expect(everything(el)).to.contain(SECRET);
    expect(spoken(el)).to.contain('Fresh answer for Ada');

    set(el, { 'member-id': 'member-b' });
    // No await: gone before anything else runs.
    for (const gone of [SECRET, 'Her answer', 'Fresh answer for Ada']) expect(everything(el)).not.to.contain(gone);
    expect(el.shadowRoot!.querySelector('textarea')).to.equal(null);
    expect(spoken(el)).not.to.contain('Ada');

    set(el, { thread: THREAD_B });
    set(el, { messages: page([turn(3, { threadId: THREAD_B, question: 'Bob asks' })], { threadId: THREAD_B }) });
    await untilState(el, 'ready');
    expect(turnTexts(el)).to.have.length(1);
    expect(turnTexts(el)[0]).to.contain('Bob asks');
    expect(composer(el).value).to.equal('');
    for (const gone of [SECRET, 'Her answer', 'Ada’s unsent draft']) expect(everything(el)).not.to.contain(gone);
  });

  it('removes the turns at once on sign-out, and does not bring them back on the same page value', async () => {
    const el = await nativeChat([turn(1, { question: SECRET })]);
    set(el, { 'member-id': '' });
    expect(everything(el)).not.to.contain(SECRET);
    await el.updateComplete;
    expect(el.state).to.equal('signed-out');
    set(el, { 'member-id': 'member-b', thread: THREAD_A });
    await el.updateComplete;
    expect(el.state, "A's page still in the attribute is not B's").to.equal('loading');
    expect(everything(el)).not.to.contain(SECRET);
  });

  it("drops the previous member's failed sends, countdowns and reactions", async () => {
    const el = await nativeChat([turn(1)]);
    const sent = record<{ clientMessageId: string }>(el, 'sitegpt-send');
    composer(el).value = 'A question of A';
    composer(el).dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    set(el, { 'send-error': JSON.stringify({ id: sent[0].clientMessageId, code: 'RATE_LIMITED', retryAfterMs: 60_000 }) });
    await el.updateComplete;
    expect(root(el).querySelector('[part~="retry-send-button"]')).to.exist;
    set(el, { 'member-id': 'member-b' });
    set(el, { thread: THREAD_A, messages: page([turn(1)]) });
    await untilState(el, 'ready');
    expect(turnTexts(el)).to.have.length(1);
    expect(root(el).querySelector('[part~="retry-send-button"]')).to.equal(null);
    expect(everything(el)).not.to.contain('A question of A');
  });
});
