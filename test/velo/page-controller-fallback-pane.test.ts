// Widget-mode page code while the operator's service is `fallback`: the element shows the pane
// (static replies through the backend) instead of SiteGPT's widget, and the widget again once the
// service is `on`. Also what page code sends and sets for the typed context: the page's path to
// getMemberChat, and the backend's context as `widget-context` for the widget it mounts.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ChatResult } from '../../contract/index.js';
import { connectMemberChat } from '../../velo/public/sitegpt-member-chat.js';
import { chatFor, chatWithHistory, flush, nativePage, turn, type NativeFakePage } from './support/fake-page.js';

const T_ADA = '11111111-1111-8111-8111-111111111111';
const T_ADA_2 = '22222222-2222-8222-8222-222222222222';
const FALLBACK = { mode: 'fallback', contactUrl: '/contact' } as const;
const CONTEXT: [string, string] = ['[Member context from the site: language de; page /pricing]\n', ''];

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
before(() => process.on('unhandledRejection', onUnhandled));
after(() => {
  process.off('unhandledRejection', onUnhandled);
  assert.deepEqual(unhandled, [], 'a promise rejection went unhandled');
});

type Page = NativeFakePage & { dispose(): void };

/** A widget-mode page as masterPage wires it (the pane's web methods too), Ada signed in. */
async function widgetPage(options: { pane?: boolean; pagePath?: () => unknown; mode?: 'widget' | 'native' } = {}): Promise<Page> {
  const p = nativePage({ member: 'member-ada' });
  p.deps = { ...p.deps, mode: options.mode ?? 'widget' };
  if (options.pane === false) p.deps = { ...p.deps, sendChatMessage: undefined, getChatMessages: undefined, rateAnswer: undefined };
  if (options.pagePath) p.deps.pagePath = options.pagePath as () => string;
  const connection = connectMemberChat(p.element, p.deps);
  await connection.ready;
  await flush();
  return { ...p, dispose: connection.dispose };
}

async function resolve(p: Page, n: number, result: Record<string, unknown>): Promise<void> {
  p.getMemberChat.call(n).resolve(result as ChatResult);
  await flush();
}

/** The service changed: the site-wide notice, and the answer to the call it causes. */
async function serviceNotice(p: Page): Promise<void> {
  if (p.realtime.serviceSubscriptions.some((s) => !s.ended)) p.realtime.acceptService();
  await flush();
  p.realtime.publishService({ v: 1, kind: 'service', rev: Date.now() });
}

