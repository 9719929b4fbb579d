// Proves the SiteGPT stand-in (test/fixtures/sitegpt-standin) that the element tests mount:
// served by web-test-runner's middleware at this page's origin under /sitegpt.
import { expect, waitUntil } from '@open-wc/testing';

interface WidgetEvent { event: string; chatbotId: string; threadId?: string }
interface StandinPage extends Window { standin: { threadId: string; chatbotId: string; send(text: string): Promise<void> } }
interface LoaderFrame extends Window {
  $sitegpt: unknown[] | { push(...commands: unknown[]): void };
  $sitegpt_standin: { threadId: string | null; email: string | null; verified: boolean; open: boolean;
    context: [string, string] | null; css: string | null };
  dataLayer: WidgetEvent[];
  console: Console;
}

const BOT = 'standin-test-bot';
const newThread = () => `t-${crypto.randomUUID()}`;
const frames: HTMLIFrameElement[] = [];
const received: { source: MessageEventSource | null; data: WidgetEvent }[] = [];
const record = (e: MessageEvent) => received.push({ source: e.source, data: e.data as WidgetEvent });

function openFrame(src = ''): HTMLIFrameElement {
  const frame = document.createElement('iframe');
  if (src) frame.src = src;
  document.body.append(frame);
  frames.push(frame);
  return frame;
}

/** Events posted to this window by the given frame, in order. */
const eventsFrom = (frame: HTMLIFrameElement) =>
  received.filter((r) => r.source === frame.contentWindow).map((r) => r.data);

async function chatPage(query: Record<string, string>): Promise<HTMLIFrameElement> {
  const frame = openFrame(`/sitegpt/c/${BOT}?${new URLSearchParams(query)}`);
  await waitUntil(() => frame.contentDocument?.documentElement.dataset.state, 'chat page did not finish loading');
  return frame;
}

const root = (frame: HTMLIFrameElement) => frame.contentDocument!.documentElement;

