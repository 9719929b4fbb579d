// Issue 8, item 7: the script strategy runs SiteGPT's loader in an opaque-origin sandboxed
// frame by default, so a loader cannot reach the page that hosts the element.
import { expect } from '@open-wc/testing';
import {
  EMAIL,
  SIGNATURE,
  STANDIN_LOADER,
  STANDIN_RESUME,
  THREAD_A,
  chat,
  frame,
  loaderState,
  openedThread,
  pageState,
  set,
  untilState,
  type Chat,
} from './helpers.js';

declare global {
  interface Window {
    __pwned?: number;
  }
}

type Attempt = { value: string | null } | { error: string };
type Report = Record<string, Attempt>;

const HOSTILE_LOADER = `${location.origin}/test/element/fixtures/hostile-loader.js?bot={chatbotId}`;
const SECRET_COOKIE = 'page-secret=cookie-4711';
const SECRET_STORAGE = 'storage-4711';

/** Mounts the hostile loader for a signed-in member and resolves with what it reported. */
async function hostileReport(attributes: Record<string, string> = {}): Promise<{ el: Chat; report: Report }> {
  const el = await chat({ 'widget-strategy': 'script', 'loader-url': HOSTILE_LOADER, 'member-id': 'member-a', email: EMAIL, 'email-signature': SIGNATURE, ...attributes });
  const reported = new Promise<Report>((resolve) => {
    const listen = (event: MessageEvent) => {
      const data = event.data as { hostileLoader?: Report } | null;
      if (!data?.hostileLoader || event.source !== frame(el)?.contentWindow) return;
      window.removeEventListener('message', listen);
      resolve(data.hostileLoader);
    };
    window.addEventListener('message', listen);
  });
  set(el, { thread: THREAD_A });
  return { el, report: await reported };
}

describe('<sitegpt-member-chat> script strategy: loader isolation', () => {
  const hash = location.hash;
  beforeEach(() => {
    document.cookie = `${SECRET_COOKIE}; path=/`;
    localStorage.setItem('page-secret', SECRET_STORAGE);
  });
  afterEach(() => {
    document.cookie = 'page-secret=; path=/; max-age=0';
    localStorage.removeItem('page-secret');
    if (location.hash !== hash) history.replaceState(null, '', location.pathname + location.search + hash);
  });

  it('by default, a loader cannot read the page’s cookies, storage or element, nor navigate the top page', async () => {
    const { el, report } = await hostileReport();
    const seen = JSON.stringify(report);
    expect(seen).not.to.contain('cookie-4711');
    expect(seen).not.to.contain(SECRET_STORAGE);
    for (const name of ['pageCookie', 'ownCookie', 'pageStorage', 'ownStorage', 'elementEmail', 'elementSignature', 'topLocation', 'navigateTop']) {
      expect(report[name], name).to.have.property('error');
    }
    expect(report.frameElement).to.deep.equal({ value: null });
    expect(location.hash).to.equal(hash);
    const sandbox = frame(el)!.getAttribute('sandbox')!.split(/\s+/);
    expect(sandbox).to.include('allow-scripts');
    expect(sandbox).not.to.include('allow-same-origin');
    expect(sandbox).not.to.include('allow-top-navigation');
  });

  it('the stand-in loader works isolated: the member’s thread, verified identity and queued commands', async () => {
    const el = await chat({
      'widget-strategy': 'script',
      'loader-url': STANDIN_LOADER,
      'resume-command': STANDIN_RESUME,
      'widget-css': ':root{--chat-color:green}',
      'member-id': 'member-a',
      thread: THREAD_A,
      email: EMAIL,
      'email-signature': SIGNATURE,
    });
    await untilState(el, 'ready');
    expect(await openedThread(el)).to.equal(THREAD_A);
    expect(await loaderState(el)).to.deep.include({ threadId: THREAD_A, email: EMAIL, verified: true, open: true, css: ':root{--chat-color:green}' });
    expect((await pageState(el)).verified).to.equal('true');
  });

  it('loader-isolation="same-origin" is the explicit opt-in for a loader that needs the page’s rights, with a warning', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      const { report } = await hostileReport({ 'loader-isolation': 'same-origin' });
      // What isolation is for: unisolated, the same loader reads the page.
      expect(report.pageCookie).to.deep.equal({ value: document.cookie });
      expect(report.elementSignature).to.deep.equal({ value: SIGNATURE });
      expect(warnings.join('\n')).to.contain('loader-isolation="same-origin"').and.contain('cookies');
    } finally {
      console.warn = warn;
    }
  });

  it('hands attribute values to the loader frame as data: nothing can close the bridge script', async () => {
    const breakout = '</script><script>parent.__pwned=1</script><!--';
    // Unisolated, so an injected script could touch this page and be seen.
    const el = await chat({
      'widget-strategy': 'script',
      'loader-isolation': 'same-origin',
      'loader-url': STANDIN_LOADER,
      'resume-command': STANDIN_RESUME,
      'widget-css': breakout,
      'frame-css': `${breakout} body{margin:0}`,
      'widget-context': JSON.stringify([breakout, breakout]),
      'member-id': 'member-a',
      thread: THREAD_A,
    });
    await untilState(el, 'ready');
    const loader = await loaderState(el);
    expect(loader.css).to.equal(breakout);
    expect(loader.context).to.deep.equal([breakout, breakout]);
    expect(window.__pwned).to.equal(undefined);
  });

  it('refuses a loader-isolation other than sandboxed or same-origin', async () => {
    const el = await chat({ 'widget-strategy': 'script', 'loader-url': STANDIN_LOADER, 'member-id': 'member-a', 'loader-isolation': 'none' });
    expect(el.state).to.equal('error');
    expect(el.shadowRoot!.querySelector('[part="panel"]')!.getAttribute('data-attribute')).to.equal('loader-isolation');
  });
});
