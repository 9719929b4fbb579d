// The kill switch and static replies (architecture.md §9) through the kit with the REST
// stand-in: `off` closes the chat (CHAT_CLOSED, nothing sent or stored), getMemberChat says how
// the chat runs, `fallback` answers every question statically without SiteGPT, the operator's
// keyword rules, and a static reply on a site without the mirror collection (Wix adapters).
import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { setupServer } from 'msw/node';
import { ChatResultSchema, SendResultSchema } from '../../contract/index.js';
import { staticReply } from '../../velo/backend/guardrails/static-replies.js';
import { DEFAULT_SETTINGS, readSettings } from '../../velo/backend/guardrails/settings-schema.js';
import { Failure } from '../../velo/backend/runtime/failure.js';
import { MemorySettings } from './support/memory-guard-ports.js';
import { ADA, memoryKit, newId } from './support/memory-kit.js';
import { createStandin, siteSecrets } from './support/standin.js';
import { wixKit } from './support/wix-core.js';
import { useWixSdk, WixFake } from './support/wix-fake.js';

const standin = createStandin();
const wix = new WixFake();
const server = setupServer(...standin.handlers, ...wix.handlers);
before(() => {
  useWixSdk();
  server.listen({ onUnhandledRequest: 'error' });
});
beforeEach(() => {
  for (const [name, value] of Object.entries(siteSecrets())) wix.secrets.set(name, value);
  wix.session.member = { id: 'member-ada' };
});
afterEach(() => {
  standin.reset();
  wix.reset();
});
after(() => server.close());

const sitegptCalls = () => standin.requests.filter((r) => r.path.endsWith('/message')).length;
const RULES = JSON.stringify([
  { keywords: ['opening hours', 'open'], reply: 'We are open 9 to 5. More: {contact}' },
  { keywords: ['refund'], reply: 'Refunds take 5 days.' },
]);

describe('mode: off (the kill switch)', () => {
  it('sendChatMessage answers CHAT_CLOSED with the operator\'s words and contact path: no SiteGPT call, no row, no notice', async () => {
    const settings = new MemorySettings({ mode: 'off', contactUrl: 'mailto:help@example.com', closedMessage: 'Closed for the holidays. Write to {contact}.' });
    const { kit, transcript, realtime, log } = memoryKit({ settings });
    await kit.getMemberChat();
    standin.requests.length = 0;
    const result = SendResultSchema.parse(await kit.sendChatMessage({ clientMessageId: newId(), text: 'hello?' }));
    assert.deepEqual(result, { ok: false, error: { code: 'CHAT_CLOSED', message: 'Closed for the holidays. Write to mailto:help@example.com.' } });
    assert.deepEqual([standin.requests.length, transcript.rows.size, realtime.published.length], [0, 0, 0]);
    assert.deepEqual([log.lines.at(-1)!.outcome, log.lines.at(-1)!.guard], ['CHAT_CLOSED', 'closed']);
  });

  it('getMemberChat still answers the member\'s chat, plus the service: closed, with the contact path and message', async () => {
    const settings = new MemorySettings({ mode: 'off' });
    const { kit } = memoryKit({ settings });
    const chat = ChatResultSchema.parse(await kit.getMemberChat({ history: true }));
    assert.ok(chat.ok && chat.history);
    assert.deepEqual(chat.service, { mode: 'off', contactUrl: '/contact', message: 'The chat is closed right now. You can reach our team here: /contact' });
  });

  it('mode on says nothing; mode fallback says fallback (widget mode then shows the static pane)', async () => {
    const on = ChatResultSchema.parse(await memoryKit({ settings: new MemorySettings({ mode: 'on' }) }).kit.getMemberChat());
    assert.ok(on.ok && !('service' in on));
    const fallback = ChatResultSchema.parse(await memoryKit({ settings: new MemorySettings({ mode: 'fallback' }) }).kit.getMemberChat());
    assert.ok(fallback.ok);
    assert.deepEqual(fallback.service, { mode: 'fallback', contactUrl: '/contact' });
    const fresh = ChatResultSchema.parse(await memoryKit({ settings: new MemorySettings({ mode: 'fallback' }) }).kit.startNewConversation());
    assert.ok(fresh.ok && fresh.service?.mode === 'fallback');
  });

  it('a failing settings read never keeps a member from their chat', async () => {
    const settings = new MemorySettings({ mode: 'off' });
    settings.fail = new Failure('UPSTREAM_UNAVAILABLE', 'cms-read-timeout');
    const chat = await memoryKit({ settings }).kit.getMemberChat();
    assert.ok(chat.ok && !('service' in chat), JSON.stringify(chat));
  });
});

