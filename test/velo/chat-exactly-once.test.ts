// Exactly-once sending (architecture.md §8.4) on the kit with the real SiteGPT client and the
// REST stand-in: concurrent retries in one container and across containers, timeouts that did
// or did not reach SiteGPT, three devices at once, a retry after the thread changed.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { setupServer } from 'msw/node';
import type { SendResult } from '../../contract/index.js';
import { MemoryRealtime, MemoryThreadStore, MemoryTranscriptStore, ShiftedClock } from './support/memory-ports.js';
import { ADA, memoryKit, newId } from './support/memory-kit.js';
import { CHATBOT_ID, createStandin } from './support/standin.js';

const standin = createStandin();
const server = setupServer(...standin.handlers);
before(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => standin.reset());
after(() => server.close());

const FAST_POLL = { chat: { pendingPollMs: 10 } };
const posts = () => standin.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/message'));
const threadReads = () => standin.requests.filter((r) => r.method === 'GET' && r.path.includes('/threads/'));
const code = (result: SendResult) => (result.ok ? 'OK' : result.error.code);
const questionsIn = (threadId: string) => standin.store.get(CHATBOT_ID, threadId)!.messages.map((m) => m.question?.text);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Several backend containers of one site: shared stores and clock, each its own kit. */
function containers(n: number, config = {}) {
  const shared = { threads: new MemoryThreadStore(), transcript: new MemoryTranscriptStore(), realtime: new MemoryRealtime(), clock: new ShiftedClock() };
  shared.transcript.latencyMs = 2;
  return { ...shared, kits: Array.from({ length: n }, () => memoryKit({ ...shared, config: { ...FAST_POLL, ...config } }).kit) };
}

