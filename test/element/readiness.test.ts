// Issue 8, item 5: `ready` means the widget is known to have come alive, not merely that its
// frame fired `load` (which a 404, a 500, an X-Frame-Options refusal and a refused connection
// all do).
import { expect } from '@open-wc/testing';
import { STANDIN_LOADER, STANDIN_RESUME, THREAD_A, chat, frame, oneEvent, set, untilState, type Chat } from './helpers.js';

const DEAD_WIDGETS: Record<string, string> = {
  'a 404': `${location.origin}/dead/404?tid={thread}`,
  'a 500': `${location.origin}/dead/500?tid={thread}`,
  'X-Frame-Options: DENY': `${location.origin}/dead/xfo?tid={thread}`,
  'a refused connection': 'http://127.0.0.1:9/c/{chatbotId}?tid={thread}',
};
const SILENT_WIDGET = `${location.origin}/dead/silent?tid={thread}`;

/** Whichever the element reports first once the thread is set: `ready`, or the error's code. */
async function outcome(el: Chat): Promise<string> {
  const ready = oneEvent(el, 'sitegpt-ready').then(() => 'ready');
  const failed = oneEvent(el, 'sitegpt-error').then((event) => (event as CustomEvent<{ code: string }>).detail.code);
  set(el, { thread: THREAD_A });
  return Promise.race([ready, failed]);
}

describe('<sitegpt-member-chat> readiness', () => {
  for (const [answer, url] of Object.entries(DEAD_WIDGETS)) {
    it(`frame: a widget-url answering ${answer} is never ready: WIDGET_TIMEOUT`, async () => {
      const el = await chat({ 'widget-url': url, 'widget-timeout': '1000', 'member-id': 'member-a' });
      expect(await outcome(el)).to.equal('WIDGET_TIMEOUT');
      expect(el.state).to.equal('error');
      expect(frame(el)).to.equal(null);
    });
  }

  it('frame: a page that loads but never posts is not ready, and a message from elsewhere does not count', async () => {
    const el = await chat({ 'widget-url': SILENT_WIDGET, 'widget-timeout': '1000', 'member-id': 'member-a' });
    const result = outcome(el);
    await el.updateComplete;
    await new Promise((resolve) => frame(el)!.addEventListener('load', resolve, { once: true }));
    window.postMessage({ event: 'sitegpt_chat_opened' }, '*');
    expect(await result).to.equal('WIDGET_TIMEOUT');
  });

  it('frame: ready-on="load" reports ready once the frame loads, even for a page that never posts', async () => {
    const el = await chat({ 'widget-url': SILENT_WIDGET, 'ready-on': 'load', 'widget-timeout': '1000', 'member-id': 'member-a' });
    expect(await outcome(el)).to.equal('ready');
    expect(el.state).to.equal('ready');
  });

  it('frame: the stand-in is ready on its first message (chat_opened)', async () => {
    const el = await chat({ 'member-id': 'member-a' });
    expect(await outcome(el)).to.equal('ready');
  });

  it('script: a loader whose chat frame is an error page is never ready: WIDGET_TIMEOUT', async () => {
    const el = await chat({
      'widget-strategy': 'script',
      'loader-url': `${location.origin}/test/element/fixtures/dead-chat-loader.js?bot={chatbotId}`,
      'widget-timeout': '1000',
      'member-id': 'member-a',
    });
    expect(await outcome(el)).to.equal('WIDGET_TIMEOUT');
    expect(el.state).to.equal('error');
  });

  it("script: ready-on=\"load\" reports ready once the loader's chat frame loads, even an error page", async () => {
    const el = await chat({
      'widget-strategy': 'script',
      'ready-on': 'load',
      'loader-url': `${location.origin}/test/element/fixtures/dead-chat-loader.js?bot={chatbotId}`,
      'widget-timeout': '1000',
      'member-id': 'member-a',
    });
    expect(await outcome(el)).to.equal('ready');
  });

  it("script: ready once the loader's chat frame posts its first message", async () => {
    const el = await chat({ 'widget-strategy': 'script', 'loader-url': STANDIN_LOADER, 'resume-command': STANDIN_RESUME, 'member-id': 'member-a' });
    expect(await outcome(el)).to.equal('ready');
    await untilState(el, 'ready');
  });

  it('refuses a ready-on other than message or load', async () => {
    const el = await chat({ 'member-id': 'member-a', thread: THREAD_A });
    const failed = oneEvent(el, 'sitegpt-error');
    set(el, { 'ready-on': 'visible' });
    expect((await failed).detail).to.deep.include({ code: 'INVALID_ATTRIBUTE', attribute: 'ready-on' });
  });
});
