/**
 * What every TranscriptStore must do (velo/backend/chat/ports.ts), as one set of checks run
 * against each implementation: the memory store, the Wix adapter (through the real @wix/data
 * SDK and msw) and the sandbox's SQLite store. Call it at the top level of a test file:
 *
 *   transcriptStoreContract('SQLite store', { open: () => …, close: (store) => … });
 *
 * `open` gives a fresh, empty store for each check; `close` (optional) runs after it.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TranscriptStore, TurnRow } from '../../../velo/backend/ports.js';

export interface TranscriptStoreSubject {
  open(): TranscriptStore | Promise<TranscriptStore>;
  close?(store: TranscriptStore): void | Promise<void>;
}

const T0 = Date.UTC(2026, 2, 1, 10, 0, 0);

/** A complete answered turn; every field can be overridden. `seq` follows askedAt and the ID. */
export function turnRow(overrides: Partial<TurnRow> = {}): TurnRow {
  const clientMessageId = overrides.clientMessageId ?? 'msg-0001';
  const askedAt = overrides.askedAt ?? T0;
  return {
    _id: `id-${overrides.memberId ?? 'member-ada'}-${clientMessageId}`,
    memberId: 'member-ada',
    threadId: 'thread-1',
    clientMessageId,
    kind: 'ai',
    status: 'answered',
    question: 'What does the kit do?',
    answer: 'It keeps **one** thread per member.',
    sources: ['https://example.com/a', 'https://example.com/b'],
    reaction: null,
    askedAt,
    answeredAt: askedAt + 900,
    rev: askedAt + 900,
    seq: `${String(askedAt).padStart(15, '0')}-${clientMessageId}`,
    upstreamMessageId: '365062948587045457',
    upstreamLatencyMs: 850,
    errorCode: null,
    uncertain: false,
    attempt: 1,
    ...overrides,
  };
}

