// Issue 8, item 8: a widget on the page's own origin, with allow-scripts and allow-same-origin,
// could remove its own sandbox, so such a widget-url (or loader-url) is refused. Loopback hosts
// are exempt: the sandbox and these tests serve the stand-in there, and a Wix page never is.
// The test page itself is on loopback, so the refusal is shown on the pure functions, with an
// explicit page origin.
import { expect } from '@open-wc/testing';
import { parseAttributes } from '../../element/src/attributes.js';
import { deriveView } from '../../element/src/chat-state.js';
import { isOwnNonLoopbackOrigin } from '../../element/src/widget/url-template.js';
import { CHATBOT, THREAD_A } from './helpers.js';

const PAGE = 'https://members.example.com';

function viewOn(pageOrigin: string, attributes: Record<string, string>) {
  const all: Record<string, string> = { 'chatbot-id': CHATBOT, 'member-id': 'member-a', thread: THREAD_A, ...attributes };
  return deriveView({
    parsed: parseAttributes((name) => all[name] ?? null),
    owns: () => true,
    graceOver: true,
    widget: () => 'none',
    pageOrigin,
  });
}

describe('a widget on the page’s own origin', () => {
  it('is recognised by origin: scheme, host and port', () => {
    expect(isOwnNonLoopbackOrigin(new URL('https://members.example.com/c/1'), PAGE)).to.be.true;
    expect(isOwnNonLoopbackOrigin(new URL('https://members.example.com:443/x?tid=1'), PAGE)).to.be.true;
    expect(isOwnNonLoopbackOrigin(new URL('https://widget.sitegpt.ai/c/1'), PAGE)).to.be.false;
    expect(isOwnNonLoopbackOrigin(new URL('https://members.example.com:8443/c/1'), PAGE)).to.be.false;
    expect(isOwnNonLoopbackOrigin(new URL('https://chat.members.example.com/c/1'), PAGE)).to.be.false;
  });

  it('is allowed on loopback, where the sandbox and the tests serve the stand-in', () => {
    expect(isOwnNonLoopbackOrigin(new URL('http://localhost:8787/sitegpt/c/1'), 'http://localhost:8787')).to.be.false;
    expect(isOwnNonLoopbackOrigin(new URL('http://127.0.0.1:8000/sitegpt/c/1'), 'http://127.0.0.1:8000')).to.be.false;
    expect(isOwnNonLoopbackOrigin(new URL('http://[::1]:8000/c/1'), 'http://[::1]:8000')).to.be.false;
  });

  it('frame: a widget-url on the page’s origin gives INVALID_ATTRIBUTE', () => {
    const view = viewOn(PAGE, { 'widget-url': `${PAGE}/chat/{chatbotId}?tid={thread}` });
    expect(view.state).to.equal('error');
    expect(view.error).to.deep.equal({ code: 'INVALID_ATTRIBUTE', attribute: 'widget-url' });
    expect(view.widget).to.equal(undefined);
  });

  it('script: a loader-url on the page’s origin gives INVALID_ATTRIBUTE', () => {
    const view = viewOn(PAGE, { 'widget-strategy': 'script', 'loader-url': `${PAGE}/widget/{chatbotId}.js` });
    expect(view.state).to.equal('error');
    expect(view.error).to.deep.equal({ code: 'INVALID_ATTRIBUTE', attribute: 'loader-url' });
  });

  it('another origin, or the default SiteGPT URL, is mounted', () => {
    expect(viewOn(PAGE, {}).widget?.url).to.equal(`https://widget.sitegpt.ai/c/${CHATBOT}?tid=${THREAD_A}`);
    expect(viewOn(PAGE, { 'widget-url': 'https://chat.members.example.com/c/{chatbotId}' }).state).to.equal('loading');
    expect(viewOn('http://localhost:8000', { 'widget-url': 'http://localhost:8000/sitegpt/c/{chatbotId}' }).state).to.equal('loading');
  });
});
