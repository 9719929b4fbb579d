// The handoff's states pass axe in English and German: offered, asking, handed off (a person's
// reply and a question on its way), a failed request.
import { expect } from '@open-wc/testing';
import { set, type Chat } from './helpers.js';
import { nativeChat, root, turn, typeAndSend } from './pane-helpers.js';

const offerButton = (el: Chat) => root(el).querySelector<HTMLButtonElement>('[part~="handoff-offer"] [part~="handoff-button"]')!;

/** Two answers the member could not use, and page code's `handoff="offer"`. */
async function offered(attributes: Record<string, string> = {}): Promise<Chat> {
  const el = await nativeChat([turn(1, { sources: [] }), turn(2, { sources: [] })], attributes);
  set(el, { handoff: 'offer' });
  await el.updateComplete;
  return el;
}

describe('<sitegpt-member-chat mode="native"> handoff: axe', () => {
  for (const lang of ['en', 'de']) {
    it(`offered and asking (${lang})`, async () => {
      const el = await offered({ lang });
      await expect(el).to.be.accessible();
      offerButton(el).click();
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });
    it(`handed off, with a person's reply and a question on its way (${lang})`, async () => {
      const forwarded = turn(2, { kind: 'agent', question: 'Is anyone there?', answer: null });
      const reply = turn(3, { id: 'agent-reply-3', kind: 'agent', question: null, answer: 'Sam here.' });
      const el = await nativeChat([turn(1), forwarded, reply], { lang, handoff: 'active' });
      await typeAndSend(el, 'Thanks, Sam');
      await expect(el).to.be.accessible();
    });
    it(`a failed request (${lang})`, async () => {
      const el = await offered({ lang, 'handoff-error': 'RATE_LIMITED' });
      await expect(el).to.be.accessible();
    });
  }
});
