// Page code and the operator's service mode (SiteGptSettings `mode`): getMemberChat's `service`
// becomes the element's `service` attribute in both modes; a site-wide notice on the service
// channel, a re-check without realtime (only while the chat is visible) or a send refused as
// CHAT_CLOSED asks for the member's chat again. Timers are fake: nothing waits for real.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SERVICE_CHANNEL as CONTRACT_SERVICE_CHANNEL, type ChatResult } from '../../contract/index.js';
import { SERVICE_CHANNEL, SERVICE_CHECK } from '../../velo/public/service-watch.js';
import { connectMemberChat } from '../../velo/public/sitegpt-member-chat.js';
import { chatFor, chatWithHistory, failed, flush, nativePage, turn, type NativeFakePage } from './support/fake-page.js';

const T_ADA = '11111111-1111-8111-8111-111111111111';
const OFF = { mode: 'off', contactUrl: '/contact', message: 'Closed until Monday. You can reach our team here: /contact' } as const;
const FALLBACK = { mode: 'fallback', contactUrl: '/contact' } as const;

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
before(() => process.on('unhandledRejection', onUnhandled));
after(() => {
  process.off('unhandledRejection', onUnhandled);
  assert.deepEqual(unhandled, [], 'a promise rejection went unhandled');
});

type Page = NativeFakePage & { dispose(): void };

/** A page in `mode` (widget: with the pane's web methods too, as masterPage wires them), Ada signed in, before any answer. */
async function connect(mode: 'widget' | 'native', options: { realtime?: boolean } = {}): Promise<Page> {
  const p = nativePage({ member: 'member-ada', ...options });
  p.deps = { ...p.deps, mode };
  const connection = connectMemberChat(p.element, p.deps);
  await connection.ready;
  await flush();
  return { ...p, dispose: connection.dispose };
}

/** Answers the latest getMemberChat; native mode gets a history page. */
async function answer(p: Page, fields: Record<string, unknown> = {}): Promise<void> {
  const native = p.deps.mode === 'native' || (p.getMemberChat.args.at(-1) as { history?: boolean } | undefined)?.history;
  const chat = native ? chatWithHistory('member-ada', T_ADA, [turn(T_ADA, 1)]) : chatFor('member-ada', T_ADA, 'ada@example.com');
  p.getMemberChat.call(-1).resolve({ ...chat, ...fields } as ChatResult);
  await flush();
}

function service(p: Page): unknown {
  const value = p.element.attributes.get('service');
  return value ? JSON.parse(value) : undefined;
}

describe('page code: the service attribute', () => {
  for (const mode of ['widget', 'native'] as const) {
    it(`${mode} mode: sets it from the answer before the thread, and clears it when an answer has none`, async () => {
      const p = await connect(mode);
      await answer(p, { service: OFF });
      assert.deepEqual(service(p), OFF);
      const names = p.element.calls.map(([name]) => name);
      assert.ok(names.indexOf('member-id') < names.indexOf('service') && names.indexOf('service') < names.indexOf('thread'));
      p.realtime.acceptService();
      await flush();
      p.realtime.publishService({ v: 1, kind: 'service', rev: 1 });
      await answer(p);
      assert.equal(p.element.attributes.get('service'), '', 'on again: cleared');
    });
  }

  it('passes only the contract\'s fields; a malformed service is not set', async () => {
    const p = await connect('native');
    await answer(p, { service: { ...OFF, extra: '<b>x</b>' } });
    assert.deepEqual(service(p), OFF);
    p.realtime.acceptService();
    await flush();
    p.realtime.publishService({ v: 1, kind: 'service', rev: 1 });
    await answer(p, { service: { mode: 'paused', contactUrl: '/contact' } });
    assert.equal(p.element.attributes.get('service'), '');
  });

  it('an answer without a service sets none (the chat runs as before)', async () => {
    const p = await connect('widget');
    await answer(p);
    assert.equal(p.element.values('service').length, 0);
  });

  it('sign-out clears the service it had set', async () => {
    const p = await connect('native');
    await answer(p, { service: OFF });
    p.auth.logOut();
    assert.equal(p.element.attributes.get('service'), '');
    assert.equal(p.element.attributes.get('member-id'), '');
  });
});

