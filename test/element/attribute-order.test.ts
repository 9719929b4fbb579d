import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { permutations } from './permutations.js';
import { CHATBOT, STANDIN_URL, THREAD_A, type Chat } from './helpers.js';

// widget-url is an editor setting present from the start (else the first mount would try
// the real SiteGPT host); the others arrive from page code and the editor in any order.
const attributes: [string, string][] = [
  ['chatbot-id', CHATBOT],
  ['member-id', 'member-a'],
  ['thread', THREAD_A],
  ['lang', 'de'],
];


describe('<sitegpt-member-chat> attribute order after definition', () => {
  for (const spaced of [false, true]) {
    it(`opens the thread whatever order the attributes arrive in (${spaced ? 'one update each' : 'one batch'})`, async () => {
      const orders = permutations(attributes);
      const elements = await Promise.all(
        orders.map(async (order) => {
          const el = await fixture<Chat>(html`<sitegpt-member-chat widget-url=${STANDIN_URL}></sitegpt-member-chat>`);
          for (const [name, value] of order) {
            el.setAttribute(name, value);
            if (spaced) await el.updateComplete;
          }
          return el;
        })
      );
      await waitUntil(() => elements.every((el) => el.state === 'ready'), 'not every element got ready', { timeout: 8000 });
      for (const el of elements) {
        expect(new URL(el.shadowRoot!.querySelector('iframe')!.src).searchParams.get('tid')).to.equal(THREAD_A);
        expect(el.shadowRoot!.textContent).to.contain('Neue Unterhaltung');
      }
    });
  }
});
