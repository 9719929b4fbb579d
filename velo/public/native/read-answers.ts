/**
 * Hand-written checks of what the native-mode web methods answer: turns, pages and the three
 * results (architecture.md §8.1, §8.2), mirroring contract/ without importing its zod schemas
 * (see web-method-answers.ts for why). A page that passes is one the element's own parse
 * accepts, so a malformed answer never turns the pane into the "not set up correctly" view.
 */
import type { ChatPage, HandoffState, Turn } from '../../../contract/index.js';
import { isCount, isErrorCode, isRecord } from '../web-method-answers.js';

/** contract/turns.ts TURN_ID and WIRE_LIMITS, repeated because importing them would bundle zod. */
export const TURN_ID = /^[A-Za-z0-9_-]{8,64}$/;
export const PAGE_LIMITS = { threadChars: 128, questionChars: 4_000, answerChars: 262_144, sources: 10, sourceChars: 2_048, turnsPerPage: 100, cursorChars: 200 };
const KINDS = new Set<unknown>(['ai', 'agent', 'fallback', 'system']);
const STATUSES = new Set<unknown>(['pending', 'answered', 'failed']);
const REACTIONS = new Set<unknown>([null, 'POSITIVE', 'NEGATIVE']);
const HANDOFF_STATES = new Set<unknown>(['offer', 'active']);

/** `handoff` of a page or a send result (contract/turns.ts HANDOFF_STATES); anything else reads as absent. */
export function readHandoff(value: unknown): HandoffState | undefined {
  return HANDOFF_STATES.has(value) ? (value as HandoffState) : undefined;
}

const textUpTo = (max: number) => (value: unknown): value is string => typeof value === 'string' && value.length <= max;
const isThreadId = (value: unknown): value is string => textUpTo(PAGE_LIMITS.threadChars)(value) && value.length > 0;
const nullOr = <T>(check: (value: unknown) => value is T) => (value: unknown): value is T | null => value === null || check(value);

/** The turn, rebuilt from the fields the contract names (nothing else is passed on), or undefined. */
export function readTurn(value: unknown): Turn | undefined {
  if (!isRecord(value)) return undefined;
  const t = value;
  const ok =
    typeof t.id === 'string' &&
    TURN_ID.test(t.id) &&
    isThreadId(t.threadId) &&
    KINDS.has(t.kind) &&
    STATUSES.has(t.status) &&
    nullOr(textUpTo(PAGE_LIMITS.questionChars))(t.question) &&
    nullOr(textUpTo(PAGE_LIMITS.answerChars))(t.answer) &&
    Array.isArray(t.sources) &&
    t.sources.length <= PAGE_LIMITS.sources &&
    t.sources.every(textUpTo(PAGE_LIMITS.sourceChars)) &&
    REACTIONS.has(t.reaction) &&
    isCount(t.askedAt) &&
    nullOr(isCount)(t.answeredAt) &&
    isCount(t.rev) &&
    (t.error === undefined || isErrorCode(t.error));
  if (!ok) return undefined;
  const turn: Turn = {
    id: t.id as string,
    threadId: t.threadId as string,
    kind: t.kind as Turn['kind'],
    status: t.status as Turn['status'],
    question: t.question as string | null,
    answer: t.answer as string | null,
    sources: [...(t.sources as string[])],
    reaction: t.reaction as Turn['reaction'],
    askedAt: t.askedAt as number,
    answeredAt: t.answeredAt as number | null,
    rev: t.rev as number,
  };
  if (t.error !== undefined) turn.error = t.error as Turn['error'];
  return turn;
}

export interface ReadPage {
  page: ChatPage;
  /** Turns left out because they did not pass (the rest of the page is still shown). */
  dropped: number;
}

/**
 * A page `{threadId, turns, older, cursor, handoff?}`, or undefined when its frame is malformed.
 * A turn that does not pass, or belongs to another thread, is left out and counted, so one bad
 * row never hides a member's whole history; a `handoff` page code does not know is left out.
 */
export function readPage(value: unknown): ReadPage | undefined {
  if (!isRecord(value)) return undefined;
  const { threadId, turns, older, cursor } = value;
  const handoff = readHandoff(value.handoff);
  if (!isThreadId(threadId) || !Array.isArray(turns) || turns.length > PAGE_LIMITS.turnsPerPage) return undefined;
  if (!nullOr(textUpTo(PAGE_LIMITS.cursorChars))(older) || !isCount(cursor)) return undefined;
  const good: Turn[] = [];
  for (const raw of turns) {
    const turn = readTurn(raw);
    if (turn && turn.threadId === threadId) good.push(turn);
  }
  const page: ChatPage = { threadId, turns: good, older, cursor };
  if (handoff) page.handoff = handoff;
  return { page, dropped: turns.length - good.length };
}

/** `{ok: true, threadId, turns, older, cursor}` of getChatMessages. */
export function readPageAnswer(value: Record<string, unknown>) {
  const read = readPage(value);
  return read && { ok: true as const, page: read.page };
}

/** `{ok: true, threadId, turn, handoff?}` of sendChatMessage. */
export function readSendAnswer(value: Record<string, unknown>) {
  const turn = readTurn(value.turn);
  return turn && isThreadId(value.threadId) ? { ok: true as const, threadId: value.threadId, turn, handoff: readHandoff(value.handoff) } : undefined;
}

/**
 * `{ok: true, threadId, handoff: 'active', turn?}` of requestHuman. `turn` records the handoff
 * (absent when it was already): one that does not pass is left out, since the handoff happened.
 */
export function readHumanAnswer(value: Record<string, unknown>) {
  if (!isThreadId(value.threadId) || value.handoff !== 'active') return undefined;
  return { ok: true as const, threadId: value.threadId, turn: readTurn(value.turn) };
}

/** `{ok: true, turn}` of rateAnswer. */
export function readRateAnswer(value: Record<string, unknown>) {
  const turn = readTurn(value.turn);
  return turn && { ok: true as const, turn };
}
