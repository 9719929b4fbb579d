import { expect, waitUntil } from '@open-wc/testing';
import type { SitegptMemberChatEventMap } from '../../element/src/events.js';
import {
  EMAIL,
  SIGNATURE,
  STANDIN_LOADER,
  STANDIN_RESUME,
  STANDIN_URL,
  THREAD_A,
  THREAD_B,
  button,
  chat,
  freshThread,
  frame,
  loaderState,
  oneEvent,
  openedThread,
  pageState,
  sendInWidget,
  set,
  untilState,
  type Chat,
} from './helpers.js';

type Detail<K extends keyof SitegptMemberChatEventMap> = SitegptMemberChatEventMap[K]['detail'];

function record<K extends keyof SitegptMemberChatEventMap>(el: Chat, name: K): Detail<K>[] {
  const seen: Detail<K>[] = [];
  el.addEventListener(name, (event) => seen.push((event as CustomEvent<Detail<K>>).detail));
  return seen;
}

const scriptStrategy = { 'widget-strategy': 'script', 'loader-url': STANDIN_LOADER, 'resume-command': STANDIN_RESUME };

describe('<sitegpt-member-chat> widget', () => {
  it('frame: opens the stored thread with the verified identity', async () => {
    const el = await chat({ 'member-id': 'member-a', thread: THREAD_A, email: EMAIL, 'email-signature': SIGNATURE });
    await untilState(el, 'ready');
    expect(await openedThread(el)).to.equal(THREAD_A);
    const page = await pageState(el);
    expect(page.userEmail).to.equal(EMAIL);
    expect(page.verified).to.equal('true');
    const iframe = frame(el)!;
    expect(iframe.title).to.equal('Chat with our assistant');
    expect(iframe.getAttribute('part')).to.equal('frame');
    expect(iframe.getAttribute('sandbox')).not.to.contain('allow-top-navigation');
  });

  it('script: runs the loader with the $sitegpt queue and opens the stored thread', async () => {
    const el = await chat({ ...scriptStrategy, 'member-id': 'member-a', thread: THREAD_A, email: EMAIL, 'email-signature': SIGNATURE, 'widget-context': '["Member chat.",""]' });
    await untilState(el, 'ready');
    expect(await openedThread(el)).to.equal(THREAD_A);
    const loader = await loaderState(el);
    expect(loader).to.deep.include({ threadId: THREAD_A, email: EMAIL, verified: true, open: true });
    expect(loader.context).to.deep.equal(['Member chat.', '']);
    expect((await pageState(el)).verified).to.equal('true');
  });

  it('script: without a resume command it signs the member in, warns, and reports the thread it chose', async () => {
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      const el = await chat({ 'widget-strategy': 'script', 'loader-url': STANDIN_LOADER, 'member-id': 'member-a', thread: THREAD_A, email: EMAIL, 'email-signature': SIGNATURE });
      await untilState(el, 'ready');
      expect(warnings.join('\n')).to.contain('not pinned to the stored thread');
      const own = await openedThread(el);
      expect(own).not.to.equal(THREAD_A);
      const mismatch = oneEvent(el, 'sitegpt-thread-mismatch');
      await sendInWidget(el, 'hello');
      expect((await mismatch).detail).to.deep.equal({ expected: THREAD_A, actual: own });
    } finally {
      console.warn = warn;
    }
  });

  for (const [strategy, extra] of [['frame', {}], ['script', scriptStrategy]] as const) {
    it(`${strategy}: re-emits the widget's events with their threadId`, async () => {
      const thread = freshThread();
      const el = await chat({ ...extra, 'member-id': 'member-a', thread });
      const events = record(el, 'sitegpt-widget-event');
      const mismatches = record(el, 'sitegpt-thread-mismatch');
      await untilState(el, 'ready');
      await openedThread(el);
      await sendInWidget(el, 'Where is my order?');
      await waitUntil(() => events.some((e) => e.name === 'message_sent'), 'no message_sent');
      expect(events).to.deep.include({ name: 'chat_opened' });
      expect(events).to.deep.include({ name: 'conversation_started', threadId: thread });
      expect(events).to.deep.include({ name: 'message_sent', threadId: thread });
      expect(mismatches).to.deep.equal([]);
    });
  }

  it('fires sitegpt-thread-mismatch when the widget reports another thread', async () => {
    const el = await chat({ 'widget-url': `${STANDIN_URL}&standin_emit=conversation_started:${THREAD_B}`, 'member-id': 'member-a', thread: THREAD_A });
    const mismatch = await oneEvent(el, 'sitegpt-thread-mismatch');
    expect(mismatch.detail).to.deep.equal({ expected: THREAD_A, actual: THREAD_B });
  });

  it('ignores malformed and unknown widget messages, and messages from anyone but its frame', async () => {
    const el = await chat({ 'widget-url': `${location.origin}/test/element/fixtures/noisy-widget.html?tid={thread}`, 'member-id': 'member-a' });
    const events = record(el, 'sitegpt-widget-event');
    const mismatches = record(el, 'sitegpt-thread-mismatch');
    window.postMessage({ event: 'sitegpt_message_sent', threadId: THREAD_B }, '*');
    set(el, { thread: THREAD_A });
    await waitUntil(() => events.length > 0, 'the valid event never arrived');
    window.postMessage({ event: 'sitegpt_message_sent', threadId: THREAD_B }, '*');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(events).to.deep.equal([{ name: 'lead_submitted', threadId: THREAD_A }]);
    expect(mismatches).to.deep.equal([]);
  });

  it('frame: a widget that does not load shows WIDGET_TIMEOUT, and retry loads it', async () => {
    const el = await chat({ 'widget-url': `${STANDIN_URL}&standin_hang_once=frame-${Date.now()}`, 'widget-timeout': '1000', 'member-id': 'member-a', thread: THREAD_A });
    const failed = await oneEvent(el, 'sitegpt-error');
    expect(failed.detail).to.deep.equal({ code: 'WIDGET_TIMEOUT', message: 'The chat took too long to load.' });
    expect(el.state).to.equal('error');
    expect(frame(el)).to.equal(null);
    const retried = oneEvent(el, 'sitegpt-retry');
    button(el, 'retry-button').click();
    expect((await retried).detail).to.deep.equal({ code: 'WIDGET_TIMEOUT' });
    await untilState(el, 'ready');
    expect(await openedThread(el)).to.equal(THREAD_A);
  });

  it('script: a loader that never arrives shows WIDGET_TIMEOUT', async () => {
    const el = await chat({ ...scriptStrategy, 'loader-url': `${STANDIN_LOADER}?standin_hang=1&standin_hang_ms=3000`, 'widget-timeout': '1000', 'member-id': 'member-a', thread: THREAD_A });
    const failed = await oneEvent(el, 'sitegpt-error');
    expect(failed.detail.code).to.equal('WIDGET_TIMEOUT');
    expect(el.shadowRoot!.querySelectorAll('iframe').length).to.equal(0);
  });

  it('fills the box it is given', async () => {
    const el = await chat({ 'member-id': 'member-a', thread: THREAD_A });
    el.style.cssText = 'width: 420px; height: 560px';
    await untilState(el, 'ready');
    const box = el.getBoundingClientRect();
    const stage = el.shadowRoot!.querySelector('[part="widget"]')!.getBoundingClientRect();
    const iframe = frame(el)!.getBoundingClientRect();
    expect([box.width, box.height]).to.deep.equal([420, 560]);
    expect([iframe.width, iframe.height]).to.deep.equal([stage.width, stage.height]);
    expect(stage.width).to.equal(420);
    expect(stage.bottom).to.equal(box.bottom);
  });
});