describe('SiteGPT stand-in', () => {
  beforeEach(() => window.addEventListener('message', record));
  afterEach(() => {
    window.removeEventListener('message', record);
    received.length = 0;
    frames.splice(0).forEach((f) => f.remove());
  });

  describe('chat page', () => {
    it('shows the thread and identity from the URL and reports chat_opened', async () => {
      const tid = newThread();
      const frame = await chatPage({ tid, user_email: 'ann@example.com', user_email_signature: 'abc123' });
      const { dataset } = root(frame);
      expect(dataset.thread).to.equal(tid);
      expect(dataset.chatbotId).to.equal(BOT);
      expect(dataset.userEmail).to.equal('ann@example.com');
      expect(dataset.verified).to.equal('true');
      expect(frame.contentDocument!.getElementById('thread-id')!.textContent).to.equal(tid);
      expect(frame.contentDocument!.querySelector('label[for=text]')).to.exist;
      await waitUntil(() => eventsFrom(frame).length === 1);
      expect(eventsFrom(frame)).to.deep.equal([{ event: 'sitegpt_chat_opened', chatbotId: BOT }]);
    });

    it('persists a sent message and reports conversation_started, then message_sent', async () => {
      const tid = newThread();
      const frame = await chatPage({ tid });
      await (frame.contentWindow as StandinPage).standin.send('Hello there');
      await waitUntil(() => eventsFrom(frame).length === 3); // postMessage is delivered as a task
      expect(eventsFrom(frame)).to.deep.equal([
        { event: 'sitegpt_chat_opened', chatbotId: BOT },
        { event: 'sitegpt_conversation_started', chatbotId: BOT, threadId: tid },
        { event: 'sitegpt_message_sent', chatbotId: BOT, threadId: tid },
      ]);

      await (frame.contentWindow as StandinPage).standin.send('Again');
      await waitUntil(() => eventsFrom(frame).length === 4);
      expect(eventsFrom(frame).slice(3)).to.deep.equal([{ event: 'sitegpt_message_sent', chatbotId: BOT, threadId: tid }]);

      frame.contentWindow!.location.reload();
      await waitUntil(() => root(frame)?.dataset.state === 'ready' && eventsFrom(frame).length === 5);
      const text = frame.contentDocument!.getElementById('messages')!.textContent;
      expect(text).to.contain('Hello there').and.contain('Stand-in answer to: Again');
    });

    it('starts a thread of its own when the URL has no tid', async () => {
      const frame = await chatPage({});
      expect(root(frame).dataset.threadSource).to.equal('browser');
      expect(root(frame).dataset.thread).to.match(/^[A-Za-z0-9_-]+$/);
      await (frame.contentWindow as StandinPage).standin.send('Where am I?');
      await waitUntil(() => eventsFrom(frame).some((e) => e.event === 'sitegpt_conversation_started'));
      const started = eventsFrom(frame).find((e) => e.event === 'sitegpt_conversation_started');
      expect(started!.threadId).to.equal(root(frame).dataset.thread);
    });

    it('emits the event asked for by standin_emit once on load', async () => {
      const frame = await chatPage({ tid: newThread(), standin_emit: 'conversation_started:other-thread' });
      await waitUntil(() => eventsFrom(frame).length === 2);
      expect(eventsFrom(frame)[1]).to.deep.equal(
        { event: 'sitegpt_conversation_started', chatbotId: BOT, threadId: 'other-thread' });
    });

    it('shows hostile query values as text, never as markup', async () => {
      const hostile = '<img src=x onerror="parent.__standinPwned=1">';
      const frame = await chatPage({ tid: newThread(), user_email: hostile });
      expect(root(frame).dataset.userEmail).to.equal(hostile);
      expect(frame.contentDocument!.getElementById('user')!.textContent).to.contain(hostile);
      expect(frame.contentDocument!.querySelector('img')).to.equal(null);

      const bad = await chatPage({ tid: hostile });
      expect(root(bad).dataset.state).to.equal('error');
      expect(bad.contentDocument!.getElementById('status')!.textContent).to.contain(hostile);
      expect(bad.contentDocument!.querySelector('img')).to.equal(null);
      expect((window as unknown as Record<string, unknown>).__standinPwned).to.equal(undefined);
    });

    it('answers 404 for an invalid chatbot ID and 400 for a bad message', async () => {
      expect((await fetch('/sitegpt/c/not_valid!')).status).to.equal(404);
      const api = `/sitegpt/c/${BOT}/threads/${newThread()}/messages`;
      expect((await fetch(api, { method: 'POST', body: '{' })).status).to.equal(400);
      expect((await fetch(api, { method: 'POST', body: JSON.stringify({ text: 'x'.repeat(2001) }) })).status).to.equal(400);
    });

    it('lets a page in an opaque origin call the messages API (CORS, preflight included)', async () => {
      const api = `/sitegpt/c/${BOT}/threads/${newThread()}/messages`;
      const preflight = await fetch(api, { method: 'OPTIONS' });
      expect(preflight.status).to.equal(204);
      expect(preflight.headers.get('access-control-allow-origin')).to.equal('*');
      expect(preflight.headers.get('access-control-allow-methods')).to.contain('POST');
      expect(preflight.headers.get('access-control-allow-headers')).to.contain('content-type');
      expect((await fetch(api)).headers.get('access-control-allow-origin')).to.equal('*');
    });

    it('answers inspect and send messages (test hook), also sandboxed in an opaque origin', async () => {
      const tid = newThread();
      const frame = document.createElement('iframe');
      frame.setAttribute('sandbox', 'allow-scripts');
      frame.src = `/sitegpt/c/${BOT}?tid=${tid}&user_email=ann@example.com`;
      document.body.append(frame);
      frames.push(frame);
      const answer = (kind: string) =>
        new Promise<{ standin: string; state?: Record<string, string> }>((resolve) => {
          const poll = setInterval(() => frame.contentWindow!.postMessage({ standin: 'inspect' }, '*'), 50);
          window.addEventListener('message', function listen(e) {
            if (e.source !== frame.contentWindow || e.data?.standin !== kind) return;
            clearInterval(poll);
            window.removeEventListener('message', listen);
            resolve(e.data);
          });
        });
      const page = await answer('page');
      expect(page.state).to.deep.include({ thread: tid, userEmail: 'ann@example.com', chatbotId: BOT });
      const sent = new Promise((resolve) => window.addEventListener('message', function listen(e) {
        if (e.source === frame.contentWindow && e.data?.standin === 'sent') resolve(e.data);
      }));
      frame.contentWindow!.postMessage({ standin: 'send', text: 'From an opaque origin' }, '*');
      expect(await sent).to.deep.equal({ standin: 'sent' });
      await waitUntil(() => eventsFrom(frame).some((e) => e.event === 'sitegpt_message_sent'));
      const stored = await (await fetch(`/sitegpt/c/${BOT}/threads/${tid}/messages`)).json();
      expect(JSON.stringify(stored)).to.contain('From an opaque origin');
    });

    it('hangs on standin_hang=1 until standin_hang_ms, then answers 504', async () => {
      const page = `/sitegpt/c/${BOT}?tid=${newThread()}&standin_hang=1`;
      const aborter = new AbortController();
      const hung = fetch(page, { signal: aborter.signal }).then(() => 'answered', () => 'aborted');
      const other = fetch(`/sitegpt/c/${BOT}`).then(() => 'other');
      expect(await Promise.race([hung, other])).to.equal('other');
      aborter.abort();
      expect(await hung).to.equal('aborted');
      expect((await fetch(`${page}&standin_hang_ms=20`)).status).to.equal(504);
    });
  });

  describe('loader', () => {
    /** An isolated about:blank frame with a queue, as the element's script mode builds it. */
    function loaderFrame(queue: unknown[], loaderQuery = ''): { frame: HTMLIFrameElement; win: LoaderFrame } {
      const frame = openFrame();
      const win = frame.contentWindow as LoaderFrame;
      win.$sitegpt = queue;
      win.dataLayer = [];
      const script = frame.contentDocument!.createElement('script');
      script.src = `/sitegpt/widget/${BOT}.js${loaderQuery}`;
      frame.contentDocument!.head.append(script);
      return { frame, win };
    }
    const chatFrame = (frame: HTMLIFrameElement) =>
      frame.contentDocument!.getElementById('sitegpt-bot-ui') as HTMLIFrameElement | null;

    it('runs the queue, mounts the chat on the thread and forwards its events', async () => {
      const tid = newThread();
      const { frame, win } = loaderFrame([
        ['set', 'user:email', ['ann@example.com', 'sig-1']],
        ['set', 'context', ['Be brief.', '']],
        ['set', 'css', ':root{--chat-color:green}'],
        ['set', 'thread:id', tid],
        ['open'],
      ]);
      await waitUntil(() => chatFrame(frame), 'loader did not mount the chat iframe');
      const chat = chatFrame(frame)!;
      expect(chat.title).to.equal('SiteGPT chat');
      expect(chat.hidden).to.equal(false);
      expect(frame.contentDocument!.getElementById('sitegpt-chat-icon')).to.exist;
      const url = new URL(chat.src);
      expect(url.pathname).to.equal(`/sitegpt/c/${BOT}`);
      expect(url.searchParams.get('tid')).to.equal(tid);
      expect(url.searchParams.get('user_email')).to.equal('ann@example.com');
      expect(url.searchParams.get('user_email_signature')).to.equal('sig-1');
      expect(win.$sitegpt_standin).to.include({ threadId: tid, email: 'ann@example.com', verified: true, open: true });
      expect(win.$sitegpt_standin.context).to.deep.equal(['Be brief.', '']);

      await waitUntil(() => win.dataLayer.length === 1, 'chat_opened was not forwarded');
      expect(win.dataLayer[0]).to.deep.equal({ event: 'sitegpt_chat_opened', chatbotId: BOT });
      const custom: CustomEvent[] = [];
      win.addEventListener('sitegpt_message_sent', (e) => custom.push(e as CustomEvent));
      await (chat.contentWindow as StandinPage).standin.send('Hi from the loader');
      await waitUntil(() => win.dataLayer.length === 3, 'message events were not forwarded');
      expect(win.dataLayer.slice(1)).to.deep.equal([
        { event: 'sitegpt_conversation_started', chatbotId: BOT, threadId: tid },
        { event: 'sitegpt_message_sent', chatbotId: BOT, threadId: tid },
      ]);
      expect(custom.map((e) => e.detail)).to.deep.equal([{ chatbotId: BOT, threadId: tid }]);
    });

    it('runs commands pushed after loading at once and ignores unknown ones', async () => {
      const { frame, win } = loaderFrame([]);
      await waitUntil(() => chatFrame(frame));
      expect(chatFrame(frame)!.hidden, 'closed until opened').to.equal(true);
      const push = (win.$sitegpt as { push(...c: unknown[]): void }).push;
      push(['toggle']);
      expect(win.$sitegpt_standin.open).to.equal(true);
      expect(chatFrame(frame)!.hidden).to.equal(false);
      const tid = newThread();
      push(['set', 'thread:id', tid]);
      expect(new URL(chatFrame(frame)!.src).searchParams.get('tid')).to.equal(tid);
      const warnings: unknown[][] = [];
      win.console.warn = (...args: unknown[]) => warnings.push(args);
      push(['do', 'something:unknown']);
      expect(warnings).to.have.length(1);
    });

    it('reports its command state to a page that asks (test hook)', async () => {
      const tid = newThread();
      const { frame } = loaderFrame([['set', 'thread:id', tid], ['open']]);
      await waitUntil(() => chatFrame(frame));
      const reply = new Promise<{ state: Record<string, unknown> }>((resolve) => window.addEventListener('message', function listen(e) {
        if (e.source === frame.contentWindow && e.data?.standin === 'loader') resolve(e.data);
      }));
      frame.contentWindow!.postMessage({ standin: 'inspect' }, '*');
      expect((await reply).state).to.deep.include({ chatbotId: BOT, threadId: tid, open: true });
    });

    it('passes standin_* test hooks on its own URL to the chat page', async () => {
      const { frame, win } = loaderFrame([['set', 'thread:id', 'expected-thread']], '?standin_emit=message_sent:other');
      await waitUntil(() => win.dataLayer.some((e) => e.event === 'sitegpt_message_sent'));
      expect(new URL(chatFrame(frame)!.src).searchParams.get('tid')).to.equal('expected-thread');
      expect(win.dataLayer.find((e) => e.event === 'sitegpt_message_sent')?.threadId).to.equal('other');
    });
  });
});
