/**
 * The handoff as the chat methods use it (architecture.md §10): the state a page or a send
 * result carries, the offer after each answer and rating, the end of an episode, and
 * requestHuman. Composed once per kit (kit.ts); the steps live in their own files.
 */
import type { HandoffState } from '../../../contract/index.js';
import type { ChatDeps } from '../chat/deps.js';
import type { QuestionStamp, TurnRow } from '../chat/ports.js';
import type { Settings } from '../guardrails/settings-schema.js';
import type { Deadline } from '../runtime/deadline.js';
import type { Trace } from '../runtime/instrument.js';
import type { MemberThread } from '../threads/member-threads.js';
import { handoffStateOf, isEndedEpisode } from './episode.js';
import { offerAfterAnswer, offerAfterRating } from './offer.js';
import { reopenAfterEpisode } from './reopen.js';
import { requestHuman } from './request-human.js';

export interface Handoff {
  /** Where the member stands on their current thread right now. */
  stateOf(current: MemberThread): HandoffState | undefined;
  /** Before a send: an episode that is over is closed (and SiteGPT's thread handed back to its AI). */
  beforeSend(current: MemberThread, deadline: Deadline, trace: Trace): Promise<MemberThread>;
  /** After an answer: the offer's streak; answers the state the send result carries. */
  afterAnswer(current: MemberThread, row: TurnRow, earlier: readonly QuestionStamp[], settings: Settings, deadline: Deadline, trace: Trace): Promise<HandoffState | undefined>;
  /** After a rating that changed whether an answer is poor. */
  afterRating(memberId: string, rated: TurnRow, settings: Settings, deadline: Deadline, trace: Trace): Promise<void>;
  requestHuman: (args: readonly unknown[], trace: Trace) => ReturnType<typeof requestHuman>;
}

export function createHandoff(deps: Omit<ChatDeps, 'handoff' | 'provider' | 'classifier'>): Handoff {
  const now = () => deps.ports.clock.now();
  return {
    stateOf: (current) => handoffStateOf(current.handoff, current.threadId, now()),
    beforeSend: (current, deadline, trace) =>
      isEndedEpisode(current.handoff, current.threadId, now()) ? reopenAfterEpisode(deps, current, deadline, trace) : Promise.resolve(current),
    afterAnswer: (current, row, earlier, settings, deadline, trace) => offerAfterAnswer(deps, current, row, earlier, settings, deadline, trace),
    // Best effort: the rating itself is stored whatever happens here.
    afterRating: (memberId, rated, settings, deadline, trace) =>
      offerAfterRating(deps, memberId, rated, settings, deadline, trace).catch(() => {
        trace.note = 'handoff-offer-failed';
      }),
    requestHuman: (args, trace) => requestHuman(deps, args, trace),
  };
}