describe('widget mode: the pane stands in for the widget while the service is fallback', () => {
  it('switches to the pane before the thread, with no email, and asks once more for the history', async () => {
    const p = await widgetPage();
    assert.deepEqual(p.getMemberChat.args, [undefined], 'widget mode asks without history');
    const mark = p.element.calls.length;
    await resolve(p, 0, { ...chatFor('member-ada', T_ADA, 'ada@example.com'), service: FALLBACK });
    const step = p.element.since(mark).map(([name]) => name);
    assert.ok(step.indexOf('mode') < step.indexOf('thread'), 'the element is native before it sees the thread: no widget mounts');
    assert.deepEqual(p.element.values('mode'), ['native']);
    assert.equal(p.element.effective().email, undefined, 'the pane needs no email');
    assert.equal(p.element.effective()['email-signature'], undefined);
    assert.deepEqual(p.getMemberChat.args[1], { history: true });
    const turns = [turn(T_ADA, 1, { kind: 'fallback', answer: 'We are open 9 to 5.' })];
    await resolve(p, 1, { ...chatWithHistory('member-ada', T_ADA, turns), service: FALLBACK });
    assert.deepEqual(p.element.paneIds(), ['turn-0001']);
    assert.equal(p.getMemberChat.count, 2, 'no third call');
  });

  it('in the pane, a question goes through sendChatMessage and its static reply shows', async () => {
    const p = await widgetPage();
    await resolve(p, 0, { ...chatFor('member-ada', T_ADA), service: FALLBACK });
    await resolve(p, 1, { ...chatWithHistory('member-ada', T_ADA), service: FALLBACK });
    const id = 'a1b2c3d4-0000-4000-8000-000000000001';
    p.element.fire('sitegpt-send', { clientMessageId: id, text: 'Opening hours?' });
    assert.deepEqual(p.sendChatMessage.args, [{ clientMessageId: id, text: 'Opening hours?' }]);
    p.sendChatMessage.call(0).resolve({ ok: true, threadId: T_ADA, turn: turn(T_ADA, 2, { id, kind: 'fallback', answer: 'We are open 9 to 5.' }) });
    await flush();
    assert.deepEqual(p.element.paneIds(), [id]);
  });

  it('on again: the widget comes back on the same thread with the identity, and the pane\'s values leave the DOM', async () => {
    const p = await widgetPage();
    await resolve(p, 0, { ...chatFor('member-ada', T_ADA), service: FALLBACK });
    await resolve(p, 1, { ...chatWithHistory('member-ada', T_ADA, [turn(T_ADA, 1)]), service: FALLBACK });
    await serviceNotice(p);
    assert.deepEqual(p.getMemberChat.args[2], { history: true });
    const mark = p.element.calls.length;
    await resolve(p, 2, chatWithHistory('member-ada', T_ADA, [turn(T_ADA, 1)]) as never);
    const step = p.element.since(mark);
    const names = step.map(([name]) => name);
    assert.deepEqual(p.element.values('mode'), ['native', 'widget']);
    assert.ok(names.indexOf('mode') < names.indexOf('thread'));
    assert.deepEqual(step.filter(([name]) => name === 'messages'), [['messages', '']], 'the turns leave the DOM, none come back');
    assert.equal(p.element.effective().thread, T_ADA);
    assert.equal(p.element.attributes.get('service'), '');
    // The pane is gone: its events do nothing now.
    p.element.fire('sitegpt-send', { clientMessageId: 'a1b2c3d4-0000-4000-8000-000000000002', text: 'still there?' });
    assert.equal(p.sendChatMessage.count, 0);
    await serviceNotice(p);
    assert.equal(p.getMemberChat.args.at(-1), undefined, 'the widget asks without history again');
  });

  it('the email comes back with the widget', async () => {
    const p = await widgetPage();
    await resolve(p, 0, { ...chatFor('member-ada', T_ADA, 'ada@example.com'), service: FALLBACK });
    await resolve(p, 1, { ...chatWithHistory('member-ada', T_ADA), service: FALLBACK });
    await serviceNotice(p);
    await resolve(p, 2, { ...chatWithHistory('member-ada', T_ADA), email: 'ada@example.com', emailSignature: 'a'.repeat(64) });
    assert.equal(p.element.effective().email, 'ada@example.com');
  });

  it('fallback, then closed, then fallback again: the closed view in between, then the pane with its history', async () => {
    const p = await widgetPage();
    await resolve(p, 0, { ...chatFor('member-ada', T_ADA), service: FALLBACK });
    await resolve(p, 1, { ...chatWithHistory('member-ada', T_ADA, [turn(T_ADA, 1)]), service: { mode: 'off', contactUrl: '/contact' } });
    assert.equal(JSON.parse(p.element.attributes.get('service')!).mode, 'off', 'the element shows the closed view');
    assert.deepEqual(p.element.values('mode'), ['native', 'widget'], 'the pane only while answers are static');
    await serviceNotice(p);
    await resolve(p, 2, { ...chatFor('member-ada', T_ADA), service: FALLBACK });
    assert.deepEqual(p.element.values('mode'), ['native', 'widget', 'native']);
    await resolve(p, 3, { ...chatWithHistory('member-ada', T_ADA, [turn(T_ADA, 1)]), service: FALLBACK });
    assert.deepEqual(p.element.paneIds(), ['turn-0001']);
  });

  it('without the pane\'s web methods the widget stays, and page code says why', async () => {
    const p = await widgetPage({ pane: false });
    await resolve(p, 0, { ...chatFor('member-ada', T_ADA), service: FALLBACK });
    assert.deepEqual(p.element.values('mode'), []);
    assert.equal(p.getMemberChat.count, 1);
    assert.ok(p.logs.some(([, d]) => (d as { what?: string }).what === 'fallback-without-native-methods'));
  });

  it('a failed history call shows the error view, whose Try again asks with history', async () => {
    const p = await widgetPage();
    await resolve(p, 0, { ...chatFor('member-ada', T_ADA), service: FALLBACK });
    await resolve(p, 1, { ok: false, error: { code: 'UPSTREAM_UNAVAILABLE', message: 'x' } });
    assert.equal(p.element.effective().error, 'UPSTREAM_UNAVAILABLE');
    p.element.fire('sitegpt-retry', { code: 'UPSTREAM_UNAVAILABLE' });
    assert.deepEqual(p.getMemberChat.args.at(-1), { history: true });
  });
});

