// The OpenAI-compatible provider's faults, each with a defined outcome (architecture.md §11):
// 429 with Retry-After, 5xx, timeouts, a refused or cut answer, garbage, a reply over 1 MiB, a
// lost connection; what the breaker makes of each; and exactly-once with a provider that keeps
// no thread (a retry asks again, once, and never reads SiteGPT's thread).
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { setupServer } from 'msw/node';
import type { SendResult } from '../../contract/index.js';
import { turnRowId } from '../../velo/backend/chat/turn-id.js';
import { pendingRow } from '../../velo/backend/chat/turn-rows.js';
import { TRUNCATION_MARKER } from '../../velo/backend/guardrails/answer.js';
import { MemorySettings } from './support/memory-guard-ports.js';
import { MemoryRealtime, MemoryThreadStore, MemoryTranscriptStore, ShiftedClock } from './support/memory-ports.js';
import { ADA, memoryKit, newId } from './support/memory-kit.js';
import { createOpenAiStandin, OPENAI_KEY, OPENAI_SETTINGS } from './support/openai-standin.js';
import { createStandin } from './support/standin.js';

const SLOW_MS = 400;
const sitegpt = createStandin();
const openai = createOpenAiStandin({ slowAnswerMs: SLOW_MS });
const server = setupServer(...sitegpt.handlers, ...openai.handlers);
before(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  sitegpt.reset();
  openai.reset();
});
after(() => server.close());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const code = (result: SendResult) => (result.ok ? `${result.turn.kind}` : result.error.code);
const toSitegpt = () => sitegpt.requests.filter((r) => r.path.includes('/message') || r.path.includes('/threads/')).length;

function openaiKit(item: Record<string, unknown> = {}, shared: Parameters<typeof memoryKit>[0] = {}) {
  return memoryKit({
    settings: new MemorySettings({ ...OPENAI_SETTINGS, ...item }),
    secrets: { OPENAI_API_KEY: OPENAI_KEY },
    config: { openai: { requestMs: 150 }, chat: { pendingPollMs: 10 } },
    ...shared,
  });
}

