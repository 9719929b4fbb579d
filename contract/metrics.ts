/**
 * `getChatMetrics({from, to})`, the Admin web method behind `<sitegpt-chat-metrics>`
 * (architecture.md §10): its argument and its answer. The element parses the answer again from
 * its `metrics` attribute. Kept out of contract/index.ts on purpose, so the member element's
 * bundle never carries these schemas. Every figure is defined in velo/backend/metrics/.
 */
import * as z from 'zod/mini';
import { ERROR_CODES, FailedSchema, wholeNumber } from './errors.js';

export const METRICS_LIMITS = {
  /** The longest range one call computes (a quarter). */
  maxDays: 92,
  /** How many unresolved questions the answer lists. */
  unresolved: 10,
  /** An unresolved question is shown up to this many characters. */
  questionChars: 300,
} as const;

export const DAY_MS = 86_400_000;

/** `2026-03-01`, or a date-time with seconds optional and a `Z` or an offset: never a local time. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;
const instant = z.union([wholeNumber(), z.string().check(z.maxLength(40), z.regex(ISO_DATE), z.refine(isRealDate))]);

/** Date.parse takes "2026-02-31" for 3 March: the calendar date must exist as written. */
function isRealDate(value: string): boolean {
  const [year, month, day] = value.slice(0, 10).split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return Number.isFinite(Date.parse(value)) && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** `from` (inclusive) and `to` (exclusive): ms since the epoch or ISO 8601. The server checks from < to and ≤ 92 days. */
export const ChatMetricsArgsSchema = z.strictObject({ from: instant, to: instant });
export type ChatMetricsArgs = z.infer<typeof ChatMetricsArgsSchema>;

const count = wholeNumber();
const ms = z.nullable(wholeNumber());
/** A share from 0 to 1; null when there was nothing to divide by. */
const rate = z.nullable(z.number().check(z.gte(0), z.lte(1)));

/** One 24-hour day of the range, from `start`: the trend of the three headline figures. */
export const MetricsDaySchema = z.object({
  start: wholeNumber(),
  questions: count,
  memberDays: count,
  solved: count,
  latencyP50: ms,
  latencyP95: ms,
  solvedRate: rate,
  repeatRate: rate,
  tokens: count,
});
export type MetricsDay = z.infer<typeof MetricsDaySchema>;

export const UnresolvedQuestionSchema = z.object({
  /** Member text, as they last asked it: Admin-only, shown as text, never logged. */
  question: z.string().check(z.maxLength(METRICS_LIMITS.questionChars)),
  count,
  members: count,
  lastAskedAt: wholeNumber(),
});
export type UnresolvedQuestion = z.infer<typeof UnresolvedQuestionSchema>;

export const ChatMetricsSchema = z.object({
  from: wholeNumber(),
  to: wholeNumber(),
  /** Turns read in the range (claim rows are not turns). */
  turns: count,
  questions: count,
  members: count,
  memberDays: count,
  solvedMemberDays: count,
  latency: z.object({ p50: ms, p95: ms, answered: count }),
  rates: z.object({ solvedWithoutHandoff: rate, repeatQuestion: rate, fallback: rate, lowConfidence: rate }),
  counts: z.object({ repeats: count, fallbacks: count, aiAnswered: count, lowConfidence: count, failed: count }),
  handoffs: z.object({ total: count, lowConfidence: count, requested: count }),
  /** Failed turns by error code, most first; `UNKNOWN` for a failed row without one. */
  errors: z.array(z.object({ code: z.enum([...ERROR_CODES, 'UNKNOWN']), count })).check(z.maxLength(ERROR_CODES.length + 1)),
  tokens: z.object({ prompt: count, completion: count }),
  days: z.array(MetricsDaySchema).check(z.maxLength(METRICS_LIMITS.maxDays)),
  unresolved: z.array(UnresolvedQuestionSchema).check(z.maxLength(METRICS_LIMITS.unresolved)),
});
export type ChatMetrics = z.infer<typeof ChatMetricsSchema>;

export const ChatMetricsResultSchema = z.discriminatedUnion('ok', [z.extend(ChatMetricsSchema, { ok: z.literal(true) }), FailedSchema]);
export type ChatMetricsResult = z.infer<typeof ChatMetricsResultSchema>;