describe('the typed context: the page\'s path in, the backend\'s context out', () => {
  it('sends the page path with getMemberChat (widget mode), with the history in native mode', async () => {
    const widget = await widgetPage({ pagePath: () => Promise.resolve('/pricing') });
    assert.deepEqual(widget.getMemberChat.args, [{ path: '/pricing' }]);
    const native = await widgetPage({ mode: 'native', pagePath: () => '/help/faq' });
    assert.deepEqual(native.getMemberChat.args, [{ history: true, path: '/help/faq' }]);
  });

  for (const [what, path] of [
    ['not a site path', 'pricing'],
    ['a full URL', 'https://example.com/pricing'],
    ['over 200 characters', `/${'a'.repeat(200)}`],
    ['spaces', '/a page'],
    ['a control character', '/a\u0000b'],
    ['not text', 42],
  ] as const) {
    it(`leaves out a path with ${what}, so the call never fails for it`, async () => {
      const p = await widgetPage({ pagePath: () => path });
      assert.deepEqual(p.getMemberChat.args, [undefined]);
    });
  }

  it('a path look-up that fails leaves the path out', async () => {
    const p = await widgetPage({ pagePath: () => Promise.reject(new Error('no location')) });
    assert.deepEqual(p.getMemberChat.args, [undefined]);
  });

  it('sets the context as widget-context before the thread, and not again while the same widget shows', async () => {
    const p = await widgetPage();
    await resolve(p, 0, { ...chatFor('member-ada', T_ADA), context: CONTEXT });
    const names = p.element.calls.map(([name]) => name);
    assert.ok(names.indexOf('widget-context') < names.indexOf('thread'));
    assert.deepEqual(JSON.parse(p.element.attributes.get('widget-context')!), CONTEXT);
    await serviceNotice(p);
    await resolve(p, 1, { ...chatFor('member-ada', T_ADA), context: ['[another page]\n', ''] });
    assert.equal(p.element.values('widget-context').length, 1, 'a showing widget is never remounted for a new context');
  });

  it('a new thread brings its context; an answer without one clears the one page code set; sign-out clears it', async () => {
    const p = await widgetPage();
    await resolve(p, 0, { ...chatFor('member-ada', T_ADA), context: CONTEXT });
    p.element.fire('sitegpt-new-conversation', { threadId: T_ADA });
    p.startNewConversation.call(0).resolve({ ...chatFor('member-ada', T_ADA_2), context: ['[x]\n', ''] } as ChatResult);
    await flush();
    assert.deepEqual(JSON.parse(p.element.attributes.get('widget-context')!), ['[x]\n', '']);
    p.element.fire('sitegpt-new-conversation', { threadId: T_ADA_2 });
    p.startNewConversation.call(1).resolve(chatFor('member-ada', T_ADA));
    await flush();
    assert.equal(p.element.attributes.get('widget-context'), '');
    p.auth.logOut();
    assert.deepEqual(p.element.values('widget-context'), [JSON.stringify(CONTEXT), '["[x]\\n",""]', ''], 'nothing more to clear');
  });

  it('without a context from the backend, leaves widget-context alone (the editor\'s value stays)', async () => {
    const p = await widgetPage();
    await resolve(p, 0, chatFor('member-ada', T_ADA) as never);
    p.auth.logOut();
    assert.deepEqual(p.element.values('widget-context'), []);
  });

  it('the pane mounts no widget: native mode sets no widget-context', async () => {
    const p = await widgetPage({ mode: 'native' });
    await resolve(p, 0, { ...chatWithHistory('member-ada', T_ADA), context: CONTEXT });
    assert.deepEqual(p.element.values('widget-context'), []);
  });

  it('a context the element would refuse (escaped past its bounds) is not set, and is logged', async () => {
    const p = await widgetPage();
    await resolve(p, 0, { ...chatFor('member-ada', T_ADA), context: ['"'.repeat(300), '\u0001'.repeat(300)] });
    assert.deepEqual(p.element.values('widget-context'), []);
    assert.ok(p.logs.some(([, d]) => (d as { what?: string }).what === 'context-too-long'));
  });
});