describe('faults of the OpenAI-compatible endpoint', () => {
  it('429 with Retry-After: RATE_LIMITED with retryAfterMs, and the breaker does not count it', async () => {
    const { kit, transcript } = openaiKit({ breakerFailures: 1 });
    const limited = await kit.sendChatMessage({ clientMessageId: newId(), text: 'rate limit me' });
    assert.ok(!limited.ok);
    assert.deepEqual([limited.error.code, limited.error.retryAfterMs], ['RATE_LIMITED', 7000]);
    assert.equal(transcript.turnsOf(ADA.id)[0]!.errorCode, 'RATE_LIMITED');
    const next = await kit.sendChatMessage({ clientMessageId: newId(), text: 'and now?' });
    assert.equal(code(next), 'ai', 'the endpoint is still asked');
    assert.equal(openai.requests.length, 2);
  });

  it('5xx: UPSTREAM_UNAVAILABLE, a breaker failure: with breakerFailures 1 the next answer is static and the endpoint is not asked', async () => {
    const { kit, log } = openaiKit({ breakerFailures: 1 });
    const failed = await kit.sendChatMessage({ clientMessageId: newId(), text: 'fail please' });
    assert.equal(code(failed), 'UPSTREAM_UNAVAILABLE');
    assert.equal(log.lines.at(-1)!.reason, 'openai-5xx');
    const next = await kit.sendChatMessage({ clientMessageId: newId(), text: 'anyone there?' });
    assert.equal(code(next), 'fallback');
    assert.equal(log.lines.at(-1)!.guard, 'breaker-open');
    assert.equal(openai.requests.length, 1);
  });

  it('an unreadable 200 (garbage, a wrong shape) and a lost connection: UPSTREAM_UNAVAILABLE, breaker failures', async () => {
    const { kit, log } = openaiKit({ breakerFailures: 3 });
    const garbage = await kit.sendChatMessage({ clientMessageId: newId(), text: 'garbage' });
    openai.faults.next({ kind: 'wrong-shape' });
    const wrong = await kit.sendChatMessage({ clientMessageId: newId(), text: 'shape' });
    openai.faults.next({ kind: 'network-error' });
    const lost = await kit.sendChatMessage({ clientMessageId: newId(), text: 'network' });
    assert.deepEqual([garbage, wrong, lost].map(code), ['UPSTREAM_UNAVAILABLE', 'UPSTREAM_UNAVAILABLE', 'UPSTREAM_UNAVAILABLE']);
    assert.deepEqual(log.lines.slice(-3).map((l) => l.reason), ['openai-bad-reply', 'openai-bad-reply', 'openai-network']);
    assert.equal(code(await kit.sendChatMessage({ clientMessageId: newId(), text: 'after three' })), 'fallback');
  });

  it('a reply over 1 MiB is not read whole: UPSTREAM_UNAVAILABLE', async () => {
    const { kit, log, transcript } = openaiKit();
    const result = await kit.sendChatMessage({ clientMessageId: newId(), text: 'huge answer please' });
    assert.equal(code(result), 'UPSTREAM_UNAVAILABLE');
    assert.equal(log.lines.at(-1)!.reason, 'openai-too-large');
    assert.equal(transcript.turnsOf(ADA.id)[0]!.answer, null);
  });

  it('finish_reason content_filter: the operator\'s static reply as a fallback turn, with the tokens it cost', async () => {
    const { kit, transcript, log } = openaiKit({ staticReplies: JSON.stringify([{ keywords: ['filter'], reply: 'We cannot answer that here. Write to us: {contact}' }]) });
    const result = await kit.sendChatMessage({ clientMessageId: newId(), text: 'trip the content filter' });
    assert.ok(result.ok);
    assert.equal(result.turn.kind, 'fallback');
    assert.equal(result.turn.answer, 'We cannot answer that here. Write to us: /contact');
    const [row] = transcript.turnsOf(ADA.id);
    assert.ok(row!.tokens && row!.tokens.prompt > 0);
    assert.equal(log.lines.at(-1)!.reason, 'content-filter');
    // A refusal message without content is withheld the same way.
    const refused = await kit.sendChatMessage({ clientMessageId: newId(), text: 'please refuse' });
    assert.ok(refused.ok && refused.turn.kind === 'fallback');
  });

  it('finish_reason length: the cut answer is kept, marked as cut, with its tokens', async () => {
    const { kit, transcript } = openaiKit();
    const result = await kit.sendChatMessage({ clientMessageId: newId(), text: 'this gets cut off' });
    assert.ok(result.ok && result.turn.kind === 'ai');
    assert.ok(result.turn.answer!.endsWith(TRUNCATION_MARKER));
    assert.match(result.turn.answer!, /^The answer starts well/);
    assert.ok(transcript.turnsOf(ADA.id)[0]!.tokens!.completion > 0);
  });

  it('a timeout: UPSTREAM_UNAVAILABLE, stored as failed but not uncertain; Retry asks again at once, once, and never reads SiteGPT', async () => {
    const { kit, transcript, log } = openaiKit();
    const args = { clientMessageId: newId(), text: 'Where is my parcel?' };
    openai.faults.next({ kind: 'delay', ms: SLOW_MS });
    const timedOut = await kit.sendChatMessage(args);
    assert.equal(code(timedOut), 'UPSTREAM_UNAVAILABLE');
    assert.equal(log.lines.at(-1)!.reason, 'openai-timeout');
    assert.deepEqual(transcript.turnsOf(ADA.id).map((r) => [r.status, r.uncertain]), [['failed', false]]);
    const sitegptBefore = toSitegpt();
    const retried = await kit.sendChatMessage(args);
    assert.ok(retried.ok && retried.turn.status === 'answered', 'asked again at once: no 30 s wait for a thread to settle');
    assert.equal(openai.requests.length, 2);
    assert.equal(toSitegpt(), sitegptBefore, "no look into SiteGPT's thread");
    // The first, timed-out request was cancelled: nothing of it lands later.
    await sleep(SLOW_MS + 50);
    const rows = transcript.turnsOf(ADA.id);
    assert.deepEqual(rows.map((r) => [r.status, r.attempt, r.answer]), [['answered', 2, retried.turn.answer]]);
  });

  it("a turn left pending by a container that died: its Retry asks the endpoint again at once, never looking into SiteGPT's thread", async () => {
    const { kit, transcript, clock, config } = openaiKit();
    const chat = await kit.getMemberChat();
    assert.ok(chat.ok);
    const clientMessageId = newId();
    const question = 'Lost in a container that died';
    const _id = await turnRowId(ADA.id, clientMessageId);
    await transcript.insert(pendingRow({ _id, memberId: ADA.id, threadId: chat.threadId, clientMessageId, question, now: clock.now() }));
    // Stale (its container is gone), but well inside the 30 s a SiteGPT send is given to settle.
    clock.advance(config.chat.pendingStaleMs + 1_000);
    const before = toSitegpt();
    const result = await kit.sendChatMessage({ clientMessageId, text: question });
    assert.ok(result.ok && result.turn.status === 'answered', JSON.stringify(result));
    assert.equal(openai.requests.length, 1);
    assert.equal(toSitegpt(), before);
    assert.equal(transcript.turnsOf(ADA.id)[0]!.attempt, 2);
  });

  it('a 500 then Retry: the same turn answered on attempt 2, its history the turns before it, never itself', async () => {
    const { kit, transcript } = openaiKit();
    assert.ok((await kit.sendChatMessage({ clientMessageId: newId(), text: 'earlier' })).ok);
    const args = { clientMessageId: newId(), text: 'fail once, then work' };
    assert.equal(code(await kit.sendChatMessage(args)), 'UPSTREAM_UNAVAILABLE');
    assert.ok((await kit.sendChatMessage({ clientMessageId: newId(), text: 'later' })).ok);
    const retried = await kit.sendChatMessage(args);
    assert.ok(retried.ok && retried.turn.status === 'answered');
    assert.deepEqual(openai.bodies().at(-1)!.messages.filter((m) => m.role === 'user').map((m) => m.content), ['earlier', 'fail once, then work']);
    const row = transcript.turnsOf(ADA.id).find((r) => r.clientMessageId === args.clientMessageId)!;
    assert.deepEqual([row.status, row.attempt], ['answered', 2]);
    assert.equal(transcript.turnsOf(ADA.id).length, 3);
  });

  it('20 concurrent retries of a failed turn across 4 containers: the endpoint is asked once more, all answer that one answer', async () => {
    const shared = { threads: new MemoryThreadStore(), transcript: new MemoryTranscriptStore(), realtime: new MemoryRealtime(), clock: new ShiftedClock() };
    shared.transcript.latencyMs = 2;
    const settings = new MemorySettings({ ...OPENAI_SETTINGS });
    const kits = Array.from({ length: 4 }, () => openaiKit({}, { ...shared, settings }).kit);
    const args = { clientMessageId: newId(), text: 'fail once across containers' };
    assert.equal(code(await kits[0]!.sendChatMessage(args)), 'UPSTREAM_UNAVAILABLE');
    openai.faults.next({ kind: 'delay', ms: 60 });
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => kits[i % 4]!.sendChatMessage(args)));
    assert.ok(results.every((r) => r.ok && r.turn.status === 'answered'), JSON.stringify(results.map(code)));
    assert.equal(new Set(results.map((r) => (r.ok ? r.turn.answer : ''))).size, 1);
    assert.equal(openai.requests.length, 2, 'the failed ask and exactly one retry');
    assert.equal(shared.transcript.turnsOf(ADA.id).length, 1);
  });
});
