// Rate limits (architecture.md §9) through the kit, with the real SiteGPT client and the REST
// stand-in: per member per minute and per day, site-wide per minute, counted from the mirror so
// they hold across containers (several kits on one store), exact per minute under concurrency
// (20 sends from 3 devices through 3 containers), and the Wix adapter's one consistent query.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { setupServer } from 'msw/node';
import type { SendResult } from '../../contract/index.js';
import { wixTranscriptStore } from '../../velo/backend/wix/transcript-store.js';
import { MemorySettings } from './support/memory-guard-ports.js';
import { MemoryMembers, MemoryRealtime, MemoryThreadStore, MemoryTranscriptStore, ShiftedClock } from './support/memory-ports.js';
import { ADA, memoryKit, newId } from './support/memory-kit.js';
import { createStandin } from './support/standin.js';
import { turnRow } from './support/transcript-store-contract.js';
import { useWixSdk, WixFake } from './support/wix-fake.js';

const standin = createStandin();
const wix = new WixFake();
const server = setupServer(...standin.handlers, ...wix.handlers);
before(() => {
  useWixSdk();
  server.listen({ onUnhandledRequest: 'error' });
});
afterEach(() => {
  standin.reset();
  wix.reset();
});
after(() => server.close());

const MINUTE = 60_000;
const posts = () => standin.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/message')).length;
const code = (result: SendResult) => (result.ok ? 'OK' : result.error.code);
const send = (kit: ReturnType<typeof memoryKit>['kit'], text = 'a question') => kit.sendChatMessage({ clientMessageId: newId(), text });

/** A clock 1 s into a calendar minute, so a test's sends all fall into one minute. */
function clockAtMinuteStart(): ShiftedClock {
  const clock = new ShiftedClock();
  const now = Date.now();
  clock.offsetMs = Math.ceil(now / MINUTE) * MINUTE + 1000 - now;
  return clock;
}

/** Several backend containers of one site: shared stores, clock and settings, each its own kit. */
function containers(n: number, limits: Record<string, number>, members = new MemoryMembers(ADA)) {
  const shared = {
    threads: new MemoryThreadStore(),
    transcript: new MemoryTranscriptStore(),
    realtime: new MemoryRealtime(),
    clock: clockAtMinuteStart(),
    settings: new MemorySettings(limits),
    members,
  };
  return { ...shared, kits: Array.from({ length: n }, () => memoryKit({ ...shared, config: { chat: { pendingPollMs: 10 } } }).kit) };
}

