/**
 * Where the member stands with a person, read from their thread row (architecture.md §10):
 *
 * - `offer`: the last `handoffAfter` AI answers on this conversation were poor; the pane offers
 *   "Talk to a person" until the member asks (requestHuman) or a good answer resets the streak.
 * - `active`: handed off. An **episode** runs from the handoff until the member starts a new
 *   conversation (the state belongs to `handoffThreadId`; forgetting the chat clears it), or
 *   until 24 h have passed since the later of the handoff and the last reply of a person
 *   (the owner in Wix Inbox). Within an episode the kit never hands off again. When it ends,
 *   questions go to the AI again, and the next handoff opens a new episode.
 *
 * The end is read, never written at that moment: no timer runs on Wix's backend. The first send
 * after it clears the state (and hands SiteGPT's thread back to its AI), see reopen.ts.
 */
import type { HandoffState } from '../../../contract/index.js';
import type { HandoffFields } from '../threads/ports.js';

/** How long an episode outlives the handoff or the last reply of a person. */
export const EPISODE_MS = 24 * 60 * 60_000;

/** The member's state on `threadId` at `now`; undefined for neither offer nor handoff. */
export function handoffStateOf(fields: HandoffFields | undefined, threadId: string, now: number): HandoffState | undefined {
  if (!fields || fields.handoffThreadId !== threadId) return undefined;
  if (fields.handoffState === 'offer') return 'offer';
  if (fields.handoffState === 'active' && now < episodeEnd(fields)) return 'active';
  return undefined;
}

/** A handoff on this thread whose episode is over but still stored as active. */
export function isEndedEpisode(fields: HandoffFields | undefined, threadId: string, now: number): boolean {
  return !!fields && fields.handoffThreadId === threadId && fields.handoffState === 'active' && now >= episodeEnd(fields);
}

export function episodeEnd(fields: HandoffFields): number {
  return Math.max(fields.handoffSince ?? 0, fields.handoffReplyAt ?? 0) + EPISODE_MS;
}

/** Only the handoff fields of a row (what MemberThread carries). */
export function handoffFieldsOf(row: HandoffFields): HandoffFields {
  const {
    handoffState,
    handoffThreadId,
    handoffSince,
    handoffReason,
    handoffTargets,
    handoffReplyAt,
    inboxConversationId,
  } = row;
  const fields: HandoffFields = { handoffState, handoffThreadId, handoffSince, handoffReason, handoffTargets, handoffReplyAt, inboxConversationId };
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as HandoffFields;
}

/** The fields that end every episode and offer (a forgotten chat). The inbox mapping goes too. */
export const NO_HANDOFF: Required<{ [K in keyof HandoffFields]: null }> = {
  handoffState: null,
  handoffThreadId: null,
  handoffSince: null,
  handoffReason: null,
  handoffTargets: null,
  handoffReplyAt: null,
  inboxConversationId: null,
};
