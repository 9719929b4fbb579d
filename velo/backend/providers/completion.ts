/**
 * The completion port (architecture.md §11): one question in, one answer out, whoever answers.
 * SiteGPT keeps the thread and the prompt itself; an OpenAI-compatible endpoint is sent the
 * typed context and the last turns from the mirror. chat/delivery.ts asks the provider the
 * settings name and never sees which one it was.
 */
import type { Settings } from '../guardrails/settings-schema.js';
import type { Deadline } from '../runtime/deadline.js';
import type { Member } from '../runtime/ports.js';
import type { SiteSecrets } from '../threads/site-secrets.js';
import type { UpstreamMessage } from '../chat/ports.js';

export interface CompletionRequest {
  member: Member;
  /** The member's thread: SiteGPT's thread ID, the mirror's thread for other providers. */
  threadId: string;
  /** The turn being answered (the mirror row's clientMessageId). */
  turnId: string;
  /** The turn's place in the thread (the mirror row's `seq`): earlier turns are the ones before it. */
  seq: string;
  /** The member's normalised question; only ever a `user` message. */
  question: string;
  site: SiteSecrets;
  settings: Settings;
}

/** The provider's answer in SiteGPT's shape, plus the tokens it counted (none for SiteGPT). */
export type CompletionAnswer = Omit<UpstreamMessage, 'messageId'> & {
  /** The provider's ID of the message where the kit may refer to it later (SiteGPT's, for reactions); else null. */
  messageId: string | null;
  tokens?: { prompt: number; completion: number } | null;
  /**
   * The provider withheld its answer (its content filter): the member gets a static reply
   * instead, stored as a `fallback` turn with the tokens it cost.
   */
  withheld?: 'content-filter';
};

export interface CompletionProvider {
  readonly name: Settings['provider'];
  /**
   * Whether the provider keeps the conversation itself (SiteGPT), so a send that failed after it
   * may have arrived is looked for there before it is posted again (architecture.md §8.4). A
   * provider that keeps nothing is simply asked again.
   */
  readonly keepsThread: boolean;
  /** Answers the question or throws a Failure (`uncertain` when it may have been delivered). Never retried. */
  answer(request: CompletionRequest, deadline: Deadline): Promise<CompletionAnswer>;
}
