import { expect } from '@open-wc/testing';
import { THREAD_A, chat, set, untilState } from './helpers.js';
import { MEMBER, page, record, turn, until } from './pane-helpers.js';

type Visibility = { visible: boolean };

/** Pretends the tab went to the background (or came back), as a browser reports it. */
function setHidden(hidden: boolean): void {
  Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
  document.dispatchEvent(new Event('visibilitychange'));
}

describe('<sitegpt-member-chat mode="native"> visibility', () => {
  afterEach(() => {
    delete (document as { hidden?: boolean }).hidden;
  });

  it('reports the pane visible once it is first shown, then every change of the tab or of the page', async () => {
    const el = await chat({ mode: 'native', 'member-id': MEMBER, thread: THREAD_A });
    const seen = record<Visibility>(el, 'sitegpt-visibility');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(seen, 'nothing before the pane shows').to.deep.equal([]);
    set(el, { messages: page([turn(1)]) });
    await untilState(el, 'ready');
    await until(() => seen.length === 1, 'no first sitegpt-visibility');
    expect(seen).to.deep.equal([{ visible: true }]);

    setHidden(true);
    setHidden(true);
    setHidden(false);
    expect(seen).to.deep.equal([{ visible: true }, { visible: false }, { visible: true }]);

    // Scrolled out of the page's view.
    el.style.marginTop = '5000px';
    await until(() => seen.length === 4, 'no report when scrolled out of view');
    expect(seen[3]).to.deep.equal({ visible: false });
    el.style.marginTop = '';
    await until(() => seen.length === 5, 'no report when back in view');
    expect(seen[4]).to.deep.equal({ visible: true });
  });

  it('reports nothing in widget mode until the widget is ready, then every change (page code re-checks the service only while visible)', async () => {
    const el = await chat({ 'member-id': MEMBER });
    const seen = record<Visibility>(el, 'sitegpt-visibility');
    await untilState(el, 'loading');
    setHidden(true);
    setHidden(false);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(seen, 'nothing while loading').to.deep.equal([]);
    set(el, { thread: THREAD_A });
    await untilState(el, 'ready');
    await until(() => seen.length === 1, 'no first sitegpt-visibility');
    setHidden(true);
    setHidden(false);
    expect(seen).to.deep.equal([{ visible: true }, { visible: false }, { visible: true }]);
  });

  it('reports the closed view visible, so page code can notice the chat reopening', async () => {
    const el = await chat({ mode: 'native', 'member-id': MEMBER, service: JSON.stringify({ mode: 'off', contactUrl: '/contact' }) });
    const seen = record<Visibility>(el, 'sitegpt-visibility');
    await untilState(el, 'closed');
    await until(() => seen.length === 1, 'no sitegpt-visibility for the closed view');
    expect(seen).to.deep.equal([{ visible: true }]);
  });
});