describe('mode: fallback (static replies)', () => {
  it('every answer is a static reply: a fallback turn, stored and announced, with no SiteGPT call', async () => {
    const { kit, transcript, realtime, log } = memoryKit({ settings: new MemorySettings({ mode: 'fallback', staticReplies: RULES }) });
    await kit.getMemberChat();
    standin.requests.length = 0;
    const hours = SendResultSchema.parse(await kit.sendChatMessage({ clientMessageId: newId(), text: 'What are your OPENING-hours?' }));
    assert.ok(hours.ok);
    assert.deepEqual([hours.turn.kind, hours.turn.status, hours.turn.answer, hours.turn.sources], ['fallback', 'answered', 'We are open 9 to 5. More: /contact', []]);
    const other = SendResultSchema.parse(await kit.sendChatMessage({ clientMessageId: newId(), text: 'Can I get a refunded item back?' }));
    assert.ok(other.ok);
    assert.equal(other.turn.answer, "Our assistant can't answer right now. You can reach our team here: /contact", '"refunded" is not the word "refund"');
    assert.equal(standin.requests.length, 0);
    assert.deepEqual(transcript.turnsOf(ADA.id).map((r) => [r.kind, r.status]), [['fallback', 'answered'], ['fallback', 'answered']]);
    assert.deepEqual(realtime.published.map((p) => p.notice.kind), ['turns', 'turns'], 'one notice per static reply');
    assert.deepEqual(log.lines.slice(-2).map((l) => [l.outcome, l.guard, l.sitegptCalled]), [['OK', 'fallback', false], ['OK', 'fallback', false]]);
  });

  it('the rate limits still apply', async () => {
    const { kit } = memoryKit({ settings: new MemorySettings({ mode: 'fallback', limitPerMinute: 1 }) });
    assert.ok((await kit.sendChatMessage({ clientMessageId: newId(), text: 'one' })).ok);
    const second = await kit.sendChatMessage({ clientMessageId: newId(), text: 'two' });
    assert.ok(!second.ok && second.error.code === 'RATE_LIMITED');
  });

  it('on a widget-only site without SiteGptMessages the static reply still reaches the member, unstored, and the log says so', async () => {
    wix.cms.set('SiteGptSettings', new Map([['s', { _id: 's', mode: 'fallback' }]]));
    wix.missingCollections.add('SiteGptMessages');
    const { kit, log } = wixKit();
    assert.ok((await kit.getMemberChat()).ok);
    const result = SendResultSchema.parse(await kit.sendChatMessage({ clientMessageId: newId(), text: 'anyone?' }));
    assert.ok(result.ok, JSON.stringify(result));
    assert.deepEqual([result.turn.kind, result.turn.status, result.turn.question], ['fallback', 'answered', 'anyone?']);
    assert.deepEqual([log.lines.at(-1)!.guard, log.lines.at(-1)!.reason], ['fallback', 'mirror-missing']);
    assert.equal(sitegptCalls(), 0);
  });

  it('with mode on and no mirror the site\'s set-up is still MISCONFIGURED (nothing is answered statically by mistake)', async () => {
    wix.missingCollections.add('SiteGptMessages');
    const { kit } = wixKit();
    const result = await kit.sendChatMessage({ clientMessageId: newId(), text: 'anyone?' });
    assert.ok(!result.ok && result.error.code === 'MISCONFIGURED');
  });
});

describe('staticReply', () => {
  const settings = { ...readSettings({ staticReplies: RULES, contactUrl: '/help' }).settings };
  const table: Array<[string, string]> = [
    ['When are you open?', 'We are open 9 to 5. More: /help'],
    ['opening   hours please', 'We are open 9 to 5. More: /help'],
    ['Öffnungszeiten? OPEN!!!', 'We are open 9 to 5. More: /help'],
    ['ＯＰＥＮ on Sunday?', 'We are open 9 to 5. More: /help'],
    ['refund', 'Refunds take 5 days.'],
    ['I want a refund.', 'Refunds take 5 days.'],
    ['reopening soon?', "Our assistant can't answer right now. You can reach our team here: /help"],
    ['opening times', "Our assistant can't answer right now. You can reach our team here: /help"],
    ['', "Our assistant can't answer right now. You can reach our team here: /help"],
  ];
  for (const [question, reply] of table) {
    it(`"${question}" → ${reply.slice(0, 30)}…`, () => assert.equal(staticReply(question, settings), reply));
  }
  it('the first matching rule wins', () => {
    assert.equal(staticReply('open for a refund?', settings), 'We are open 9 to 5. More: /help');
  });
  it('with no rules, the default reply with its contact path', () => {
    assert.equal(staticReply('anything', DEFAULT_SETTINGS), "Our assistant can't answer right now. You can reach our team here: /contact");
  });
});
