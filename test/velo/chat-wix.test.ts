// Native mode end to end on Wix's side: the real webMethod, the real @wix/data and
// @wix/realtime SDKs (msw playing Wix) and the real SiteGPT client (the stand-in at SiteGPT's
// base URL). What lands in SiteGptMessages, what the realtime publish carries, what a message
// costs in CMS calls, exactly-once across containers, and what is refused.
import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, it, mock } from 'node:test';
import { setupServer } from 'msw/node';
import { MessagesResultSchema, SendResultSchema } from '../../contract/index.js';
import {
  forgetMyChat,
  getChatMessages,
  getMemberChat,
  rateAnswer,
  sendChatMessage,
  startNewConversation,
} from '../../velo/backend/sitegpt.web.js';
import { API_KEY, CHATBOT_ID, createStandin, siteSecrets } from './support/standin.js';
import { useWixSdk, WixFake } from './support/wix-fake.js';
import { wixKit } from './support/wix-core.js';

const wix = new WixFake();
const standin = createStandin({ baseUrl: 'https://sitegpt.ai/api/v0' });
const server = setupServer(...wix.handlers, ...standin.handlers);
const ada = { id: 'member-ada', loginEmail: 'ada@example.com' };
const messages = () => wix.rows('SiteGptMessages');
/** The turns among the rows (claim rows are content-free locks: retries' attempts, rate-limit slots). */
const turnRows = () => messages().filter((r) => r.kind !== 'claim');
const newId = () => crypto.randomUUID();
// The kits of wixKit() talk to the stand-in at its test base URL; the web methods use SiteGPT's real one.
const testStandin = createStandin();

before(() => {
  useWixSdk();
  server.listen({ onUnhandledRequest: 'error' });
  server.use(...testStandin.handlers);
});
beforeEach(() => {
  mock.method(console, 'log', () => undefined);
  for (const [name, value] of Object.entries(siteSecrets())) wix.secrets.set(name, value);
  wix.session.member = ada;
});
afterEach(() => {
  mock.restoreAll();
  wix.reset();
  standin.reset();
  testStandin.reset();
});
after(() => server.close());

describe('native mode on Wix', () => {
  it('stores one row per turn in SiteGptMessages with the fields the guide names, in 2 CMS reads and 3 writes', async () => {
    const chat = await getMemberChat();
    assert.ok(chat.ok);
    wix.requests.length = 0;
    const id = newId();
    const sent = SendResultSchema.parse(await sendChatMessage({ clientMessageId: id, text: 'Where is my order?' }));
    assert.ok(sent.ok && sent.turn.status === 'answered');
    assert.equal(turnRows().length, 1);
    assert.deepEqual(messages().filter((r) => r.kind === 'claim').map((r) => [r.memberId, r.question, r.answer]), [[ada.id, null, null]], 'one content-free rate-limit slot');
    const row = turnRows()[0]!;
    assert.deepEqual(Object.keys(row).sort(), [
      '_id', 'answer', 'answeredAt', 'askedAt', 'attempt', 'clientMessageId', 'errorCode', 'kind', 'lowConfidence', 'memberId', 'question',
      'reaction', 'repeat', 'rev', 'seq', 'sources', 'status', 'threadId', 'uncertain', 'upstreamLatencyMs', 'upstreamMessageId',
    ]);
    // The classification, set as the answer arrived (architecture.md §10): a good answer, a first question.
    assert.deepEqual([row.lowConfidence, row.repeat], [[], false]);
    assert.deepEqual([row.memberId, row.threadId, row.clientMessageId, row.question, row.status], [ada.id, chat.threadId, id, 'Where is my order?', 'answered']);
    assert.ok(typeof row.askedAt === 'object' && row.askedAt !== null && '$date' in row.askedAt, 'askedAt is a CMS date');
    // The settings were read by getMemberChat and are reused for 30 s: no read of them here.
    const data = wix.requests.filter((r) => r.path.includes('/wix-data/'));
    assert.equal(data.filter((r) => r.method === 'GET').length, 2, 'reads: the member row, the rate-limit count');
    assert.equal(data.filter((r) => r.method === 'POST').length, 3, 'writes: the rate-limit slot, insert pending, update answered');
  });

  it('publishes content-free notices on sitegpt-member-chat for the member only', async () => {
    const sent = await sendChatMessage({ clientMessageId: newId(), text: 'my secret question' });
    assert.ok(sent.ok);
    assert.equal(wix.published.length, 2);
    for (const notice of wix.published) {
      assert.deepEqual(notice.channels, ['sitegpt-member-chat']);
      assert.equal(notice.resourceId, ada.id);
      assert.deepEqual(Object.keys(notice.payload as object).sort(), ['kind', 'rev', 'v']);
    }
    assert.doesNotMatch(JSON.stringify(wix.published), /secret|Stand-in|question/);
  });

  it('answers a send even when Wix refuses the publish', async () => {
    wix.realtimeFaults.push(500, 500);
    const sent = await sendChatMessage({ clientMessageId: newId(), text: 'hello' });
    assert.ok(sent.ok && sent.turn.status === 'answered');
  });

  it('getMemberChat({history: true}), getChatMessages and rateAnswer read and write the same rows', async () => {
    const ids = [newId(), newId()];
    for (const [i, id] of ids.entries()) assert.ok((await sendChatMessage({ clientMessageId: id, text: `q${i}` })).ok);
    const chat = await getMemberChat({ history: true });
    assert.ok(chat.ok && chat.history);
    assert.deepEqual(chat.history.turns.map((t) => t.id), ids);
    const rated = await rateAnswer({ messageId: ids[0]!, reaction: 'POSITIVE' });
    assert.ok(rated.ok);
    const changed = MessagesResultSchema.parse(await getChatMessages({ after: chat.history.cursor }));
    assert.ok(changed.ok);
    assert.ok(changed.turns.some((t) => t.id === ids[0] && t.reaction === 'POSITIVE'));
  });

  it('forgetMyChat deletes the member\'s rows (bulk remove) and tells their devices', async () => {
    assert.ok((await sendChatMessage({ clientMessageId: newId(), text: 'forget me' })).ok);
    wix.session.member = { id: 'member-bob', loginEmail: 'bob@example.com' };
    assert.ok((await sendChatMessage({ clientMessageId: newId(), text: 'keep me' })).ok);
    wix.session.member = ada;
    wix.published.length = 0;
    assert.deepEqual(await forgetMyChat(), { ok: true });
    assert.deepEqual(messages().map((r) => [r.memberId, r.kind]).sort(), [['member-bob', 'ai'], ['member-bob', 'claim']], "Bob's turn and his rate-limit slot");
    assert.deepEqual(wix.published.map((p) => [p.resourceId, (p.payload as { kind: string }).kind]), [[ada.id, 'thread']]);
    const fresh = await startNewConversation();
    assert.ok(fresh.ok);
  });

  it('refuses arguments that name a member or a thread, before any Wix or SiteGPT call', async () => {
    wix.requests.length = 0;
    const refused = [
      await sendChatMessage({ clientMessageId: newId(), text: 'hi', memberId: 'member-bob' }),
      await sendChatMessage({ clientMessageId: newId(), text: 'hi', threadId: 'thread-of-bob' }),
      await getChatMessages({ after: 0, memberId: 'member-bob' }),
      await getChatMessages({ before: '000000000000001-abcdefgh', threadId: 'thread-of-bob' }),
      await rateAnswer({ messageId: newId(), reaction: 'POSITIVE', memberId: 'member-bob' }),
    ];
    assert.deepEqual(refused.map((r) => (r.ok ? 'OK' : r.error.code)), Array(5).fill('INVALID_INPUT'));
    assert.equal(wix.requests.length, 0);
    assert.equal(standin.requests.length, 0);
  });

  it('keeps the API key out of every result and log line of all six methods', async () => {
    const log = mock.method(console, 'log', () => undefined);
    const id = newId();
    const results = [
      await getMemberChat({ history: true }),
      await sendChatMessage({ clientMessageId: id, text: 'hello' }),
      await sendChatMessage({ clientMessageId: newId(), text: 'please fail' }),
      await getChatMessages({ after: 0 }),
      await rateAnswer({ messageId: id, reaction: 'NEGATIVE' }),
      await startNewConversation(),
      await forgetMyChat(),
    ];
    const everything = JSON.stringify({ results, lines: log.mock.calls.map((c) => c.arguments) });
    assert.ok(!everything.includes(API_KEY));
    const lines = log.mock.calls.map((c) => String(c.arguments[0]));
    assert.equal(lines.length, 7, 'one line per call');
    assert.doesNotMatch(lines.join('\n'), /hello|please|Stand-in|ada@example\.com/);
  });
});