export function transcriptStoreContract(name: string, subject: TranscriptStoreSubject): void {
  const check = (title: string, body: (store: TranscriptStore) => Promise<void>) =>
    it(title, async () => {
      const store = await subject.open();
      try {
        await body(store);
      } finally {
        await subject.close?.(store);
      }
    });

  /** Turns i = 0..n-1 of one member and thread, asked one second apart, each changed at rev = askedAt + i. */
  const series = (n: number, overrides: Partial<TurnRow> = {}) =>
    Array.from({ length: n }, (_, i) => {
      const clientMessageId = `msg-${String(i).padStart(4, '0')}`;
      return turnRow({ clientMessageId, askedAt: T0 + i * 1000, rev: T0 + i * 1000 + 500, ...overrides, _id: `${overrides.memberId ?? 'ada'}-${overrides.threadId ?? 't1'}-${i}` });
    });
  const ids = (rows: TurnRow[]) => rows.map((r) => r._id);

  describe(`TranscriptStore contract: ${name}`, () => {
    check('get answers null for an unknown _id, and a stored row exactly as it was inserted', async (store) => {
      assert.equal(await store.get('nobody'), null);
      const row = turnRow({ question: 'Grüße 👋 — "quoted" \\ back\nslash', answer: 'x'.repeat(16_000) });
      assert.equal(await store.insert(row), 'inserted');
      assert.deepEqual(await store.get(row._id), row);
      assert.deepEqual(await store.get(row._id, { consistent: true }), row);
    });

    check('keeps nulls, empty lists, booleans and every kind of row as they were', async (store) => {
      const pending = turnRow({
        _id: 'pending',
        status: 'pending',
        answer: null,
        sources: [],
        answeredAt: null,
        upstreamMessageId: null,
        upstreamLatencyMs: null,
      });
      const failed = turnRow({ _id: 'failed', status: 'failed', answer: null, errorCode: 'UPSTREAM_UNAVAILABLE', uncertain: true, attempt: 3 });
      const agent = turnRow({ _id: 'agent', kind: 'agent', question: null, reaction: 'NEGATIVE', clientMessageId: 'agent-42' });
      const claim = turnRow({ _id: 'claim', kind: 'claim', status: 'pending', question: null, answer: null, sources: [], seq: '' });
      for (const row of [pending, failed, agent, claim]) assert.equal(await store.insert(row), 'inserted');
      for (const row of [pending, failed, agent, claim]) assert.deepEqual(await store.get(row._id, { consistent: true }), row);
    });

    check('refuses a second insert with a taken _id, and keeps the first row', async (store) => {
      const first = turnRow();
      assert.equal(await store.insert(first), 'inserted');
      assert.equal(await store.insert({ ...first, question: 'another', status: 'pending' }), 'duplicate');
      assert.deepEqual(await store.get(first._id, { consistent: true }), first);
    });

    check('lets exactly one of many concurrent inserts of one _id win', async (store) => {
      const outcomes = await Promise.all(Array.from({ length: 10 }, (_, i) => store.insert(turnRow({ attempt: i + 1 }))));
      assert.equal(outcomes.filter((o) => o === 'inserted').length, 1);
      assert.equal(outcomes.filter((o) => o === 'duplicate').length, 9);
    });

    check('update replaces every field of the row; updating a row that is gone fails (never re-creates it)', async (store) => {
      const row = turnRow({ status: 'pending', answer: null, answeredAt: null, sources: [] });
      await store.insert(row);
      const answered = turnRow({ reaction: 'POSITIVE', sources: ['https://example.com/c'], rev: row.rev + 5 });
      await store.update(answered);
      assert.deepEqual(await store.get(row._id, { consistent: true }), answered);
      await assert.rejects(store.update(turnRow({ _id: 'removed-meanwhile' })));
      assert.equal(await store.get('removed-meanwhile', { consistent: true }), null);
    });

    check('pages newest first by seq (compared as text), below beforeSeq when given, up to limit', async (store) => {
      const rows = series(7);
      for (const row of [...rows].reverse()) await store.insert(row);
      assert.deepEqual(ids(await store.page('member-ada', 'thread-1', { limit: 3 })), ids(rows.slice(4).reverse()));
      assert.deepEqual(ids(await store.page('member-ada', 'thread-1', { limit: 3, beforeSeq: rows[4]!.seq })), ids(rows.slice(1, 4).reverse()));
      assert.deepEqual(ids(await store.page('member-ada', 'thread-1', { limit: 3, beforeSeq: rows[1]!.seq })), ids(rows.slice(0, 1)));
      assert.deepEqual(await store.page('member-ada', 'thread-1', { limit: 3, beforeSeq: rows[0]!.seq }), []);
      // Zero-padded: "000…0999" sorts below "000…1000" as text, as it does as a number.
      const early = turnRow({ _id: 'early', askedAt: 999, seq: `${'999'.padStart(15, '0')}-zzzz`, clientMessageId: 'zzzz' });
      await store.insert(early);
      const all = await store.page('member-ada', 'thread-1', { limit: 100 });
      assert.equal(all.at(-1)!._id, 'early');
      assert.deepEqual(all[0], rows[6]);
    });

    check('pages only the given member and thread, and never claim rows', async (store) => {
      await store.insert(turnRow({ _id: 'mine', clientMessageId: 'mine-0001' }));
      await store.insert(turnRow({ _id: 'other-thread', threadId: 'thread-2' }));
      await store.insert(turnRow({ _id: 'other-member', memberId: 'member-bob' }));
      await store.insert(turnRow({ _id: 'claim', kind: 'claim', status: 'pending', question: null, answer: null, seq: '' }));
      assert.deepEqual(ids(await store.page('member-ada', 'thread-1', { limit: 20 })), ['mine']);
      assert.deepEqual(ids(await store.page('member-bob', 'thread-1', { limit: 20 })), ['other-member']);
      assert.deepEqual(await store.page('member-eve', 'thread-1', { limit: 20 }), []);
    });

    check('changedSince answers turns with rev at or after sinceRev, lowest rev first, up to limit', async (store) => {
      const rows = series(6);
      for (const row of [...rows].reverse()) await store.insert(row);
      // A changed old turn (a reaction) comes after newer ones: ordered by rev, not by seq.
      await store.update({ ...rows[0]!, reaction: 'POSITIVE', rev: rows[5]!.rev + 1 });
      const since = await store.changedSince('member-ada', 'thread-1', rows[3]!.rev, 10);
      assert.deepEqual(ids(since), [rows[3]!._id, rows[4]!._id, rows[5]!._id, rows[0]!._id]);
      assert.equal(since[3]!.reaction, 'POSITIVE');
      assert.deepEqual(ids(await store.changedSince('member-ada', 'thread-1', rows[3]!.rev, 2)), [rows[3]!._id, rows[4]!._id]);
      assert.deepEqual(await store.changedSince('member-ada', 'thread-1', rows[5]!.rev + 2, 10), []);
    });

    check('changedSince sees only the given member and thread, and never claim rows', async (store) => {
      await store.insert(turnRow({ _id: 'mine' }));
      await store.insert(turnRow({ _id: 'other-thread', threadId: 'thread-2' }));
      await store.insert(turnRow({ _id: 'other-member', memberId: 'member-bob' }));
      await store.insert(turnRow({ _id: 'claim', kind: 'claim', status: 'pending', question: null, answer: null, seq: '' }));
      assert.deepEqual(ids(await store.changedSince('member-ada', 'thread-1', 0, 20)), ['mine']);
    });

    check("removeMember removes every row of the member (claims too, every thread) and no one else's", async (store) => {
      for (const row of series(3)) await store.insert(row);
      await store.insert(turnRow({ _id: 'ada-t2', threadId: 'thread-2' }));
      await store.insert(turnRow({ _id: 'ada-claim', kind: 'claim', status: 'pending', question: null, answer: null, seq: '' }));
      const bobs = turnRow({ _id: 'bob-1', memberId: 'member-bob' });
      await store.insert(bobs);
      assert.equal(await store.removeMember('member-ada'), 5);
      for (const id of ['ada-t1-0', 'ada-t2', 'ada-claim']) assert.equal(await store.get(id, { consistent: true }), null);
      assert.deepEqual(await store.page('member-ada', 'thread-1', { limit: 20 }), []);
      assert.deepEqual(await store.get('bob-1', { consistent: true }), bobs);
      assert.equal(await store.removeMember('member-ada'), 0);
    });

    check("scan answers every member's turns asked in [from, to), by askedAt then _id, never claims, flags kept", async (store) => {
      const at = (s: number) => T0 + s * 1000;
      const rows = [
        turnRow({ _id: 'before', askedAt: at(-1) }),
        turnRow({ _id: 'from-edge', askedAt: at(0), clientMessageId: 'edge-0001' }),
        // Two members at the same millisecond: _id decides, whoever asked.
        turnRow({ _id: 'tie-b', askedAt: at(1), clientMessageId: 'tie-b-001' }),
        turnRow({ _id: 'tie-a', askedAt: at(1), memberId: 'member-bob', threadId: 'thread-9' }),
        turnRow({ _id: 'flagged', askedAt: at(2), threadId: 'thread-2', lowConfidence: ['no-sources', 'refusal'], repeat: true, tokens: { prompt: 120, completion: 48 } }),
        turnRow({ _id: 'handoff', askedAt: at(3), kind: 'system', question: null, handoff: { reason: 'low-confidence', targets: ['wix-inbox'] } }),
        turnRow({ _id: 'claim', askedAt: at(3), kind: 'claim', status: 'pending', question: null, answer: null, seq: '' }),
        turnRow({ _id: 'to-edge', askedAt: at(4) }),
      ];
      for (const row of [...rows].reverse()) await store.insert(row);
      const page = await store.scan(at(0), at(4), { limit: 100 });
      assert.deepEqual(ids(page.rows), ['from-edge', 'tie-a', 'tie-b', 'flagged', 'handoff']);
      assert.equal(page.next, null);
      assert.deepEqual(page.rows[3], rows[4]);
      assert.deepEqual(page.rows[4], rows[5]);
      assert.deepEqual((await store.scan(at(5), at(9), { limit: 100 })).rows, []);
    });

    check('scan pages with after and limit: every row exactly once, rows of one millisecond split across pages too', async (store) => {
      const times = [0, 1, 1, 1, 1, 2, 3];
      const rows = times.map((s, i) => turnRow({ _id: `row-${String.fromCharCode(103 - i)}`, askedAt: T0 + s * 1000, memberId: `member-${i % 3}` }));
      for (const row of rows) await store.insert(row);
      const whole = await store.scan(T0, T0 + 10_000, { limit: 100 });
      const paged: TurnRow[] = [];
      let after: string | undefined;
      for (let pages = 0; pages < 10; pages++) {
        const page = await store.scan(T0, T0 + 10_000, { limit: 2, ...(after === undefined ? {} : { after }) });
        assert.ok(page.rows.length <= 2);
        paged.push(...page.rows);
        if (page.next === null) break;
        after = page.next;
      }
      assert.equal(whole.rows.length, 7);
      assert.deepEqual(ids(paged), ids(whole.rows));
      // Four rows share one millisecond, inserted in the reverse of their _id order.
      assert.deepEqual(ids(whole.rows), ['row-g', 'row-c', 'row-d', 'row-e', 'row-f', 'row-b', 'row-a']);
    });

    check("recentQuestions: the member's questions since one time or anybody's since another, newest first, only what a count needs", async (store) => {
      const at = (s: number) => T0 + s * 1000;
      const rows = [
        turnRow({ _id: 'ada-old', askedAt: at(-100) }),
        turnRow({ _id: 'ada-day', askedAt: at(-50), clientMessageId: 'ada-day-1' }),
        turnRow({ _id: 'ada-fallback', askedAt: at(-5), kind: 'fallback', sources: [], clientMessageId: 'ada-fb-01' }),
        turnRow({ _id: 'bob-old', askedAt: at(-50), memberId: 'member-bob' }),
        turnRow({ _id: 'bob-now', askedAt: at(-2), memberId: 'member-bob', status: 'failed', answer: null, errorCode: 'UPSTREAM_UNAVAILABLE' }),
        turnRow({ _id: 'bob-pending', askedAt: at(-1), memberId: 'member-bob', status: 'pending', answer: null }),
        // Not questions: an agent's reply, a handoff notice, a lock row.
        turnRow({ _id: 'agent', askedAt: at(-1), kind: 'agent', question: null, clientMessageId: 'agent-77' }),
        turnRow({ _id: 'system', askedAt: at(-1), kind: 'system', question: null }),
        turnRow({ _id: 'claim', askedAt: at(-1), kind: 'claim', status: 'pending', question: null, answer: null, seq: '' }),
      ];
      for (const row of rows) await store.insert(row);
      const stamps = await store.recentQuestions('member-ada', at(-60), at(-10), 100);
      assert.deepEqual(stamps, [
        { _id: 'bob-pending', memberId: 'member-bob', kind: 'ai', askedAt: at(-1) },
        { _id: 'bob-now', memberId: 'member-bob', kind: 'ai', askedAt: at(-2) },
        { _id: 'ada-fallback', memberId: 'member-ada', kind: 'fallback', askedAt: at(-5) },
        { _id: 'ada-day', memberId: 'member-ada', kind: 'ai', askedAt: at(-50) },
      ]);
      assert.deepEqual((await store.recentQuestions('member-ada', at(-60), at(-10), 2)).map((stamp) => stamp._id), ['bob-pending', 'bob-now']);
      assert.deepEqual(await store.recentQuestions('member-eve', at(0), at(0), 10), []);
    });

    check('countAiTurnsSince counts everybody\'s ai turns asked at or after a time, whatever their status; no other kind', async (store) => {
      const at = (s: number) => T0 + s * 1000;
      await store.insert(turnRow({ _id: 'before', askedAt: at(-1) }));
      await store.insert(turnRow({ _id: 'edge', askedAt: at(0) }));
      await store.insert(turnRow({ _id: 'bob', askedAt: at(5), memberId: 'member-bob', status: 'failed', answer: null }));
      await store.insert(turnRow({ _id: 'fallback', askedAt: at(6), kind: 'fallback' }));
      await store.insert(turnRow({ _id: 'agent', askedAt: at(6), kind: 'agent', question: null }));
      await store.insert(turnRow({ _id: 'claim', askedAt: at(6), kind: 'claim', status: 'pending', question: null, answer: null, seq: '' }));
      assert.equal(await store.countAiTurnsSince(at(0)), 2);
      assert.equal(await store.countAiTurnsSince(at(7)), 0);
    });

    check("recentQuestions with details: the member's own stamps also carry thread, status, question and low-confidence reasons; nobody else's do", async (store) => {
      const at = (s: number) => T0 + s * 1000;
      await store.insert(turnRow({ _id: 'ada-poor', askedAt: at(-50), clientMessageId: 'ada-poor-1', question: 'Refunds?', lowConfidence: ['no-sources'], repeat: false }));
      await store.insert(turnRow({ _id: 'ada-old-row', askedAt: at(-40), clientMessageId: 'ada-old-01', threadId: 'thread-2', status: 'failed', answer: null }));
      await store.insert(turnRow({ _id: 'bob-now', askedAt: at(-2), memberId: 'member-bob', question: "Bob's private question" }));
      const stamps = await store.recentQuestions('member-ada', at(-60), at(-10), 100, { details: true });
      assert.deepEqual(stamps, [
        { _id: 'bob-now', memberId: 'member-bob', kind: 'ai', askedAt: at(-2) },
        { _id: 'ada-old-row', memberId: 'member-ada', kind: 'ai', askedAt: at(-40), details: { threadId: 'thread-2', status: 'failed', question: 'What does the kit do?' } },
        { _id: 'ada-poor', memberId: 'member-ada', kind: 'ai', askedAt: at(-50), details: { threadId: 'thread-1', status: 'answered', question: 'Refunds?', lowConfidence: ['no-sources'] } },
      ]);
    });

    check("sumTokensSince sums everybody's tokens (prompt + completion) of turns asked at or after a time, any kind; turns without tokens add nothing", async (store) => {
      const at = (s: number) => T0 + s * 1000;
      await store.insert(turnRow({ _id: 'before', askedAt: at(-1), tokens: { prompt: 1000, completion: 1000 } }));
      await store.insert(turnRow({ _id: 'edge', askedAt: at(0), tokens: { prompt: 120, completion: 48 } }));
      await store.insert(turnRow({ _id: 'bob', askedAt: at(5), memberId: 'member-bob', tokens: { prompt: 30, completion: 2 } }));
      // A refused answer is stored as a fallback turn with what it cost.
      await store.insert(turnRow({ _id: 'withheld', askedAt: at(6), kind: 'fallback', tokens: { prompt: 7, completion: 0 } }));
      await store.insert(turnRow({ _id: 'sitegpt', askedAt: at(6) }));
      await store.insert(turnRow({ _id: 'no-tokens', askedAt: at(6), tokens: null }));
      assert.equal(await store.sumTokensSince(at(0)), 120 + 48 + 30 + 2 + 7);
      assert.equal(await store.sumTokensSince(at(7)), 0);
      assert.deepEqual((await store.get('edge', { consistent: true }))!.tokens, { prompt: 120, completion: 48 });
    });
  });
}
