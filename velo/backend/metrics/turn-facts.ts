/**
 * What one mirror row counts for in the metrics (architecture.md §10), decided here and nowhere
 * else. The classification flags (`lowConfidence`, `repeat`, `handoff`, `tokens`) are read as
 * stored; a row without them (written before they existed) counts as not flagged.
 *
 * - A **question** is a turn whose `question` holds text: the member asked something (kinds
 *   `ai`, `fallback`, and `agent` when a member writes while handed off). Agent replies, system
 *   turns and claim rows are not questions.
 * - **First-response latency** is `answeredAt − askedAt` of an answered `ai` or `fallback`
 *   question: from the moment the backend took the question to the moment its answer was stored.
 * - An **AI answer** is an `ai` turn with status `answered`. It is **low confidence** when its
 *   `lowConfidence` reasons are not empty (no answer, no sources, a refusal phrase, a NEGATIVE
 *   reaction), and **substantive** when it is not low confidence and its answer has text.
 * - A **repeat** is a question flagged `repeat` (it matches one of the member's questions of the
 *   24 h before it).
 * - A **handoff** is a `system` turn that carries `handoff`.
 * - A **failure** is a turn with status `failed`, counted under its `errorCode`.
 */
import type { ErrorCode } from '../../../contract/index.js';
import type { TurnRow } from '../chat/ports.js';

export interface TurnFacts {
  question: boolean;
  latencyMs: number | null;
  aiAnswered: boolean;
  lowConfidence: boolean;
  substantive: boolean;
  fallback: boolean;
  negative: boolean;
  repeat: boolean;
  handoff: 'low-confidence' | 'requested' | null;
  failed: ErrorCode | 'UNKNOWN' | null;
  tokens: { prompt: number; completion: number };
}

export function turnFacts(row: TurnRow): TurnFacts {
  const question = row.kind !== 'system' && row.kind !== 'claim' && (row.question ?? '').trim().length > 0;
  const answered = row.status === 'answered';
  const aiAnswered = row.kind === 'ai' && answered;
  const lowConfidence = aiAnswered && (row.lowConfidence?.length ?? 0) > 0;
  const timed = question && answered && (row.kind === 'ai' || row.kind === 'fallback') && row.answeredAt !== null;
  return {
    question,
    // A clock that went back between two containers must not make a negative latency.
    latencyMs: timed ? Math.max(0, row.answeredAt! - row.askedAt) : null,
    aiAnswered,
    lowConfidence,
    substantive: aiAnswered && !lowConfidence && (row.answer ?? '').trim().length > 0,
    fallback: question && row.kind === 'fallback',
    negative: row.reaction === 'NEGATIVE',
    repeat: question && row.repeat === true,
    handoff: row.kind === 'system' && row.handoff ? row.handoff.reason : null,
    failed: row.status === 'failed' ? (row.errorCode ?? 'UNKNOWN') : null,
    tokens: { prompt: row.tokens?.prompt ?? 0, completion: row.tokens?.completion ?? 0 },
  };
}
