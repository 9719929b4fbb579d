/**
 * The offer of a person (architecture.md §10): after `handoffAfter` low-confidence AI answers in
 * a row on the member's conversation, the member's row says `offer`, so every device shows
 * "Talk to a person"; a good answer resets the streak and takes the offer back. Failed turns,
 * static replies and questions to a person are not AI answers: they neither count nor reset.
 *
 * The streak is read without a read of its own: after an answer from the rate limits' read of
 * the member's last 24 h (their stamps carry status and low-confidence reasons), after a rating
 * from the newest page of the thread. So it counts answers of the last 24 h: two poor answers
 * a week apart are not "in a row". The row is written only when the state changes.
 */
import type { HandoffState } from '../../../contract/index.js';
import type { ChatDeps } from '../chat/deps.js';
import type { QuestionStamp, TurnRow } from '../chat/ports.js';
import type { Settings } from '../guardrails/settings-schema.js';
import type { Deadline } from '../runtime/deadline.js';
import type { Trace } from '../runtime/instrument.js';
import { portCall } from '../runtime/port-call.js';
import type { MemberThread } from '../threads/member-threads.js';
import { handoffStateOf } from './episode.js';

export type OfferDeps = Pick<ChatDeps, 'ports' | 'config'>;

const DAY = 24 * 60 * 60_000;

/** What the streak needs of a turn. */
export interface AnswerFact {
  kind: string;
  status: string;
  lowConfidence?: string[] | undefined;
}

/** Poor AI answers in a row, newest first: stops at the first good one. */
export function poorStreak(newestFirst: readonly AnswerFact[]): number {
  let streak = 0;
  for (const fact of newestFirst) {
    if (fact.kind !== 'ai' || fact.status !== 'answered') continue;
    if ((fact.lowConfidence?.length ?? 0) === 0) break;
    streak++;
  }
  return streak;
}

/** The answer just given, then the member's earlier questions on this thread, newest first. */
export function factsAfterAnswer(row: TurnRow, earlier: readonly QuestionStamp[]): AnswerFact[] {
  const before = earlier
    .filter((stamp) => stamp._id !== row._id && stamp.memberId === row.memberId && stamp.details?.threadId === row.threadId && stamp.askedAt >= row.askedAt - DAY)
    .sort((a, b) => b.askedAt - a.askedAt)
    .map((stamp) => ({ kind: stamp.kind, status: stamp.details!.status, lowConfidence: stamp.details!.lowConfidence }));
  return [row, ...before];
}

/**
 * After a new answer: moves the member's state between none and `offer` and answers the state
 * the send result carries. A state it could not store is noted on the log line; the member still
 * gets the state this answer decided.
 */
export async function offerAfterAnswer(deps: OfferDeps, current: MemberThread, row: TurnRow, earlier: readonly QuestionStamp[], settings: Settings, deadline: Deadline, trace: Trace): Promise<HandoffState | undefined> {
  const state = handoffStateOf(current.handoff, current.threadId, deps.ports.clock.now());
  if (state === 'active' || row.kind !== 'ai' || row.status !== 'answered') return state;
  return decide(deps, current.member.id, current.threadId, state, poorStreak(factsAfterAnswer(row, earlier)), settings, deadline, trace);
}

/** After a rating that changed whether an answer is poor: the same decision, from the newest page. */
export async function offerAfterRating(deps: OfferDeps, memberId: string, rated: TurnRow, settings: Settings, deadline: Deadline, trace: Trace): Promise<void> {
  const { ports, config } = deps;
  const row = await portCall('cms-read', deadline, config, () => ports.threads.get(memberId));
  if (!row?.threadId || row.threadId !== rated.threadId) return;
  const now = ports.clock.now();
  const state = handoffStateOf(row, row.threadId, now);
  if (state === 'active') return;
  const page = await portCall('cms-query', deadline, config, () => ports.transcript.page(memberId, rated.threadId, { limit: config.chat.pageSize }));
  const facts = page.filter((turn) => turn.askedAt >= now - DAY).map((turn) => (turn._id === rated._id ? rated : turn));
  await decide(deps, memberId, row.threadId, state, poorStreak(facts), settings, deadline, trace);
}

async function decide(deps: OfferDeps, memberId: string, threadId: string, state: HandoffState | undefined, streak: number, settings: Settings, deadline: Deadline, trace: Trace): Promise<HandoffState | undefined> {
  const { ports, config } = deps;
  const next = streak >= settings.handoffAfter || (state === 'offer' && streak > 0) ? 'offer' : undefined;
  if (next === state) return state;
  const fields =
    next === 'offer'
      ? { handoffState: 'offer' as const, handoffThreadId: threadId, handoffSince: ports.clock.now(), handoffReason: 'low-confidence' as const, handoffTargets: null, handoffReplyAt: null }
      : { handoffState: null };
  await portCall('cms-write', deadline, config, () => ports.threads.patchHandoff(memberId, fields)).catch(() => {
    trace.note = 'handoff-state-write-failed';
  });
  return next;
}
