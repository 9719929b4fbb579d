import { expect, waitUntil } from '@open-wc/testing';
import { permutations } from './permutations.js';
import type { SitegptMemberChatElement } from '../../element/src/sitegpt-member-chat.js';

const CHATBOT = '361628903185318481';
const THREAD = 'aaaaaaaa-1111-4111-8111-aaaaaaaaaaaa';
const attributes: [string, string][] = [
  ['chatbot-id', CHATBOT],
  ['member-id', 'member-a'],
  ['thread', THREAD],
  ['widget-url', `${location.origin}/sitegpt/c/{chatbotId}?tid={thread}`],
];


describe('defining <sitegpt-member-chat>', () => {
  it('applies attributes set before the script loads, in every order', async () => {
    expect(customElements.get('sitegpt-member-chat')).to.equal(undefined);
    const elements = permutations(attributes).map((order) => {
      const el = document.createElement('sitegpt-member-chat');
      for (const [name, value] of order) el.setAttribute(name, value);
      document.body.append(el);
      return el as SitegptMemberChatElement;
    });
    await import('../../element/src/sitegpt-member-chat.define.js');
    expect(elements.length).to.equal(24);
    await waitUntil(() => elements.every((el) => el.state === 'ready'), 'not every element got ready', { timeout: 8000 });
    for (const el of elements) {
      expect(new URL(el.shadowRoot!.querySelector('iframe')!.src).searchParams.get('tid')).to.equal(THREAD);
      el.remove();
    }
  });

  it('does not throw when the script is loaded a second time', async () => {
    const first = customElements.get('sitegpt-member-chat');
    // @ts-expect-error a second copy of the module, as when Wix loads the script twice
    await import('../../element/src/sitegpt-member-chat.define.js?copy=2');
    expect(customElements.get('sitegpt-member-chat')).to.equal(first);
    expect(document.createElement('sitegpt-member-chat')).to.be.instanceOf(first!);
  });
});
