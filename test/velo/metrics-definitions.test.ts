// The metrics' definitions (velo/backend/metrics/, README "Chat metrics") against figures worked
// out by hand on a small mirror (support/metrics-mirror.ts): one check per figure, each saying
// which turns make it. Then the edges: the 24-hour repeat window, percentiles, the top-10 cap,
// grouping by normalised text, and rows without the classification flags.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeMetrics } from '../../velo/backend/metrics/accumulator.js';
import { percentile } from '../../velo/backend/metrics/percentile.js';
import { questionKey } from '../../velo/backend/metrics/question-key.js';
import { HAND, RANGE, at, handMirror } from './support/metrics-mirror.js';
import { turnRow } from './support/transcript-store-contract.js';

const DAY = 86_400_000;

describe('metrics of a mirror, against figures computed by hand', () => {
  const metrics = computeMetrics(handMirror(), RANGE);
  const figures: Array<[string, unknown, unknown]> = [
    ['turns: every row asked in the range but claims (20 of 23: a claim, one before, one after)', metrics.turns, HAND.turns],
    ['questions: turns with text from the member (not the agent message, not the handoffs, even one with text)', metrics.questions, HAND.questions],
    ['members: those who asked something (Eve only has an agent message and a handoff)', metrics.members, HAND.members],
    ['member-days with a question: Ada 0 and 1, Bob 0 and 2, Cy 1 and 2, Dee 2, Fay 1, Gus 0, Ivy 2, Jo 1', metrics.memberDays, HAND.memberDays],
    ['solved member-days: Ada 0 and Fay 1 only', metrics.solvedMemberDays, HAND.solvedMemberDays],
    ['latency p50 / p95 (nearest rank) over the 13 answered ai and fallback questions', metrics.latency, HAND.latency],
    ['rates: solved 2/11, repeats 2/16, fallbacks 1/16, low confidence 3/12 AI answers', metrics.rates, HAND.rates],
    ['counts behind the rates', metrics.counts, HAND.counts],
    ['handoffs: one after low confidence (Bob), two requested (Gus, Eve)', metrics.handoffs, HAND.handoffs],
    ['errors by code, most first, then by code; a failed row without a code is UNKNOWN', metrics.errors, HAND.errors],
    ['tokens: summed from the turns that carry them', metrics.tokens, HAND.tokens],
    ['days: questions, member-days, solved, latency p50/p95, rates and tokens per 24 h from `from`', metrics.days, HAND.days],
    ['unresolved: unsolved days and poor answers, grouped by normalised text, most asked first, top 10', metrics.unresolved, HAND.unresolved],
  ];
  for (const [what, actual, expected] of figures) {
    it(what, () => assert.deepEqual(actual, expected));
  }
});

describe('metrics edges', () => {
  /** One member: a substantive answer at `first`, and a repeat `gapMs` later (in or after the range). */
  const solvedAfterRepeat = (gapMs: number) => {
    const answered = turnRow({ _id: 'a', askedAt: at(0, 12), answeredAt: at(0, 12) + 900 });
    const repeat = turnRow({ _id: 'b', clientMessageId: 'msg-0002', askedAt: at(0, 12) + gapMs, repeat: true });
    return computeMetrics([answered, repeat], { from: RANGE.from, to: RANGE.from + DAY }).days[0]!.solved;
  };

  for (const [gap, solved] of [
    [DAY - 1, 0],
    [DAY, 0],
    [DAY + 1, 1],
  ] as const) {
    it(`a repeat ${gap - DAY} ms from 24 h after a day's question ${solved ? 'leaves it solved' : 'takes "solved" away'}`, () => {
      assert.equal(solvedAfterRepeat(gap), solved);
    });
  }

  for (const [values, p50, p95] of [
    [[], null, null],
    [[7], 7, 7],
    [[1, 2, 3, 4], 2, 4],
    [Array.from({ length: 12 }, (_, i) => i + 1), 6, 12],
    [Array.from({ length: 20 }, (_, i) => i + 1), 10, 19],
    [Array.from({ length: 100 }, (_, i) => i + 1), 50, 95],
  ] as const) {
    it(`percentiles by nearest rank of ${values.length} values: p50 ${p50}, p95 ${p95}`, () => {
      assert.equal(percentile(values, 50), p50);
      assert.equal(percentile(values, 95), p95);
    });
  }

  it('groups questions by normalised text: case, punctuation, symbols, widths and spacing do not split them', () => {
    for (const text of ['Where is my order?', 'where is my ORDER', '  Where  is my order!!', 'Ｗhere is my order…', 'where is — my order']) {
      assert.equal(questionKey(text), 'where is my order', text);
    }
    assert.notEqual(questionKey('Where is my orders?'), 'where is my order');
  });

  it('lists at most 10 unresolved questions, the most asked first', () => {
    const rows = Array.from({ length: 12 }, (_, q) =>
      Array.from({ length: q + 1 }, (_, k) =>
        turnRow({ _id: `q${q}-${k}`, memberId: `member-${k}`, question: `Question number ${q}`, askedAt: at(0, 8) + q * 1000 + k, reaction: 'NEGATIVE' }),
      ),
    ).flat();
    const { unresolved } = computeMetrics(rows, RANGE);
    assert.equal(unresolved.length, 10);
    assert.deepEqual(unresolved.map((u) => u.count), [12, 11, 10, 9, 8, 7, 6, 5, 4, 3]);
    assert.equal(unresolved[0]!.question, 'Question number 11');
    assert.equal(unresolved[0]!.members, 12);
  });

  it('a row without the classification flags counts as not flagged; with them it counts', () => {
    const plain = turnRow({ askedAt: at(0, 9) });
    assert.deepEqual(Object.keys(plain).filter((key) => ['lowConfidence', 'repeat', 'handoff', 'tokens'].includes(key)), []);
    const without = computeMetrics([plain], RANGE);
    assert.deepEqual([without.counts.lowConfidence, without.counts.repeats, without.handoffs.total, without.solvedMemberDays], [0, 0, 0, 1]);
    const flagged = computeMetrics([{ ...plain, lowConfidence: ['refusal'], repeat: true }], RANGE);
    assert.deepEqual([flagged.counts.lowConfidence, flagged.counts.repeats, flagged.solvedMemberDays], [1, 1, 0]);
  });

  it('an empty range answers zeros and nulls, one day per 24 h (the last one may be shorter)', () => {
    const empty = computeMetrics([], { from: RANGE.from, to: RANGE.from + 2 * DAY + 1 });
    assert.equal(empty.days.length, 3);
    assert.deepEqual([empty.questions, empty.latency.p50, empty.rates.solvedWithoutHandoff, empty.unresolved.length], [0, null, null, 0]);
  });
});
