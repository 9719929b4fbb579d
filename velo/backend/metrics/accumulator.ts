/**
 * The metrics of a date range, built one mirror row at a time (architecture.md §10), so a range
 * of 100,000 turns is read page by page and never held whole: each row is reduced to its facts
 * (turn-facts.ts) at once, and only latencies and the member-days' questions stay.
 *
 * - Days are 24-hour periods from `from` (the element sends its local midnight, so they are the
 *   admin's days); the last one may be shorter.
 * - **First-response latency p50 / p95**: nearest-rank percentiles (percentile.ts) of the
 *   latencies of the range's answered `ai` and `fallback` questions.
 * - **Solved-without-handoff rate**: solved member-days ÷ member-days (member-days.ts).
 * - **Repeat-question rate**: repeats ÷ questions.
 * - **Fallback rate**: `fallback` questions ÷ questions.
 * - **Low-confidence rate**: low-confidence AI answers ÷ AI answers.
 * - **Handoffs**: handoff turns, by reason. **Errors by code**: failed turns by `errorCode`.
 * - **Tokens**: the provider's prompt and completion tokens (SiteGPT reports none: 0).
 */
import { DAY_MS, type ChatMetrics, type MetricsDay } from '../../../contract/metrics.js';
import type { TurnRow } from '../chat/ports.js';
import { MemberDays } from './member-days.js';
import { ascending, percentile, share } from './percentile.js';
import { turnFacts } from './turn-facts.js';

export interface MetricsRange {
  from: number;
  to: number;
}

interface DayTotals {
  questions: number;
  repeats: number;
  latencies: number[];
  tokens: number;
}

export class MetricsAccumulator {
  readonly #range: MetricsRange;
  readonly #days: DayTotals[];
  readonly #memberDays: MemberDays;
  readonly #latencies: number[] = [];
  readonly #errors = new Map<string, number>();
  readonly #counts = { turns: 0, questions: 0, repeats: 0, fallbacks: 0, aiAnswered: 0, lowConfidence: 0, failed: 0 };
  readonly #handoffs = { total: 0, lowConfidence: 0, requested: 0 };
  readonly #tokens = { prompt: 0, completion: 0 };

  constructor(range: MetricsRange, repeatWindowMs: number) {
    this.#range = range;
    const dayCount = Math.ceil((range.to - range.from) / DAY_MS);
    this.#days = Array.from({ length: dayCount }, () => ({ questions: 0, repeats: 0, latencies: [], tokens: 0 }));
    this.#memberDays = new MemberDays(dayCount, repeatWindowMs);
  }

  /** One row; rows may come in any order. Rows after `to` count only as later repeats. */
  add(row: TurnRow): void {
    if (row.kind === 'claim' || row.askedAt < this.#range.from) return;
    const facts = turnFacts(row);
    if (row.askedAt >= this.#range.to) {
      if (facts.repeat) this.#memberDays.addLaterRepeat(row.memberId, row.askedAt);
      return;
    }
    const dayIndex = Math.floor((row.askedAt - this.#range.from) / DAY_MS);
    const day = this.#days[dayIndex]!;
    const counts = this.#counts;
    counts.turns++;
    if (facts.question) {
      counts.questions++;
      day.questions++;
    }
    if (facts.repeat) {
      counts.repeats++;
      day.repeats++;
    }
    if (facts.fallback) counts.fallbacks++;
    if (facts.aiAnswered) counts.aiAnswered++;
    if (facts.lowConfidence) counts.lowConfidence++;
    if (facts.latencyMs !== null) {
      this.#latencies.push(facts.latencyMs);
      day.latencies.push(facts.latencyMs);
    }
    if (facts.failed !== null) {
      counts.failed++;
      this.#errors.set(facts.failed, (this.#errors.get(facts.failed) ?? 0) + 1);
    }
    if (facts.handoff !== null) {
      this.#handoffs.total++;
      this.#handoffs[facts.handoff === 'requested' ? 'requested' : 'lowConfidence']++;
    }
    this.#tokens.prompt += facts.tokens.prompt;
    this.#tokens.completion += facts.tokens.completion;
    day.tokens += facts.tokens.prompt + facts.tokens.completion;
    this.#memberDays.add(row.memberId, row.askedAt, row.question, facts, dayIndex);
  }

  result(): ChatMetrics {
    const { members, memberDaysByDay, solvedByDay, unresolved } = this.#memberDays.finish();
    const memberDays = sum(memberDaysByDay);
    const solvedMemberDays = sum(solvedByDay);
    const latencies = ascending(this.#latencies);
    const counts = this.#counts;
    const days: MetricsDay[] = this.#days.map((day, i) => {
      const sorted = ascending(day.latencies);
      return {
        start: this.#range.from + i * DAY_MS,
        questions: day.questions,
        memberDays: memberDaysByDay[i]!,
        solved: solvedByDay[i]!,
        latencyP50: percentile(sorted, 50),
        latencyP95: percentile(sorted, 95),
        solvedRate: share(solvedByDay[i]!, memberDaysByDay[i]!),
        repeatRate: share(day.repeats, day.questions),
        tokens: day.tokens,
      };
    });
    return {
      from: this.#range.from,
      to: this.#range.to,
      turns: counts.turns,
      questions: counts.questions,
      members,
      memberDays,
      solvedMemberDays,
      latency: { p50: percentile(latencies, 50), p95: percentile(latencies, 95), answered: latencies.length },
      rates: {
        solvedWithoutHandoff: share(solvedMemberDays, memberDays),
        repeatQuestion: share(counts.repeats, counts.questions),
        fallback: share(counts.fallbacks, counts.questions),
        lowConfidence: share(counts.lowConfidence, counts.aiAnswered),
      },
      counts: { repeats: counts.repeats, fallbacks: counts.fallbacks, aiAnswered: counts.aiAnswered, lowConfidence: counts.lowConfidence, failed: counts.failed },
      handoffs: { ...this.#handoffs },
      errors: [...this.#errors]
        .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
        .map(([code, count]) => ({ code: code as ChatMetrics['errors'][number]['code'], count })),
      tokens: { ...this.#tokens },
      days,
      unresolved,
    };
  }
}

/** The metrics of rows already in hand (tests, the seed command's summary). */
export function computeMetrics(rows: Iterable<TurnRow>, range: MetricsRange, repeatWindowMs = DAY_MS): ChatMetrics {
  const metrics = new MetricsAccumulator(range, repeatWindowMs);
  for (const row of rows) metrics.add(row);
  return metrics.result();
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
