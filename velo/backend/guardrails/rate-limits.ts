/**
 * Rate limits (architecture.md §9), counted from the transcript mirror so they hold across
 * backend containers: per member per minute and per day (rolling 60 s and 24 h), and site-wide
 * questions per minute to SiteGPT (kept under the plan's limit). One consistent read per new
 * question gives every count. A limited send makes no upstream call, stores no turn and answers
 * RATE_LIMITED with `retryAfterMs`: when the oldest counted question leaves its window.
 *
 * Counts are read before the turn is written, so calls that overlap see each other's questions
 * only once written. For the per-minute limit that is closed by the insert-as-lock: every new
 * question also claims one of `limitPerMinute` content-free slot rows of its member and calendar
 * minute, so at most `limitPerMinute` questions of a member are admitted in any calendar minute,
 * however many devices and containers send at once. The rolling counts (minute, day, site) hold
 * exactly for calls that do not overlap; overlapping calls can pass the daily limit by fewer than
 * `limitPerMinute` and the site limit by the number of calls in flight (hence 90 of a plan's 100).
 */
import type { BackendConfig } from '../config.js';
import type { QuestionStamp, TranscriptStore, TurnRow } from '../chat/ports.js';
import type { Deadline } from '../runtime/deadline.js';
import { Failure } from '../runtime/failure.js';
import { digestId } from '../runtime/digest-id.js';
import { portCall } from '../runtime/port-call.js';
import type { Clock } from '../runtime/ports.js';
import { lockRow } from './lock-rows.js';
import type { Settings } from './settings-schema.js';

/** What the guardrails need of the mirror: the store, the time, the caps of a CMS call. */
export interface MirrorIo {
  transcript: TranscriptStore;
  clock: Clock;
  config: BackendConfig;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** Wix Data answers at most 1000 items per query. */
const MAX_READ = 1000;

export type Limits = Pick<Settings, 'limitPerMinute' | 'limitPerDay' | 'siteLimitPerMinute'>;

export interface Question {
  memberId: string;
  threadId: string;
  /** The turn's mirror row `_id`: a question already in the mirror is a retry, not a new question. */
  turnRowId: string;
}

/**
 * What the rate limits decided, and the questions their one read saw: the handoff reuses them
 * (the member's own, with `details`) for its repeat and low-confidence checks, so those cost no
 * read of their own (architecture.md §10).
 */
export interface Admission {
  /** 'retry' when the turn is already in the mirror (its retry is not a new question), else 'admitted'. */
  verdict: 'admitted' | 'retry';
  recent: readonly QuestionStamp[];
}

export async function admitQuestion(io: MirrorIo, question: Question, limits: Limits, deadline: Deadline): Promise<Admission> {
  const now = io.clock.now();
  const limit = Math.min(MAX_READ, limits.limitPerDay + limits.siteLimitPerMinute);
  const stamps = await portCall('cms-query', deadline, io.config, () =>
    io.transcript.recentQuestions(question.memberId, now - DAY, now - MINUTE, limit, { details: true }),
  );
  if (stamps.some((stamp) => stamp._id === question.turnRowId)) return { verdict: 'retry', recent: stamps };
  const waitMs = rollingWait(stamps, question.memberId, limits, now);
  if (waitMs > 0) throw limited(waitMs, 'rate-limit');
  await claimSlot(io, question, stamps, limits.limitPerMinute, now, deadline);
  return { verdict: 'admitted', recent: stamps };
}

/** How long until every limit has room again (0: there is room now). */
export function rollingWait(stamps: readonly QuestionStamp[], memberId: string, limits: Limits, now: number): number {
  const mine = stamps.filter((stamp) => stamp.memberId === memberId);
  const site = stamps.filter((stamp) => stamp.kind === 'ai');
  return Math.max(
    waitFor(mine, limits.limitPerMinute, MINUTE, now),
    waitFor(mine, limits.limitPerDay, DAY, now),
    waitFor(site, limits.siteLimitPerMinute, MINUTE, now),
  );
}

/** With `count` questions in the window and room for `limit`, the one that must leave is the count-limit+1th oldest. */
function waitFor(stamps: readonly QuestionStamp[], limit: number, windowMs: number, now: number): number {
  const inWindow = stamps.filter((stamp) => stamp.askedAt > now - windowMs).map((stamp) => stamp.askedAt);
  if (inWindow.length < limit) return 0;
  inWindow.sort((a, b) => a - b);
  return Math.max(1, inWindow[inWindow.length - limit]! + windowMs - now);
}

/**
 * Claims the first free slot of the member's calendar minute, starting after the questions the
 * read saw in it; every slot taken means `limitPerMinute` questions were admitted this minute.
 */
async function claimSlot(io: MirrorIo, question: Question, stamps: readonly QuestionStamp[], perMinute: number, now: number, deadline: Deadline): Promise<void> {
  const minute = Math.floor(now / MINUTE);
  const seen = stamps.filter((stamp) => stamp.memberId === question.memberId && Math.floor(stamp.askedAt / MINUTE) === minute).length;
  for (let slot = seen; slot < perMinute; slot++) {
    const row = await slotRow(question, minute, slot, now);
    const outcome = await portCall('cms-write', deadline, io.config, () => io.transcript.insert(row));
    if (outcome === 'inserted') return;
  }
  throw limited((minute + 1) * MINUTE - now, 'rate-limit-slots');
}

function limited(waitMs: number, reason: string): Failure {
  return new Failure('RATE_LIMITED', reason, {
    retryAfterMs: Math.ceil(waitMs),
    message: 'You are sending messages faster than this chat allows. Try again in a moment.',
  });
}

/** The slot's lock row: its `_id` names the member, the calendar minute and the slot. */
async function slotRow(question: Question, minute: number, slot: number, now: number): Promise<TurnRow> {
  const _id = await digestId(['sitegpt-member-chat/rate-slot/v1', question.memberId, minute, slot]);
  return lockRow({ _id, memberId: question.memberId, threadId: question.threadId, label: `rate-slot-${minute}-${slot}`, now });
}
