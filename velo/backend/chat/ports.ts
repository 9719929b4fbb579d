/**
 * The ports of native mode (architecture.md §8): the transcript mirror, realtime notices and
 * SiteGPT's message calls. The Wix adapters (wix/), the sandbox (SQLite, Server-Sent Events)
 * and the tests (memory) each implement them.
 */
import type { ErrorCode, Notice, Reaction, TurnKind, TurnStatus } from '../../../contract/index.js';
import type { Deadline } from '../runtime/deadline.js';

/**
 * One row of the mirror (CMS collection `SiteGptMessages`). Times are ms since the epoch here;
 * the Wix adapter stores them as CMS dates where a person reads them in the dashboard.
 */
export interface TurnRow {
  /** Hash of member and clientMessageId (see chat/turn-id): a retried send is the same row. */
  _id: string;
  memberId: string;
  threadId: string;
  clientMessageId: string;
  /** `claim` rows hold no content: they make a retry's attempt exclusive (architecture.md §8.3). */
  kind: TurnKind | 'claim';
  status: TurnStatus;
  question: string | null;
  answer: string | null;
  sources: string[];
  reaction: Reaction | null;
  askedAt: number;
  answeredAt: number | null;
  /** When the row last changed; the sync cursor and "the higher copy wins". */
  rev: number;
  /** Sort key of the thread, `askedAt` zero-padded then the clientMessageId: pages compare it as text. */
  seq: string;
  upstreamMessageId: string | null;
  upstreamLatencyMs: number | null;
  errorCode: ErrorCode | null;
  /** A failed send that may have reached SiteGPT: its retry re-reads the thread first. */
  uncertain: boolean;
  attempt: number;
  /**
   * Why the answer counts as low confidence (architecture.md §10): `no-answer`, `no-sources`,
   * `refusal`, `negative-reaction`; empty when it does not. Absent on rows written before.
   */
  lowConfidence?: string[];
  /** The question repeats one of the member's questions of the last 24 h (§10). */
  repeat?: boolean;
  /** On a `system` turn: the conversation was handed to a person here, and why. */
  handoff?: { reason: 'low-confidence' | 'requested'; targets: string[] } | null;
  /** Tokens the provider counted for this answer (the OpenAI-compatible provider; SiteGPT reports none). */
  tokens?: { prompt: number; completion: number } | null;
}

export interface TranscriptStore {
  /** `consistent` reads the primary copy (right after another container's write). */
  get(id: string, options?: { consistent?: boolean }): Promise<TurnRow | null>;
  /** 'duplicate' when a row with this `_id` exists: the insert is the only atomic lock the CMS has. */
  insert(row: TurnRow): Promise<'inserted' | 'duplicate'>;
  /** Replaces the row with this `_id`. */
  update(row: TurnRow): Promise<void>;
  /** The member's turns of one thread, newest first, `seq` below `beforeSeq` when given; never claim rows. */
  page(memberId: string, threadId: string, options: { beforeSeq?: string; limit: number }): Promise<TurnRow[]>;
  /** The member's turns of one thread with `rev >= sinceRev`, lowest rev first; never claim rows. */
  changedSince(memberId: string, threadId: string, sinceRev: number, limit: number): Promise<TurnRow[]>;
  /**
   * Removes every row of the member (forgetMyChat); answers how many went. A store the site
   * doesn't have (widget mode may skip SiteGptMessages) holds none: 0, not a failure.
   */
  removeMember(memberId: string): Promise<number>;
  /**
   * One page of every member's turns asked in `[fromMs, toMs)`, in `askedAt` order (ties by
   * `_id`), never claim rows: the metrics read the mirror with it (architecture.md §10). `after`
   * is the `next` of the page before; `next` is null once there is nothing more.
   */
  scan(fromMs: number, toMs: number, options: { after?: string; limit: number }): Promise<ScanPage>;
  /**
   * The guardrails' rate-limit read (architecture.md §9), consistent: the questions (`ai` and
   * `fallback` turns) the member asked at or after `memberSinceMs`, or anybody asked at or after
   * `siteSinceMs`, newest first, at most `limit`, each with only what a count needs.
   */
  recentQuestions(memberId: string, memberSinceMs: number, siteSinceMs: number, limit: number, options?: RecentOptions): Promise<QuestionStamp[]>;
  /** How many `ai` turns (answered by the provider, or tried) anybody asked at or after `sinceMs`: the monthly budget. */
  countAiTurnsSince(sinceMs: number): Promise<number>;
  /** The `tokens` (prompt + completion) of everybody's turns asked at or after `sinceMs`: the monthly token budget. */
  sumTokensSince(sinceMs: number): Promise<number>;
}

/** A question as the rate limits count it: which turn row, whose, answered by whom, when. */
export interface QuestionStamp {
  _id: string;
  memberId: string;
  kind: 'ai' | 'fallback';
  askedAt: number;
  /**
   * With `details` (the handoff's repeat and streak checks, architecture.md §10), and only on
   * the member's own stamps: another member's text never leaves the store.
   */
  details?: StampDetails;
}

/** What the handoff reads of the member's own recent questions, from the rate limits' one query. */
export interface StampDetails {
  threadId: string;
  status: TurnStatus;
  question: string | null;
  /** The answer's low-confidence reasons as stored; absent when it has none recorded. */
  lowConfidence?: string[];
}

export interface RecentOptions {
  /** Adds `details` to the member's own stamps (a wider projection of the same query). */
  details?: boolean;
}

/** A page of `scan`: its rows and the cursor of the next page (null: the range is done). */
export interface ScanPage {
  rows: TurnRow[];
  next: string | null;
}

/** Publishes a content-free notice to the member's own devices; best effort. */
export interface RealtimePort {
  publish(memberId: string, notice: Notice): Promise<void>;
  /**
   * Publishes a content-free `service` notice on the site-wide SERVICE_CHANNEL (every open page
   * may read it). Optional: without it a mode change reaches pages on their next call.
   */
  publishService?(notice: Notice): Promise<void>;
}

/** One message as SiteGPT's v0 API returns it, after parsing (architecture.md §7). */
export interface UpstreamMessage {
  messageId: string;
  messageType: 'NORMAL_MESSAGE' | 'USER_MESSAGE' | 'AGENT_MESSAGE' | 'SYSTEM_MESSAGE' | string;
  question: { text: string; timestamp: number } | null;
  answer: { text: string; timestamp: number } | null;
  sources: string[];
}

export interface SitegptCall {
  apiKey: string;
  chatbotId: string;
  threadId: string;
}

/** SiteGPT's message calls (v0: send message, fetch thread, update message). */
export interface SitegptChatPort {
  /** Posts the member's question (`from: USER`) and answers SiteGPT's message. Never retried. */
  sendMessage(call: SitegptCall & { message: string }, deadline: Deadline): Promise<UpstreamMessage>;
  /** Every message of the thread, oldest first, or null when SiteGPT does not know the thread. */
  threadMessages(call: SitegptCall, deadline: Deadline): Promise<UpstreamMessage[] | null>;
  /** Sets the member's reaction on a message (`NEUTRAL` clears it). */
  react(call: SitegptCall & { messageId: string; reaction: Reaction | 'NEUTRAL' }, deadline: Deadline): Promise<void>;
}
