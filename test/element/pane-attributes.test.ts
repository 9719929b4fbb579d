import { expect } from '@open-wc/testing';
import { THREAD_A, THREAD_B, chat, oneEvent, set, text, untilState } from './helpers.js';
import { MEMBER, nativeChat, page, record, turn, turnTexts } from './pane-helpers.js';

const VALID_PAGE = page([turn(1)]);

// For each JSON attribute: values over its size cap and values that are not what it takes.
const REFUSED: Record<string, string[]> = {
  messages: [
    page([turn(1, { answer: 'x'.repeat(200_000) }), turn(2, { answer: 'y'.repeat(200_000) }), turn(3, { answer: 'z'.repeat(200_000) })]),
    '{"threadId":',
    'null',
    '[]',
    JSON.stringify({ threadId: THREAD_A, turns: [], cursor: 0 }),
    page([turn(1, { id: 'short' })]),
    page([{ ...turn(1), kind: 'admin' as 'ai' }]),
    page([{ ...turn(1), sources: Array(11).fill('https://example.com/') }]),
    page(Array.from({ length: 101 }, (_, i) => turn(i))),
    page([{ ...turn(1), askedAt: -1 }]),
    '<img src=x onerror="window.__pwned=1">',
  ],
  'send-error': [
    JSON.stringify({ id: 'turn-0001-xx', code: 'INTERNAL', pad: 'x'.repeat(1100) }),
    '{"id":"turn-0001-xx"}',
    JSON.stringify({ id: 'no', code: 'INTERNAL' }),
    JSON.stringify({ id: 'turn-0001-xx', code: 'not a code' }),
    JSON.stringify({ id: 'turn-0001-xx', code: 'RATE_LIMITED', retryAfterMs: -5 }),
    JSON.stringify({ id: 'turn-0001-xx', code: 'RATE_LIMITED', retryAfterMs: 1.5 }),
    'RATE_LIMITED',
  ],
  starters: [
    JSON.stringify(['a', 'b', 'c', 'd', 'e', 'f', 'g']),
    JSON.stringify(['x'.repeat(121)]),
    JSON.stringify([1, 2]),
    '{"a":1}',
    '["unclosed"',
    JSON.stringify(['x'.repeat(4400)]),
  ],
  mode: ['Native', 'iframe', 'native ', ''],
};

describe('<sitegpt-member-chat mode="native"> attributes', () => {
  for (const [attribute, values] of Object.entries(REFUSED)) {
    it(`refuses an oversized or malformed ${attribute}: error view and sitegpt-error, never its value`, async () => {
      for (const value of values) {
        const el = await nativeChat([turn(1)]);
        const failed = oneEvent(el, 'sitegpt-error');
        set(el, { [attribute]: value });
        const { detail } = await failed;
        expect(detail, `${attribute}=${value.slice(0, 60)}`).to.deep.include({ code: 'INVALID_ATTRIBUTE', attribute });
        expect(el.state).to.equal('error');
        expect(text(el)).to.contain('This chat is not set up correctly.');
        expect(turnTexts(el)).to.deep.equal([]);
        expect(el.shadowRoot!.querySelectorAll('img, script').length).to.equal(0);
        el.remove();
      }
    });
  }

  it('accepts the largest values within the caps', async () => {
    const big = page(Array.from({ length: 100 }, (_, i) => turn(i, { answer: 'a'.repeat(5000) })));
    expect(big.length).to.be.within(500_000, 512 * 1024);
    const el = await nativeChat([], { starters: JSON.stringify(Array(6).fill('s'.repeat(120))) });
    set(el, { messages: big, 'send-error': JSON.stringify({ id: 'turn-0001-xx', code: 'RATE_LIMITED', retryAfterMs: 1000 }) });
    await el.updateComplete;
    expect(el.state).to.equal('ready');
    expect(turnTexts(el)).to.have.length(100);
  });

  it('is loading until the first page for the thread arrives, then ready, with sitegpt-ready once per thread', async () => {
    const el = await chat({ mode: 'native', 'member-id': MEMBER, thread: THREAD_A });
    const ready = record<{ threadId: string }>(el, 'sitegpt-ready');
    expect(el.state).to.equal('loading');
    expect(text(el)).to.contain('Loading your conversation');
    expect(el.shadowRoot!.querySelector('iframe')).to.equal(null);
    set(el, { messages: page([turn(1)], { threadId: THREAD_B }) });
    await el.updateComplete;
    expect(el.state, 'a page of another thread counts for nothing').to.equal('loading');
    set(el, { messages: VALID_PAGE });
    await untilState(el, 'ready');
    set(el, { messages: page([turn(2)]) });
    await el.updateComplete;
    expect(ready).to.deep.equal([{ threadId: THREAD_A }]);
    expect(turnTexts(el)).to.have.length(2);

    set(el, { thread: THREAD_B });
    await el.updateComplete;
    expect(el.state, 'a new thread starts empty').to.equal('loading');
    expect(turnTexts(el)).to.deep.equal([]);
    set(el, { messages: page([turn(3, { threadId: THREAD_B })], { threadId: THREAD_B }) });
    await untilState(el, 'ready');
    expect(turnTexts(el)).to.have.length(1);
    expect(turnTexts(el)[0]).to.contain('Answer 3');
    expect(ready).to.deep.equal([{ threadId: THREAD_A }, { threadId: THREAD_B }]);
  });

  it('shows an empty thread as ready, with words instead of turns', async () => {
    const el = await nativeChat([]);
    expect(el.state).to.equal('ready');
    expect(text(el)).to.contain('How can we help?');
  });

  it('takes a page set before the thread, and attributes set before the member, in any order', async () => {
    const el = await chat({ mode: 'native' });
    set(el, { messages: VALID_PAGE, thread: THREAD_A });
    await el.updateComplete;
    expect(el.state).to.equal('pending');
    set(el, { 'member-id': MEMBER });
    await untilState(el, 'ready');
    expect(turnTexts(el)).to.have.length(1);
  });

  it('clears messages and send-error with ""', async () => {
    const el = await nativeChat([turn(1)]);
    set(el, { messages: '', 'send-error': '' });
    await el.updateComplete;
    expect(el.state).to.equal('ready');
    expect(turnTexts(el)).to.have.length(1);
  });

  it('keeps widget mode as it was: no pane, the widget frame', async () => {
    const el = await chat({ 'member-id': MEMBER, thread: THREAD_A, messages: VALID_PAGE });
    await untilState(el, 'ready');
    expect(el.shadowRoot!.querySelector('iframe')).to.exist;
    expect(el.shadowRoot!.querySelector('[part~="pane"]')).to.equal(null);
  });
});
