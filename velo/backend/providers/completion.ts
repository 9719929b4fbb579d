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
  /** The member's normalised question; only ever a `user` message. */
  question: string;
  site: SiteSecrets;
  settings: Settings;
}

/** The provider's answer in SiteGPT's shape, plus the tokens it counted (none for SiteGPT). */
export type CompletionAnswer = UpstreamMessage & { tokens?: { prompt: number; completion: number } | null };

export interface CompletionProvider {
  readonly name: Settings['provider'];
  /** Answers the question or throws a Failure (`uncertain` when it may have been delivered). Never retried. */
  answer(request: CompletionRequest, deadline: Deadline): Promise<CompletionAnswer>;
}
