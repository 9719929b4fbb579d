// sendChatMessage on the kit (memory CMS, realtime double) with the real SiteGPT client and
// the REST stand-in: what is stored, what SiteGPT receives, what the member's devices are told,
// and what is refused before anything happens.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { setupServer } from 'msw/node';
import { SendResultSchema, type SendResult } from '../../contract/index.js';
import { STANDIN_SOURCES } from '../fixtures/sitegpt-standin/scripts.js';
import { ADA, memoryKit, newId } from './support/memory-kit.js';
import { API_KEY, CHATBOT_ID, createStandin } from './support/standin.js';

const standin = createStandin();
const server = setupServer(...standin.handlers);
before(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => standin.reset());
after(() => server.close());

const posts = () => standin.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/message'));
const code = (result: SendResult) => (result.ok ? 'OK' : result.error.code);

describe('sendChatMessage', () => {
  it('posts the question once to the member\'s thread as USER, stores the answered turn and answers it', async () => {
    const { kit, transcript } = memoryKit();
    const chat = await kit.getMemberChat();
    assert.ok(chat.ok);
    const id = newId();
    const result = SendResultSchema.parse(await kit.sendChatMessage({ clientMessageId: id, text: 'How do I install it?' }));
    assert.ok(result.ok);
    assert.equal(result.threadId, chat.threadId);
    assert.deepEqual(posts().map((p) => p.body), [{ message: 'How do I install it?', threadId: chat.threadId, from: 'USER' }]);
    assert.equal(result.turn.id, id);
    assert.equal(result.turn.status, 'answered');
    assert.equal(result.turn.kind, 'ai');
    assert.equal(result.turn.question, 'How do I install it?');
    assert.match(result.turn.answer!, /^Stand-in answer to: How do I install it\?/);
    assert.deepEqual(result.turn.sources, [...STANDIN_SOURCES]);
    const [row] = transcript.turnsOf(ADA.id);
    assert.equal(transcript.turnsOf(ADA.id).length, 1);
    assert.equal(transcript.rows.size, 2, 'the turn and its rate-limit slot (a content-free claim row)');
    assert.equal(row!.status, 'answered');
    assert.equal(row!.upstreamMessageId, standin.store.get(CHATBOT_ID, chat.threadId)!.messages[0]!.messageId);
    assert.match(row!._id, /^[0-9a-f]{32}$/, 'the row is keyed by a hash, not by the member or message ID');
  });

  it('provisions the thread first when the member has none yet', async () => {
    const { kit, threads } = memoryKit();
    const result = await kit.sendChatMessage({ clientMessageId: newId(), text: 'first words' });
    assert.ok(result.ok);
    assert.equal(threads.rows.get(ADA.id)?.threadId, result.threadId);
    assert.equal(standin.store.get(CHATBOT_ID, result.threadId)?.messages.length, 1);
  });

  it('normalises hostile text before anything is sent or stored', async () => {
    const { kit, transcript } = memoryKit();
    const text = ' \u202Egnp.exe\u202C pass\u200Bword\u{E0049}\u{E0067} ＡＢＣ\r\nnext\u0007 ';
    const result = await kit.sendChatMessage({ clientMessageId: newId(), text });
    assert.ok(result.ok);
    const expected = 'gnp.exe password ABC\nnext';
    assert.equal((posts()[0]!.body as { message: string }).message, expected);
    assert.equal(transcript.turnsOf(ADA.id)[0]!.question, expected);
    assert.equal(result.turn.question, expected);
  });

  it('tells the member\'s devices twice (pending, then answered), with no message text', async () => {
    const { kit, realtime } = memoryKit();
    const result = await kit.sendChatMessage({ clientMessageId: newId(), text: 'secret plans' });
    assert.ok(result.ok);
    assert.equal(realtime.published.length, 2);
    for (const { memberId, notice } of realtime.published) {
      assert.equal(memberId, ADA.id);
      assert.deepEqual(Object.keys(notice).sort(), ['kind', 'rev', 'v']);
      assert.equal(notice.kind, 'turns');
    }
    assert.equal(realtime.published.at(-1)!.notice.rev, result.turn.rev);
    assert.doesNotMatch(JSON.stringify(realtime.published), /secret|plans|Stand-in/);
  });

  it('answers even when realtime is down: a failed publish is only noted on the log line', async () => {
    const { kit, realtime, log } = memoryKit();
    realtime.fail = true;
    const result = await kit.sendChatMessage({ clientMessageId: newId(), text: 'hello' });
    assert.equal(code(result), 'OK');
    assert.equal(log.lines.at(-1)!.reason, 'realtime-publish-failed');
  });

  it('refuses extra keys (a forged memberId or threadId), a bad ID, empty or too long text with INVALID_INPUT, before any call', async () => {
    const { kit, transcript, members } = memoryKit();
    const good = { clientMessageId: newId(), text: 'hi' };
    const refused = [
      { ...good, memberId: 'member-bob' },
      { ...good, threadId: 'someone-elses-thread' },
      { clientMessageId: 'short', text: 'hi' },
      { clientMessageId: 'has spaces in it', text: 'hi' },
      { clientMessageId: newId() },
      { clientMessageId: newId(), text: '\u200B \u202E' },
      { clientMessageId: newId(), text: 'x'.repeat(2001) },
      'just a string',
      null,
      undefined,
    ];
    for (const args of refused) {
      const result = SendResultSchema.parse(await kit.sendChatMessage(args));
      assert.equal(code(result), 'INVALID_INPUT', JSON.stringify(args));
      assert.ok(!result.ok && result.error.message.length > 0);
    }
    assert.match((await kit.sendChatMessage({ ...good, memberId: 'x' }) as { error: { message: string } }).error.message, /Unknown argument "memberId"/);
    assert.match((await kit.sendChatMessage({ clientMessageId: newId(), text: 'x'.repeat(2001) }) as { error: { message: string } }).error.message, /2001 characters, at most 2000/);
    assert.equal(members.lookups, 0);
    assert.equal(transcript.rows.size, 0);
    assert.equal(standin.requests.length, 0);
  });

  it('takes a configured question limit', async () => {
    const { kit } = memoryKit({ config: { chat: { maxQuestionChars: 5 } } });
    assert.equal(code(await kit.sendChatMessage({ clientMessageId: newId(), text: 'abcde' })), 'OK');
    assert.equal(code(await kit.sendChatMessage({ clientMessageId: newId(), text: 'abcdef' })), 'INVALID_INPUT');
  });

  it('says NOT_SIGNED_IN for a visitor and stores nothing', async () => {
    const { kit, members, transcript } = memoryKit();
    members.member = null;
    assert.equal(code(await kit.sendChatMessage({ clientMessageId: newId(), text: 'hi' })), 'NOT_SIGNED_IN');
    assert.equal(transcript.rows.size, 0);
  });

  it('stores a refused send as failed with its code, and answers the error (429 with retryAfterMs)', async () => {
    const { kit, transcript, realtime } = memoryKit();
    await kit.getMemberChat();
    standin.faults.next({ kind: 'status', status: 429, retryAfter: '7' });
    const result = await kit.sendChatMessage({ clientMessageId: newId(), text: 'too fast' });
    assert.deepEqual(result.ok ? null : [result.error.code, result.error.retryAfterMs], ['RATE_LIMITED', 7000]);
    const [row] = transcript.turnsOf(ADA.id);
    assert.deepEqual([row!.status, row!.errorCode, row!.uncertain], ['failed', 'RATE_LIMITED', false]);
    assert.equal(realtime.published.length, 2);
  });

  it("answers SiteGPT's message quota (MESSAGES_LIMIT_REACHED) with a static reply, stored as a fallback turn, labelled on the log line", async () => {
    const { kit, log, transcript } = memoryKit();
    await kit.getMemberChat();
    standin.faults.next({ kind: 'status', status: 403, code: 'MESSAGES_LIMIT_REACHED', message: 'Messages limit reached' });
    const result = await kit.sendChatMessage({ clientMessageId: newId(), text: 'one more' });
    assert.ok(result.ok, JSON.stringify(result));
    assert.deepEqual([result.turn.kind, result.turn.status, result.turn.sources], ['fallback', 'answered', []]);
    assert.equal(result.turn.answer, "Our assistant can't answer right now. You can reach our team here: /contact");
    assert.deepEqual(transcript.turnsOf(ADA.id).map((r) => [r.kind, r.status, r.upstreamMessageId]), [['fallback', 'answered', null]]);
    assert.deepEqual([log.lines.at(-1)!.outcome, log.lines.at(-1)!.guard, log.lines.at(-1)!.sitegptCalled], ['OK', 'quota', true]);
  });

  it('keeps the API key and the message text out of every result and log line', async () => {
    const { kit, log } = memoryKit();
    await kit.getMemberChat();
    const results = [
      await kit.sendChatMessage({ clientMessageId: newId(), text: 'my private words' }),
      await kit.sendChatMessage({ clientMessageId: newId(), text: 'please fail now' }),
      await kit.sendChatMessage({ clientMessageId: newId(), text: 'x'.repeat(3000) }),
    ];
    assert.deepEqual(results.map(code), ['OK', 'UPSTREAM_UNAVAILABLE', 'INVALID_INPUT']);
    const everything = JSON.stringify({ results, log: log.lines });
    assert.ok(!everything.includes(API_KEY));
    assert.doesNotMatch(JSON.stringify(log.lines), /private|please|Stand-in|xxxx/);
    assert.deepEqual(log.lines.map((l) => l.method), ['getMemberChat', 'sendChatMessage', 'sendChatMessage', 'sendChatMessage']);
  });
});