describe('exactly-once on Wix, across containers', () => {
  it('20 concurrent retries of one clientMessageId over 4 containers: one row, one post', async () => {
    const kits = Array.from({ length: 4 }, () => wixKit().kit);
    assert.ok((await kits[0]!.getMemberChat()).ok);
    testStandin.faults.next({ kind: 'delay', ms: 60 });
    const args = { clientMessageId: newId(), text: 'exactly once' };
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => kits[i % 4]!.sendChatMessage(args)));
    assert.ok(results.every((r) => r.ok && r.turn.status === 'answered'), JSON.stringify(results.map((r) => (r.ok ? r.turn.status : r.error.code))));
    assert.equal(turnRows().length, 1);
    assert.equal(testStandin.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/message')).length, 1);
  });

  it('a timed-out send that SiteGPT got is adopted by its retry, not posted again', async () => {
    const { kit } = wixKit();
    const chat = await kit.getMemberChat();
    assert.ok(chat.ok);
    testStandin.faults.next({ kind: 'delay', ms: 250 });
    const args = { clientMessageId: newId(), text: 'Did it arrive?' };
    assert.equal((await kit.sendChatMessage(args)).ok, false);
    assert.deepEqual([turnRows()[0]!.status, turnRows()[0]!.uncertain], ['failed', true]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const retry = await kit.sendChatMessage(args);
    assert.ok(retry.ok && retry.turn.status === 'answered');
    assert.equal(testStandin.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/message')).length, 1);
    assert.equal(testStandin.store.get(CHATBOT_ID, chat.threadId)!.messages.length, 1);
  });

  it('3 devices sending at once through 3 containers: every turn stored once, in order', async () => {
    const kits = Array.from({ length: 3 }, () => wixKit().kit);
    assert.ok((await kits[0]!.getMemberChat()).ok);
    const sends = ['laptop', 'phone', 'tablet'].map((text) => ({ clientMessageId: newId(), text }));
    const results = await Promise.all(sends.map((args, i) => kits[i]!.sendChatMessage(args)));
    assert.ok(results.every((r) => r.ok && r.turn.status === 'answered'));
    assert.equal(turnRows().length, 3);
    const page = await kits[2]!.getMemberChat({ history: true });
    assert.ok(page.ok && page.history);
    const turns = page.history.turns;
    assert.deepEqual(new Set(turns.map((t) => t.id)), new Set(sends.map((s) => s.clientMessageId)));
    assert.deepEqual(turns.map((t) => t.askedAt), [...turns.map((t) => t.askedAt)].sort((a, b) => a - b));
  });
});