describe('exactly-once sending', () => {
  it('20 concurrent sends of one clientMessageId in one container: one row, one post, one answer for all', async () => {
    const { kit, transcript } = memoryKit();
    await kit.getMemberChat();
    standin.faults.next({ kind: 'delay', ms: 50 });
    const args = { clientMessageId: newId(), text: 'Did this arrive once?' };
    const results = await Promise.all(Array.from({ length: 20 }, () => kit.sendChatMessage(args)));
    assert.deepEqual(new Set(results.map(code)), new Set(['OK']));
    assert.equal(new Set(results.map((r) => (r.ok ? `${r.turn.status}:${r.turn.answer}` : ''))).size, 1);
    assert.ok(results.every((r) => r.ok && r.turn.status === 'answered'));
    assert.equal(transcript.turnsOf(ADA.id).length, 1);
    assert.equal(transcript.rows.size, 2, 'the turn and its one rate-limit slot');
    assert.equal(posts().length, 1);
    assert.equal(transcript.writes, 3, 'one run for all 20 in this container: one slot, one insert, one update');
  });

  it('20 concurrent retries of one clientMessageId across 4 containers: one row, one post; the others wait and answer it', async () => {
    const { kits, transcript } = containers(4);
    await kits[0]!.getMemberChat();
    standin.faults.next({ kind: 'delay', ms: 80 });
    const args = { clientMessageId: newId(), text: 'Across containers' };
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => kits[i % 4]!.sendChatMessage(args)));
    assert.ok(results.every((r) => r.ok && r.turn.status === 'answered'), JSON.stringify(results.map(code)));
    assert.equal(transcript.turnsOf(ADA.id).length, 1);
    // Each container's run claims a rate-limit slot before its insert finds the row taken.
    const slots = [...transcript.rows.values()].filter((r) => r.kind === 'claim').length;
    assert.ok(slots >= 1 && slots <= 4, `${slots} slots`);
    assert.equal(posts().length, 1);
    assert.deepEqual(questionsIn(results[0]!.ok ? results[0]!.threadId : ''), ['Across containers']);
  });

  it('a send that timed out after SiteGPT got it: the retry adopts SiteGPT\'s answer and posts nothing', async () => {
    const { kit, transcript } = memoryKit({ config: { timeouts: { sitegptSendMs: 100 } } });
    const chat = await kit.getMemberChat();
    assert.ok(chat.ok);
    standin.faults.next({ kind: 'delay', ms: 250 });
    const args = { clientMessageId: newId(), text: 'Taking its time' };
    const first = await kit.sendChatMessage(args);
    assert.equal(code(first), 'UPSTREAM_UNAVAILABLE');
    const failed = transcript.turnsOf(ADA.id)[0]!;
    assert.deepEqual([failed.status, failed.uncertain], ['failed', true]);
    await sleep(300); // SiteGPT finishes and stores the question and its answer

    const retry = await kit.sendChatMessage(args);
    assert.ok(retry.ok && retry.turn.status === 'answered', JSON.stringify(retry));
    assert.match(retry.turn.answer!, /^Stand-in answer to: Taking its time/);
    assert.equal(posts().length, 1, 'the question was posted once');
    assert.equal(threadReads().length, 1, 'the retry read the thread first');
    assert.deepEqual(questionsIn(chat.threadId), ['Taking its time']);
    assert.equal(transcript.turnsOf(ADA.id)[0]!.upstreamMessageId, standin.store.get(CHATBOT_ID, chat.threadId)!.messages[0]!.messageId);
  });

  it("a send that failed before SiteGPT stored it: the retry waits for SiteGPT to settle, then posts once", async () => {
    const { kit, clock, config } = memoryKit();
    const chat = await kit.getMemberChat();
    assert.ok(chat.ok);
    standin.faults.next({ kind: 'status', status: 502 });
    const args = { clientMessageId: newId(), text: 'Lost on the way' };
    assert.equal(code(await kit.sendChatMessage(args)), 'UPSTREAM_UNAVAILABLE');

    // Too early: SiteGPT may still be working on it, so nothing is posted.
    const early = await kit.sendChatMessage(args);
    assert.ok(!early.ok && early.error.code === 'UPSTREAM_UNAVAILABLE');
    assert.ok(early.error.retryAfterMs! > 0 && early.error.retryAfterMs! <= config.chat.uncertainSettleMs);
    assert.equal(posts().length, 1);

    clock.advance(config.chat.uncertainSettleMs + 1);
    const retry = await kit.sendChatMessage(args);
    assert.ok(retry.ok && retry.turn.status === 'answered');
    assert.equal(posts().length, 2, 'the failed attempt and one retry');
    assert.deepEqual(questionsIn(chat.threadId), ['Lost on the way']);
  });

  it("a retry never adopts the message another turn of the member holds (the same words asked twice)", async () => {
    const { kit, clock, config, transcript } = memoryKit();
    const chat = await kit.getMemberChat();
    assert.ok(chat.ok);
    const first = { clientMessageId: newId(), text: 'hi' };
    standin.faults.next({ kind: 'status', status: 503 });
    assert.equal(code(await kit.sendChatMessage(first)), 'UPSTREAM_UNAVAILABLE');
    const second = await kit.sendChatMessage({ clientMessageId: newId(), text: 'hi' });
    assert.ok(second.ok);

    clock.advance(config.chat.uncertainSettleMs + 1);
    const retry = await kit.sendChatMessage(first);
    assert.ok(retry.ok);
    assert.deepEqual(questionsIn(chat.threadId), ['hi', 'hi'], 'the first was posted again: the one in SiteGPT belongs to the second');
    const held = transcript.turnsOf(ADA.id).map((row) => row.upstreamMessageId);
    assert.equal(new Set(held).size, 2);
  });

  it('a refused send (429) is retried at once without reading the thread: it never reached SiteGPT', async () => {
    const { kit } = memoryKit();
    await kit.getMemberChat();
    standin.faults.next({ kind: 'status', status: 429 });
    const args = { clientMessageId: newId(), text: 'again please' };
    assert.equal(code(await kit.sendChatMessage(args)), 'RATE_LIMITED');
    const retry = await kit.sendChatMessage(args);
    assert.ok(retry.ok && retry.turn.status === 'answered');
    assert.equal(threadReads().length, 0);
    assert.equal(posts().length, 2);
  });

  it('20 concurrent retries of a failed send across 4 containers make one new attempt (a claim row), one post', async () => {
    const { kits, transcript } = containers(4);
    await kits[0]!.getMemberChat();
    standin.faults.next({ kind: 'status', status: 429 });
    const args = { clientMessageId: newId(), text: 'claim me' };
    assert.equal(code(await kits[0]!.sendChatMessage(args)), 'RATE_LIMITED');
    standin.faults.next({ kind: 'delay', ms: 50 });
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => kits[i % 4]!.sendChatMessage(args)));
    assert.ok(results.every((r) => r.ok && r.turn.status === 'answered'), JSON.stringify(results.map(code)));
    assert.equal(posts().length, 2, 'the refused attempt and one retry');
    assert.equal(transcript.turnsOf(ADA.id).length, 1);
    // The first send's rate-limit slot and the retry's one claim row; the retries are no new questions, so no slot.
    assert.deepEqual([...transcript.rows.values()].map((r) => `${r.kind}:${r.clientMessageId.startsWith('rate-slot-') ? 'slot' : 'turn'}`).sort(), ['ai:turn', 'claim:slot', 'claim:turn']);
  });

  it('a send whose row cannot be stored is not posted, and its retry posts once', async () => {
    const { kit, transcript } = memoryKit();
    await kit.getMemberChat();
    const args = { clientMessageId: newId(), text: 'stored first' };
    transcript.failWrites.push(new Error('CMS refused'));
    assert.equal(code(await kit.sendChatMessage(args)), 'INTERNAL');
    assert.equal(posts().length, 0);
    const retry = await kit.sendChatMessage(args);
    assert.ok(retry.ok && retry.turn.status === 'answered');
    assert.equal(posts().length, 1);
  });

  it('a pending row whose container died: retries wait while it may be live, then take over after checking SiteGPT', async () => {
    const { kit, transcript, clock, config } = memoryKit({ config: { ...FAST_POLL, timeouts: { sendOverallMs: 600, sendWriteReserveMs: 100 } } });
    await kit.getMemberChat();
    const args = { clientMessageId: newId(), text: 'orphaned' };
    assert.ok((await kit.sendChatMessage(args)).ok);
    // As if the container died after posting, before it stored the answer.
    const row = transcript.turnsOf(ADA.id)[0]!;
    transcript.rows.set(row._id, { ...row, status: 'pending', answer: null, sources: [], answeredAt: null, upstreamMessageId: null, rev: clock.now() });

    const whileLive = await kit.sendChatMessage(args);
    assert.ok(whileLive.ok && whileLive.turn.status === 'pending', 'it may still be running: wait, then answer pending');
    assert.equal(posts().length, 1);

    clock.advance(config.chat.uncertainSettleMs + 1);
    const synced = await kit.getChatMessages({ after: 0 });
    assert.ok(synced.ok);
    assert.deepEqual([synced.turns[0]!.status, synced.turns[0]!.error], ['failed', 'UPSTREAM_UNAVAILABLE'], 'a stale pending turn shows as failed');
    const retry = await kit.sendChatMessage(args);
    assert.ok(retry.ok && retry.turn.status === 'answered');
    assert.match(retry.turn.answer!, /^Stand-in answer to: orphaned/);
    assert.equal(posts().length, 1, 'adopted from the thread: not posted again');
  });

  it('3 devices of one member sending at once, through 3 containers: every turn stored once, in order', async () => {
    const { kits, transcript } = containers(3);
    await kits[0]!.getMemberChat();
    const sends = ['from the laptop', 'from the phone', 'from the tablet'].map((text, i) => ({ kit: kits[i]!, args: { clientMessageId: newId(), text } }));
    const results = await Promise.all(sends.map(({ kit, args }) => kit.sendChatMessage(args)));
    assert.ok(results.every((r) => r.ok && r.turn.status === 'answered'));
    assert.equal(posts().length, 3);
    const page = await kits[1]!.getMemberChat({ history: true });
    assert.ok(page.ok && page.history);
    const ids = page.history.turns.map((t) => t.id);
    assert.deepEqual(new Set(ids), new Set(sends.map((s) => s.args.clientMessageId)));
    const sorted = [...page.history.turns].sort((a, b) => a.askedAt - b.askedAt || (a.id < b.id ? -1 : 1));
    assert.deepEqual(ids, sorted.map((t) => t.id));
    assert.equal(transcript.turnsOf(ADA.id).length, 3);
    assert.equal(new Set(questionsIn(page.threadId)).size, 3);
  });

  it("a retry after the member started a new conversation goes to the new thread, never the old one", async () => {
    const { kit } = memoryKit();
    const old = await kit.getMemberChat();
    assert.ok(old.ok);
    standin.faults.next({ kind: 'status', status: 429 });
    const args = { clientMessageId: newId(), text: 'which thread?' };
    assert.equal(code(await kit.sendChatMessage(args)), 'RATE_LIMITED');
    const fresh = await kit.startNewConversation();
    assert.ok(fresh.ok);
    const retry = await kit.sendChatMessage(args);
    assert.ok(retry.ok);
    assert.equal(retry.threadId, fresh.threadId);
    assert.equal(retry.turn.threadId, fresh.threadId);
    assert.equal((posts().at(-1)!.body as { threadId: string }).threadId, fresh.threadId);
    assert.deepEqual(questionsIn(old.threadId), []);
  });
});
