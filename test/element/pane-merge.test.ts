import { expect } from '@open-wc/testing';
import { THREAD_A, THREAD_B, set, untilState, chat } from './helpers.js';
import { MEMBER, nativeChat, page, record, turn, turnTexts } from './pane-helpers.js';

describe('<sitegpt-member-chat mode="native"> merging pages', () => {
  it('merges by id, the higher rev winning, and sorts by askedAt then id', async () => {
    const a = turn(5, { answer: 'old copy', rev: 100 });
    const b = turn(1);
    const el = await nativeChat([a, b]);
    expect(turnTexts(el).map((t) => t.includes('Question 1'))).to.deep.equal([true, false]);

    set(el, { messages: page([{ ...a, answer: 'new copy', rev: 200 }]) });
    await el.updateComplete;
    expect(turnTexts(el)[1]).to.contain('new copy');

    // A late, lower copy changes nothing; nor does a repeat of the same rev.
    set(el, { messages: page([{ ...a, answer: 'stale copy', rev: 150 }]) });
    await el.updateComplete;
    expect(turnTexts(el)[1]).to.contain('new copy');
    set(el, { messages: page([{ ...a, answer: 'same rev, other text', rev: 200 }]) });
    await el.updateComplete;
    expect(turnTexts(el)).to.have.length(2);
    expect(turnTexts(el)[1]).to.contain('new copy');

    // Same askedAt: by id.
    const c = turn(3, { id: 'zzzzzzzz-same', answer: 'second at 3' });
    const d = turn(3, { id: 'aaaaaaaa-same', answer: 'first at 3' });
    set(el, { messages: page([c, d]) });
    await el.updateComplete;
    const answers = turnTexts(el).map((t) => t.match(/Answer \d|new copy|(first|second) at 3/)![0]);
    expect(answers).to.deep.equal(['Answer 1', 'first at 3', 'second at 3', 'new copy']);
  });

  it('counts two pages set in a row before a render, not only the last', async () => {
    const el = await nativeChat([turn(1)]);
    set(el, { messages: page([turn(2)]) });
    set(el, { messages: page([turn(3)]) });
    await el.updateComplete;
    expect(turnTexts(el)).to.have.length(3);
  });

  it('ignores a page of another thread and turns of another thread inside a page', async () => {
    const el = await nativeChat([turn(1)]);
    set(el, { messages: page([turn(2, { threadId: THREAD_B })], { threadId: THREAD_B }) });
    set(el, { messages: page([turn(3), turn(4, { threadId: THREAD_B })]) });
    await el.updateComplete;
    expect(turnTexts(el).map((t) => t.match(/Answer \d/)![0])).to.deep.equal(['Answer 1', 'Answer 3']);
  });

  it('lets a page of changes neither move nor end the cursor of older turns', async () => {
    const el = await nativeChat([turn(10), turn(11)], {}, 'cursor-1');
    const asked = record<{ before: string }>(el, 'sitegpt-load-older');
    // A send's result or "what changed since", whatever its own `older` says.
    set(el, { messages: page([turn(12)], { older: null }) });
    set(el, { messages: page([turn(11, { id: JSON.parse(page([turn(11)])).turns[0].id })], { older: 'bogus' }) });
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="older-button"]')!.click();
    expect(asked).to.deep.equal([{ before: 'cursor-1' }]);
    // A page of older turns does move it; `null` there means the start of the thread.
    set(el, { messages: page([turn(8), turn(9)], { older: null }) });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part~="older-button"]')).to.equal(null);
    expect(turnTexts(el)).to.have.length(6);
  });

  it('keeps a page set for member A out of the pane of member B', async () => {
    const el = await chat({ mode: 'native', 'member-id': MEMBER, thread: THREAD_A, messages: page([turn(1)]) });
    await untilState(el, 'ready');
    set(el, { 'member-id': 'member-b' });
    set(el, { thread: THREAD_A });
    await el.updateComplete;
    expect(el.state, "A's page is not B's").to.equal('loading');
    set(el, { messages: page([]) });
    await untilState(el, 'ready');
    expect(turnTexts(el)).to.deep.equal([]);
  });
});
