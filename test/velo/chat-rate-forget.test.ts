// rateAnswer, forgetMyChat and startNewConversation in native mode: the reaction lands in the
// mirror and at SiteGPT (documented v0 update-message), only the caller's own turns can be
// rated, forgetting removes every mirrored turn, and thread changes reach the other devices.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { setupServer } from 'msw/node';
import { RateResultSchema, type RateResult } from '../../contract/index.js';
import { ADA, memoryKit, newId } from './support/memory-kit.js';
import { CHATBOT_ID, createStandin } from './support/standin.js';

const standin = createStandin();
const server = setupServer(...standin.handlers);
before(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => standin.reset());
after(() => server.close());

const patches = () => standin.requests.filter((r) => r.method === 'PATCH');
const code = (result: RateResult) => (result.ok ? 'OK' : result.error.code);

async function answered(env = memoryKit()) {
  const id = newId();
  const sent = await env.kit.sendChatMessage({ clientMessageId: id, text: 'rate me' });
  assert.ok(sent.ok);
  return { ...env, id, sent };
}

describe('rateAnswer', () => {
  it("stores the reaction in the mirror and sets it at SiteGPT on the answer's message", async () => {
    const { kit, id, sent, transcript, realtime } = await answered();
    const rated = RateResultSchema.parse(await kit.rateAnswer({ messageId: id, reaction: 'NEGATIVE' }));
    assert.ok(rated.ok);
    assert.equal(rated.turn.reaction, 'NEGATIVE');
    assert.ok(rated.turn.rev > sent.turn.rev);
    assert.equal(transcript.turnsOf(ADA.id)[0]!.reaction, 'NEGATIVE');
    const message = standin.store.get(CHATBOT_ID, sent.threadId)!.messages[0]!;
    assert.equal(message.reaction, 'NEGATIVE');
    assert.deepEqual(patches().map((p) => [p.path, p.body]), [
      [`/api/v0/chatbots/${CHATBOT_ID}/messages/${message.messageId}`, { threadId: sent.threadId, reaction: 'NEGATIVE' }],
    ]);
    assert.deepEqual(realtime.published.at(-1)!.notice, { v: 1, kind: 'turns', rev: rated.turn.rev });
  });

  it('NEUTRAL clears the reaction; the same reaction twice changes nothing', async () => {
    const { kit, id, transcript } = await answered();
    await kit.rateAnswer({ messageId: id, reaction: 'POSITIVE' });
    const writes = transcript.writes;
    const again = await kit.rateAnswer({ messageId: id, reaction: 'POSITIVE' });
    assert.ok(again.ok && again.turn.reaction === 'POSITIVE');
    assert.equal(transcript.writes, writes);
    assert.equal(patches().length, 1);
    const cleared = await kit.rateAnswer({ messageId: id, reaction: 'NEUTRAL' });
    assert.ok(cleared.ok);
    assert.equal(cleared.turn.reaction, null);
    assert.equal(transcript.turnsOf(ADA.id)[0]!.reaction, null);
    assert.equal((patches().at(-1)!.body as { reaction: string }).reaction, 'NEUTRAL');
  });

  it('keeps the reaction in the mirror when SiteGPT refuses it, noting it on the log line', async () => {
    const { kit, id, transcript, log } = await answered();
    standin.faults.next({ kind: 'status', status: 500 }, 2);
    const rated = await kit.rateAnswer({ messageId: id, reaction: 'POSITIVE' });
    assert.equal(code(rated), 'OK');
    assert.equal(transcript.turnsOf(ADA.id)[0]!.reaction, 'POSITIVE');
    assert.equal(log.lines.at(-1)!.reason, 'sitegpt-react-failed');
  });

  it("a forged messageId of another member's turn is NOT_FOUND, and their turn is untouched", async () => {
    const bobEnv = memoryKit();
    bobEnv.members.member = { id: 'member-bob' };
    const bobs = await answered(bobEnv);
    // Ada, on a container sharing the mirror, names Bob's turn.
    const ada = memoryKit({ transcript: bobEnv.transcript, threads: bobEnv.threads });
    const forged = await ada.kit.rateAnswer({ messageId: bobs.id, reaction: 'NEGATIVE' });
    assert.equal(code(forged), 'NOT_FOUND');
    assert.equal(bobEnv.transcript.turnsOf('member-bob')[0]!.reaction, null);
    assert.equal(patches().length, 0);
    assert.equal(code(await ada.kit.rateAnswer({ messageId: newId(), reaction: 'POSITIVE' })), 'NOT_FOUND');
  });

  it('refuses to rate a question that has no answer, and arguments with extra keys or a bad reaction', async () => {
    const env = memoryKit();
    await env.kit.getMemberChat();
    standin.faults.next({ kind: 'status', status: 429 });
    const id = newId();
    assert.equal((await env.kit.sendChatMessage({ clientMessageId: id, text: 'refused' })).ok, false);
    assert.equal(code(await env.kit.rateAnswer({ messageId: id, reaction: 'POSITIVE' })), 'INVALID_INPUT');
    for (const args of [{ messageId: id, reaction: 'LOVE' }, { messageId: id, reaction: 'POSITIVE', memberId: 'member-bob' }, { messageId: id }, null]) {
      assert.equal(code(await env.kit.rateAnswer(args)), 'INVALID_INPUT', JSON.stringify(args));
    }
  });
});

describe('thread changes in native mode', () => {
  it('forgetMyChat removes every mirrored turn of the member, and only theirs, and tells their devices', async () => {
    const { kit, transcript, realtime, members } = await answered();
    await kit.sendChatMessage({ clientMessageId: newId(), text: 'another' });
    members.member = { id: 'member-bob' };
    assert.ok((await kit.sendChatMessage({ clientMessageId: newId(), text: "bob's" })).ok);
    members.member = ADA;
    realtime.published.length = 0;

    assert.deepEqual(await kit.forgetMyChat(), { ok: true });
    assert.deepEqual(transcript.turnsOf(ADA.id), []);
    assert.equal(transcript.turnsOf('member-bob').length, 1);
    assert.deepEqual(realtime.published.map((p) => [p.memberId, p.notice.kind]), [[ADA.id, 'thread']]);
    const after = await kit.getMemberChat({ history: true });
    assert.ok(after.ok && after.history);
    assert.deepEqual(after.history.turns, []);
  });

  it('startNewConversation answers the new thread with its empty page and tells the devices to follow it', async () => {
    const { kit, realtime, sent } = await answered();
    realtime.published.length = 0;
    const fresh = await kit.startNewConversation();
    assert.ok(fresh.ok);
    assert.notEqual(fresh.threadId, sent.threadId);
    assert.deepEqual(fresh.history, { threadId: fresh.threadId, turns: [], older: null, cursor: 0 });
    assert.deepEqual(realtime.published.map((p) => p.notice.kind), ['thread']);
    const next = await kit.sendChatMessage({ clientMessageId: newId(), text: 'on the new thread' });
    assert.ok(next.ok && next.threadId === fresh.threadId);
  });
});
