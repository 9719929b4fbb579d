/**
 * Where the red-team cases send to: the two scripted stand-ins (standins.ts) or a live chatbot
 * (scripts/redteam-live.ts), with a record of every request each provider was sent.
 */
import type { CompletionRequestRecord } from '../fixtures/openai-standin/chat-completions.js';
import type { StandinRequestRecord } from '../fixtures/sitegpt-standin/request-record.js';
import type { Member } from '../../velo/backend/ports.js';

/** Where the providers are, and what they were sent: the stand-ins, or a live chatbot. */
export interface Upstream {
  /** Every SiteGPT request so far, whole: URL with its query, every header, body (the array grows). */
  sitegptRequests: ReadonlyArray<StandinRequestRecord>;
  /** Every chat-completions request so far. */
  openaiRequests: ReadonlyArray<CompletionRequestRecord>;
  /** The site's secrets besides memoryKit's stand-in ones (a live site: its own keys). */
  secrets: Record<string, string>;
  /** The settings that switch the site to its OpenAI-compatible endpoint. */
  openaiSettings: Record<string, unknown>;
  /** SiteGPT's base URL (default: the stand-in's). */
  sitegptBaseUrl?: string;
  /** The keys nothing may hold. */
  keys: string[];
  /** The member the cases run as (default Ada). */
  member?: Member;
  reset(): void;
  /** Makes each provider's next answer an error that quotes the keys (SE-04); stand-ins only. */
  failEchoingKeys?(message: string): void;
}

export const PROVIDERS = ['sitegpt', 'openai'] as const;
export type Provider = (typeof PROVIDERS)[number];
