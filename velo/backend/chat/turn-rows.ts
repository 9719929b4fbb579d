/**
 * Mirror rows and the turns on the wire (architecture.md §8.1, §8.3): new rows, their changes,
 * and the wire view of a row. Every change bumps `rev` past the row's last one, so "the higher
 * copy wins" holds even when two backend containers' clocks disagree.
 */
import type { Turn } from '../../../contract/index.js';
import type { ChatConfig } from '../config.js';
import { cleanAnswer, cleanSources } from '../guardrails/answer.js';
import type { Failure } from '../runtime/failure.js';
import type { TurnRow, UpstreamMessage } from './ports.js';
import { seqOf } from './turn-id.js';

export function nextRev(row: Pick<TurnRow, 'rev'>, now: number): number {
  return Math.max(now, row.rev + 1);
}

export interface NewQuestion {
  _id: string;
  memberId: string;
  threadId: string;
  clientMessageId: string;
  question: string;
  now: number;
}

export function pendingRow({ _id, memberId, threadId, clientMessageId, question, now }: NewQuestion): TurnRow {
  return {
    _id,
    memberId,
    threadId,
    clientMessageId,
    kind: 'ai',
    status: 'pending',
    question,
    answer: null,
    sources: [],
    reaction: null,
    askedAt: now,
    answeredAt: null,
    rev: now,
    seq: seqOf(now, clientMessageId),
    upstreamMessageId: null,
    upstreamLatencyMs: null,
    errorCode: null,
    uncertain: false,
    attempt: 1,
  };
}

/** The content-free row whose insert makes attempt `attempt` of a turn exclusive. */
export function claimRow(turn: TurnRow, _id: string, attempt: number, now: number): TurnRow {
  return {
    ...turn,
    _id,
    kind: 'claim',
    status: 'pending',
    question: null,
    answer: null,
    sources: [],
    reaction: null,
    rev: now,
    seq: '',
    upstreamMessageId: null,
    upstreamLatencyMs: null,
    errorCode: null,
    uncertain: false,
    attempt,
  };
}

/** What a provider answered (SiteGPT's message, or a completion with the tokens it cost). */
export type AnswerMessage = Pick<UpstreamMessage, 'answer' | 'sources'> & {
  messageId: string | null;
  tokens?: { prompt: number; completion: number } | null;
};

/**
 * The provider's message as the turn's answer, cleaned (guardrails/answer.ts). No answer text:
 * delivered, nothing to show. Tokens the provider counted are stored on the row (the metrics'
 * tokens per day and the monthly token budget read them); SiteGPT counts none.
 */
export function answeredRow(row: TurnRow, message: AnswerMessage, now: number, latencyMs: number | null, limits: ChatConfig): TurnRow {
  return {
    ...row,
    status: 'answered',
    answer: message.answer ? cleanAnswer(message.answer.text, limits) : null,
    sources: cleanSources(message.sources, limits),
    answeredAt: now,
    rev: nextRev(row, now),
    upstreamMessageId: message.messageId,
    upstreamLatencyMs: latencyMs,
    errorCode: null,
    uncertain: false,
    ...(message.tokens ? { tokens: { ...message.tokens } } : {}),
  };
}

/** A static reply as the turn's answer (architecture.md §9): a `fallback` turn, answered, no sources, no upstream message. */
export function fallbackRow(row: TurnRow, reply: string, now: number, limits: ChatConfig): TurnRow {
  return {
    ...row,
    kind: 'fallback',
    status: 'answered',
    answer: cleanAnswer(reply, limits),
    sources: [],
    answeredAt: now,
    rev: nextRev(row, now),
    upstreamMessageId: null,
    upstreamLatencyMs: null,
    errorCode: null,
    uncertain: false,
  };
}

/**
 * An answer the provider withheld (its content filter) as a static reply: a `fallback` turn
 * like any other (the metrics count it in the fallback rate), with the tokens the refusal cost.
 */
export function withheldRow(row: TurnRow, reply: string, tokens: AnswerMessage['tokens'], now: number, limits: ChatConfig): TurnRow {
  return { ...fallbackRow(row, reply, now, limits), ...(tokens ? { tokens: { ...tokens } } : {}) };
}

export function failedRow(row: TurnRow, failure: Failure, now: number, latencyMs: number | null): TurnRow {
  return {
    ...row,
    status: 'failed',
    rev: nextRev(row, now),
    upstreamLatencyMs: latencyMs,
    errorCode: failure.code,
    uncertain: failure.uncertain,
  };
}

/**
 * A row as the pane sees it. A pending row older than `pendingStaleMs` lost its container, so
 * it shows as failed (the pane offers Retry, and the retry reconciles before posting).
 */
export function toTurn(row: TurnRow, now: number, limits: Pick<ChatConfig, 'pendingStaleMs'>): Turn {
  const stale = row.status === 'pending' && now - row.rev > limits.pendingStaleMs;
  const status = stale ? 'failed' : row.status;
  const error = stale ? 'UPSTREAM_UNAVAILABLE' : row.status === 'failed' ? row.errorCode : null;
  const kind = row.kind === 'claim' ? 'system' : row.kind;
  return {
    id: row.clientMessageId,
    threadId: row.threadId,
    kind,
    status,
    question: row.question,
    answer: row.answer,
    sources: row.sources,
    reaction: row.reaction,
    askedAt: row.askedAt,
    answeredAt: row.answeredAt,
    rev: row.rev,
    ...(error ? { error } : {}),
  };
}