describe('page code: the site-wide service notice', () => {
  it('subscribes to the service channel (no resource) once a chat shows, in widget mode too', async () => {
    assert.equal(SERVICE_CHANNEL, CONTRACT_SERVICE_CHANNEL, 'page code repeats the contract\'s channel name');
    const p = await connect('widget');
    assert.equal(p.realtime.serviceSubscriptions.length, 0, 'nothing before a chat shows');
    await answer(p);
    assert.deepEqual(p.realtime.serviceSubscriptions.map((s) => s.channel), [{ name: SERVICE_CHANNEL }]);
    assert.deepEqual(p.realtime.subscriptions, [], 'widget mode listens to no member notices');
  });

  it('a service notice asks for the chat again; its answer shows the closed chat', async () => {
    const p = await connect('native');
    await answer(p);
    p.realtime.acceptService();
    await flush();
    p.realtime.publishService({ v: 1, kind: 'service', rev: 5 });
    assert.equal(p.getMemberChat.count, 2);
    assert.deepEqual(p.getMemberChat.args[1], { history: true });
    await answer(p, { service: OFF });
    assert.deepEqual(service(p), OFF);
    assert.equal(p.element.effective().thread, T_ADA, 'the member keeps their thread');
  });

  it('other notices on the channel do nothing; notices while a call is on its way add none', async () => {
    const p = await connect('widget');
    await answer(p);
    p.realtime.acceptService();
    await flush();
    p.realtime.publishService({ v: 1, kind: 'turns', rev: 5 });
    p.realtime.publishService('service');
    assert.equal(p.getMemberChat.count, 1);
    p.realtime.publishService({ v: 1, kind: 'service', rev: 6 });
    p.realtime.publishService({ v: 1, kind: 'service', rev: 7 });
    assert.equal(p.getMemberChat.count, 2, 'one call brings the service for both');
  });

  it('a re-check that fails keeps the chat on screen, with no error view', async () => {
    const p = await connect('widget');
    await answer(p);
    p.realtime.acceptService();
    await flush();
    p.realtime.publishService({ v: 1, kind: 'service', rev: 5 });
    p.getMemberChat.call(1).resolve(failed('UPSTREAM_UNAVAILABLE'));
    await flush();
    assert.equal(p.element.effective().error, undefined);
    assert.equal(p.element.effective().thread, T_ADA);
  });

  it('sign-out and dispose end the subscription', async () => {
    const p = await connect('widget');
    await answer(p);
    p.realtime.acceptService();
    await flush();
    assert.equal(p.realtime.liveService(), 1);
    p.auth.logOut();
    assert.equal(p.realtime.liveService(), 0);
    p.auth.logIn('member-ada');
    await flush();
    await answer(p);
    p.realtime.acceptService();
    await flush();
    assert.equal(p.realtime.liveService(), 1, 'the next member\'s chat listens again');
    p.dispose();
    assert.equal(p.realtime.liveService(), 0);
    p.realtime.publishService({ v: 1, kind: 'service', rev: 9 });
    assert.equal(p.getMemberChat.count, 2);
  });
});

describe('page code: re-checking the service without realtime', () => {
  it(`every ${SERVICE_CHECK.onMs / 60_000} minutes while the chat is on and visible; every minute while it is closed`, async () => {
    const p = await connect('widget', { realtime: false });
    await answer(p);
    p.scheduler.advance(SERVICE_CHECK.onMs - 1);
    assert.equal(p.getMemberChat.count, 1);
    p.scheduler.advance(1);
    assert.equal(p.getMemberChat.count, 2);
    await answer(p, { service: OFF });
    p.scheduler.advance(SERVICE_CHECK.otherwiseMs);
    assert.equal(p.getMemberChat.count, 3, 'closed: sooner, to see it reopen');
  });

  it('never while the chat is hidden; once it is seen again, at once', async () => {
    const p = await connect('widget', { realtime: false });
    await answer(p);
    p.element.fire('sitegpt-visibility', { visible: false });
    p.scheduler.advance(3 * SERVICE_CHECK.onMs);
    assert.equal(p.getMemberChat.count, 1, 'hidden: no call');
    p.element.fire('sitegpt-visibility', { visible: true });
    assert.equal(p.getMemberChat.count, 2, 'seen again: one catch-up call');
    await answer(p);
    p.element.fire('sitegpt-visibility', { visible: false });
    p.element.fire('sitegpt-visibility', { visible: true });
    assert.equal(p.getMemberChat.count, 2, 'nothing was due');
  });

  it('a refused subscription falls back to re-checking', async () => {
    const p = await connect('widget');
    await answer(p);
    p.realtime.serviceSubscriptions[0]!.answer.reject(new Error('refused'));
    await flush();
    p.scheduler.advance(SERVICE_CHECK.onMs);
    assert.equal(p.getMemberChat.count, 2);
  });

  it('signed out, nothing is re-checked', async () => {
    const p = await connect('widget', { realtime: false });
    await answer(p);
    p.auth.logOut();
    p.scheduler.advance(3 * SERVICE_CHECK.onMs);
    assert.equal(p.getMemberChat.count, 1);
  });
});

describe('page code: a send refused as CHAT_CLOSED', () => {
  it('says so on the turn and asks for the chat again, which shows the closed view', async () => {
    const p = await connect('native');
    await answer(p);
    const id = 'a1b2c3d4-0000-4000-8000-000000000001';
    p.element.fire('sitegpt-send', { clientMessageId: id, text: 'Anyone there?' });
    p.sendChatMessage.call(0).resolve({ ok: false, error: { code: 'CHAT_CLOSED', message: OFF.message } });
    await flush();
    assert.deepEqual(JSON.parse(p.element.attributes.get('send-error')!), { id, code: 'CHAT_CLOSED' });
    assert.equal(p.getMemberChat.count, 2);
    await answer(p, { service: OFF });
    assert.deepEqual(service(p), OFF);
  });
});

describe('page code: fallback in native mode', () => {
  it('stays in the pane and passes the service on (the element says answers are automatic)', async () => {
    const p = await connect('native');
    await answer(p, { service: FALLBACK });
    assert.deepEqual(service(p), FALLBACK);
    assert.deepEqual(p.element.values('mode'), ['native']);
  });
});