describe('rate limits', () => {
  it('per member per minute: the next send is RATE_LIMITED with retryAfterMs until the oldest question leaves the minute; no call, no row', async () => {
    const { kits, transcript, clock, realtime } = containers(1, { limitPerMinute: 3 });
    const [kit] = kits as [ReturnType<typeof memoryKit>['kit']];
    for (let i = 0; i < 3; i++) {
      assert.equal(code(await send(kit)), 'OK');
      clock.advance(10_000);
    }
    const [postsBefore, rowsBefore, noticesBefore] = [posts(), transcript.rows.size, realtime.published.length];
    const limited = await send(kit, 'one too many');
    assert.ok(!limited.ok);
    assert.equal(limited.error.code, 'RATE_LIMITED');
    // The first question was 30 s ago: it leaves the window in 30 s.
    assert.ok(limited.error.retryAfterMs! > 29_000 && limited.error.retryAfterMs! <= 30_000, String(limited.error.retryAfterMs));
    assert.deepEqual([posts(), transcript.rows.size, realtime.published.length], [postsBefore, rowsBefore, noticesBefore], 'no SiteGPT call, no row, no notice');
    clock.advance(limited.error.retryAfterMs!);
    assert.equal(code(await send(kit)), 'OK', 'room again once the oldest left the minute');
  });

  it('per member per day (rolling 24 h), and every member for themselves', async () => {
    const members = new MemoryMembers(ADA);
    const { kits, clock } = containers(1, { limitPerMinute: 100, limitPerDay: 2 }, members);
    const kit = kits[0]!;
    assert.equal(code(await send(kit)), 'OK');
    clock.advance(60 * MINUTE);
    assert.equal(code(await send(kit)), 'OK');
    const limited = await send(kit);
    assert.ok(!limited.ok && limited.error.code === 'RATE_LIMITED');
    assert.ok(Math.abs(limited.error.retryAfterMs! - 23 * 60 * MINUTE) < 1000, String(limited.error.retryAfterMs));
    members.member = { id: 'member-bob' };
    assert.equal(code(await send(kit)), 'OK', "Ada's limit is not Bob's");
    members.member = ADA;
    clock.advance(23 * 60 * MINUTE);
    assert.equal(code(await send(kit)), 'OK');
  });

  it('site-wide per minute: questions to SiteGPT by all members together', async () => {
    const members = new MemoryMembers(ADA);
    const { kits } = containers(1, { siteLimitPerMinute: 3 }, members);
    const outcomes: string[] = [];
    for (const id of ['member-a', 'member-b', 'member-c', 'member-d']) {
      members.member = { id };
      outcomes.push(code(await send(kits[0]!)));
    }
    assert.deepEqual(outcomes, ['OK', 'OK', 'OK', 'RATE_LIMITED']);
    assert.equal(posts(), 3);
  });

  it('holds across containers: the count comes from the shared mirror, not from one container\'s memory', async () => {
    const { kits } = containers(3, { limitPerMinute: 4 });
    const outcomes = [];
    for (let i = 0; i < 6; i++) outcomes.push(code(await send(kits[i % 3]!)));
    assert.deepEqual(outcomes, ['OK', 'OK', 'OK', 'OK', 'RATE_LIMITED', 'RATE_LIMITED']);
    assert.equal(posts(), 4);
  });

  it('20 concurrent sends from 3 devices of one member through 3 containers admit exactly the limit (10), the rest RATE_LIMITED', async () => {
    const { kits, transcript } = containers(3, { limitPerMinute: 10 });
    // A store that takes a moment per call, so the 20 sends really overlap: every count is read
    // before any of them has written its turn.
    transcript.latencyMs = 3;
    await kits[0]!.getMemberChat();
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => send(kits[i % 3]!, `burst ${i}`)));
    assert.deepEqual(results.filter((r) => r.ok).length, 10, JSON.stringify(results.map(code)));
    assert.ok(results.filter((r) => !r.ok).every((r) => !r.ok && r.error.code === 'RATE_LIMITED' && r.error.retryAfterMs! > 0));
    assert.equal(posts(), 10);
    assert.equal(transcript.turnsOf(ADA.id).length, 10);
  });

  it('a retry of a turn already in the mirror is no new question: not counted, not refused', async () => {
    const { kits } = containers(1, { limitPerMinute: 2 });
    const kit = kits[0]!;
    await kit.getMemberChat();
    standin.faults.next({ kind: 'status', status: 429 });
    const args = { clientMessageId: newId(), text: 'retry me' };
    assert.equal(code(await kit.sendChatMessage(args)), 'RATE_LIMITED', "SiteGPT's own 429");
    assert.equal(code(await send(kit)), 'OK');
    assert.equal(code(await kit.sendChatMessage(args)), 'OK', 'the retry of the first turn goes through with the limit reached');
    assert.equal(code(await send(kit)), 'RATE_LIMITED');
  });

  it('says so on the log line (guard: rate-limited), with our own message, never the text', async () => {
    const env = memoryKit({ settings: new MemorySettings({ limitPerMinute: 1 }), clock: clockAtMinuteStart() });
    assert.equal(code(await send(env.kit, 'first secret')), 'OK');
    const limited = await send(env.kit, 'second secret');
    assert.ok(!limited.ok);
    assert.match(limited.error.message, /faster than this chat allows/);
    const line = env.log.lines.at(-1)!;
    assert.deepEqual([line.outcome, line.guard, line.sitegptCalled], ['RATE_LIMITED', 'rate-limited', false]);
    assert.doesNotMatch(JSON.stringify(env.log.lines), /secret/);
  });
});

describe('rate limits on Wix: one consistent query', () => {
  it("reads the member's day or anybody's minute in ONE consistent query, projected to four fields, questions only", async () => {
    const store = wixTranscriptStore('SiteGptMessages');
    const now = Date.now();
    for (const row of [
      turnRow({ _id: 'ada-1', askedAt: now - 2 * 60 * MINUTE }),
      turnRow({ _id: 'bob-1', askedAt: now - 10_000, memberId: 'member-bob' }),
      turnRow({ _id: 'bob-old', askedAt: now - 5 * MINUTE, memberId: 'member-bob' }),
      turnRow({ _id: 'ada-claim', askedAt: now - 1000, kind: 'claim', question: null, answer: null, seq: '' }),
    ]) {
      await store.insert(row);
    }
    wix.requests.length = 0;
    const stamps = await store.recentQuestions('member-ada', now - 24 * 60 * MINUTE, now - MINUTE, 290);
    assert.deepEqual(stamps.map((s) => s._id), ['bob-1', 'ada-1']);
    assert.deepEqual(Object.keys(stamps[0]!).sort(), ['_id', 'askedAt', 'kind', 'memberId']);
    const queries = wix.requests.filter((r) => r.path.endsWith('/items/query'));
    assert.equal(queries.length, 1);
    const body = queries[0]!.body as { consistentRead?: boolean; query: { fields: string[]; filter: { $or?: unknown[] }; paging: { limit: number } } };
    assert.equal(body.consistentRead, true);
    assert.deepEqual(body.query.fields.sort(), ['_id', 'askedAt', 'kind', 'memberId']);
    assert.equal(body.query.filter.$or?.length, 2);
    assert.equal(body.query.paging.limit, 290);
  });
});
