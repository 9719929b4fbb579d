import { expect } from '@open-wc/testing';
import { set } from './helpers.js';
import { nativeChat, page, record, root, turn } from './pane-helpers.js';
import type { Chat } from './helpers.js';

type Reacted = { messageId: string; reaction: string };

function thumbs(el: Chat, index = 0): { up: HTMLButtonElement; down: HTMLButtonElement } {
  const answer = root(el).querySelectorAll('[part~="answer"]')[index];
  const [up, down] = answer.querySelectorAll<HTMLButtonElement>('[part~="vote-button"]');
  return { up, down };
}

const pressed = (button: HTMLButtonElement) => button.getAttribute('aria-pressed');

describe('<sitegpt-member-chat mode="native"> reactions', () => {
  it('toggles thumbs at once, fires sitegpt-react, and sends NEUTRAL for the pressed one', async () => {
    const answered = turn(1);
    const el = await nativeChat([answered]);
    const reacted = record<Reacted>(el, 'sitegpt-react');
    const { up, down } = thumbs(el);
    expect(up.getAttribute('aria-label')).to.equal('Helpful');
    expect(down.getAttribute('aria-label')).to.equal('Not helpful');
    expect([pressed(up), pressed(down)]).to.deep.equal(['false', 'false']);

    up.click();
    await el.updateComplete;
    expect([pressed(up), pressed(down)]).to.deep.equal(['true', 'false']);
    down.click();
    await el.updateComplete;
    expect([pressed(up), pressed(down)]).to.deep.equal(['false', 'true']);
    down.click();
    await el.updateComplete;
    expect([pressed(up), pressed(down)]).to.deep.equal(['false', 'false']);
    expect(reacted).to.deep.equal([
      { messageId: answered.id, reaction: 'POSITIVE' },
      { messageId: answered.id, reaction: 'NEGATIVE' },
      { messageId: answered.id, reaction: 'NEUTRAL' },
    ]);
  });

  it('keeps the member’s choice over an older copy, and follows the stored one once it arrives', async () => {
    const answered = turn(1);
    const el = await nativeChat([answered]);
    thumbs(el).up.click();
    // A copy from before the click (a repeat of the first page) does not undo the choice.
    set(el, { messages: page([answered]) });
    await el.updateComplete;
    expect(pressed(thumbs(el).up)).to.equal('true');
    // The stored reaction (a newer copy) is what shows from then on, here from another device.
    set(el, { messages: page([{ ...answered, reaction: 'NEGATIVE', rev: answered.rev + 10 }]) });
    await el.updateComplete;
    expect([pressed(thumbs(el).up), pressed(thumbs(el).down)]).to.deep.equal(['false', 'true']);
  });

  it('a pressed thumb looks pressed (colour and background differ from the other one)', async () => {
    const el = await nativeChat([turn(1)]);
    const { up, down } = thumbs(el);
    up.click();
    await el.updateComplete;
    const look = (button: HTMLButtonElement) => {
      const style = getComputedStyle(button);
      return `${style.color} ${style.backgroundColor}`;
    };
    expect(look(up)).not.to.equal(look(down));
  });

  it('offers thumbs only on answered AI turns', async () => {
    const el = await nativeChat([
      turn(1),
      turn(2, { kind: 'agent', question: null, answer: 'A person answers' }),
      turn(3, { kind: 'fallback', answer: 'Automatic' }),
      turn(4, { status: 'pending', answer: null }),
    ]);
    expect(root(el).querySelectorAll('[part~="vote-button"]').length).to.equal(2);
  });
});
