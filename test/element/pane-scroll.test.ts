import { expect } from '@open-wc/testing';
import { set, type Chat } from './helpers.js';
import { log, nativeChat, page, record, root, turn, until } from './pane-helpers.js';
import type { Turn } from '../../contract/turns.js';

const many = (from: number, count: number, fields: Partial<Turn> = {}) =>
  Array.from({ length: count }, (_, i) => turn(from + i, fields));

const atBottom = (el: Chat) => {
  const box = log(el);
  return box.scrollHeight - box.scrollTop - box.clientHeight < 2;
};

const jump = (el: Chat) => root(el).querySelector<HTMLButtonElement>('[part~="jump-button"]');

/** Scrolls the log as the member would, and lets the element see it. */
async function scrollTo(el: Chat, top: number): Promise<void> {
  log(el).scrollTop = top;
  await new Promise((resolve) => log(el).addEventListener('scroll', resolve, { once: true }));
  await el.updateComplete;
}

describe('<sitegpt-member-chat mode="native"> scrolling', () => {
  it('opens on the newest turn and stays there as turns arrive', async () => {
    const el = await nativeChat(many(100, 20));
    expect(log(el).scrollHeight).to.be.above(log(el).clientHeight * 2);
    expect(atBottom(el)).to.be.true;
    expect(jump(el)).to.equal(null);
    set(el, { messages: page([turn(200, { answer: 'The newest answer\n\nwith\n\nseveral\n\nparagraphs' })]) });
    await el.updateComplete;
    expect(atBottom(el)).to.be.true;
  });

  it('leaves the member where they scrolled, offers Jump to latest, and jumps', async () => {
    const el = await nativeChat(many(100, 20));
    await scrollTo(el, 100);
    expect(jump(el)!.textContent!.trim()).to.equal('Jump to latest');
    set(el, { messages: page([turn(200)]) });
    await el.updateComplete;
    expect(log(el).scrollTop).to.equal(100);
    jump(el)!.click();
    await el.updateComplete;
    expect(atBottom(el)).to.be.true;
    expect(jump(el)).to.equal(null);
    expect(el.shadowRoot!.activeElement).to.equal(log(el));
  });

  it('counts as at the bottom within 64 px', async () => {
    const el = await nativeChat(many(100, 20));
    const bottom = log(el).scrollHeight - log(el).clientHeight;
    await scrollTo(el, bottom - 40);
    expect(jump(el)).to.equal(null);
    await scrollTo(el, bottom - 120);
    expect(jump(el)).to.exist;
  });

  it('asks for older turns at the top, once per cursor, and keeps the member’s place when they arrive', async () => {
    const el = await nativeChat(many(100, 20), {}, 'cursor-1');
    const asked = record<{ before: string }>(el, 'sitegpt-load-older');
    await scrollTo(el, 0);
    await until(() => asked.length === 1, 'no sitegpt-load-older at the top');
    expect(asked[0]).to.deep.equal({ before: 'cursor-1' });
    expect(root(el).querySelector('.older')!.textContent!.trim()).to.equal('Loading earlier messages…');
    expect(root(el).querySelector('[part~="older-button"]')).to.equal(null);
    await scrollTo(el, 300);
    await scrollTo(el, 0);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(asked, 'the same cursor is asked for once').to.have.length(1);

    // A keyboard user on the thumbs of the top turn: never left on another turn's button.
    const thumb = [...root(el).querySelectorAll('[part~="turn"]')]
      .find((node) => node.textContent!.includes('Question 100'))!
      .querySelector<HTMLButtonElement>('[part~="vote-button"]')!;
    thumb.focus();
    const top = () =>
      [...root(el).querySelectorAll('[part~="turn"]')].find((node) => node.textContent!.includes('Question 100'))!.getBoundingClientRect().top;
    const before = top();
    set(el, { messages: page(many(80, 20), { older: 'cursor-2' }) });
    await el.updateComplete;
    expect(root(el).querySelectorAll('[part~="turn"]').length).to.equal(40);
    expect(Math.abs(top() - before), 'the member’s place moved').to.be.below(2);
    const focused = root(el).activeElement!;
    expect(focused.getAttribute('part')).to.equal('button vote-button');
    expect(focused.closest('[part~="turn"]')!.textContent).to.contain('Question 100');
    expect(root(el).querySelector('[part~="older-button"]')).to.exist;
    await scrollTo(el, 0);
    await until(() => asked.length === 2, 'no request for the next cursor');
    expect(asked[1]).to.deep.equal({ before: 'cursor-2' });
    set(el, { messages: page(many(60, 5), { older: null }) });
    await el.updateComplete;
    expect(root(el).querySelector('.older'), 'the start of the thread').to.equal(null);
  });

  it('asks through the Show earlier messages button too, once', async () => {
    const el = await nativeChat(many(100, 20), {}, 'cursor-9');
    const asked = record<{ before: string }>(el, 'sitegpt-load-older');
    const button = root(el).querySelector<HTMLButtonElement>('[part~="older-button"]')!;
    expect(button.textContent!.trim()).to.equal('Show earlier messages');
    button.click();
    button.click();
    await el.updateComplete;
    expect(asked).to.deep.equal([{ before: 'cursor-9' }]);
  });

  it('after a load that brought nothing (page code answered with the same cursor), the button may ask again, by hand only', async () => {
    const el = await nativeChat(many(100, 20), {}, 'cursor-9');
    const asked = record<{ before: string }>(el, 'sitegpt-load-older');
    root(el).querySelector<HTMLButtonElement>('[part~="older-button"]')!.click();
    await el.updateComplete;
    expect(root(el).querySelector('[part~="older-button"]'), 'loading, no button').to.equal(null);
    // Page code's answer to a failed load: the same cursor, no turns.
    set(el, { messages: page([], { older: 'cursor-9' }) });
    await el.updateComplete;
    const again = root(el).querySelector<HTMLButtonElement>('[part~="older-button"]');
    expect(again, 'the member can try again').to.exist;
    expect(root(el).textContent).not.to.contain('Loading earlier');
    await scrollTo(el, 0);
    await el.updateComplete;
    expect(asked, 'reaching the top does not retry by itself').to.have.length(1);
    again!.click();
    await el.updateComplete;
    expect(asked).to.deep.equal([{ before: 'cursor-9' }, { before: 'cursor-9' }]);
  });

  it('keeps loading while a short thread does not fill the pane, and stops at the start', async () => {
    const el = await nativeChat([], {}, null);
    el.style.height = '700px';
    const asked = record<{ before: string }>(el, 'sitegpt-load-older');
    set(el, { messages: page([turn(50)], { older: 'c-1' }) });
    await until(() => asked.length === 1, 'a short first page did not ask for more');
    set(el, { messages: page([turn(40)], { older: 'c-2' }) });
    await until(() => asked.length === 2, 'a still short thread did not ask for more');
    set(el, { messages: page([turn(30)], { older: null }) });
    await el.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(asked.map((a) => a.before)).to.deep.equal(['c-1', 'c-2']);
    expect(root(el).querySelector('.older')).to.equal(null);
  });
});
