/**
 * A turn and a page of turns on the wire (architecture.md §8.1): what the native-mode web
 * methods answer and what page code hands the element in its `messages` attribute. The
 * backend builds these; the element parses them again, since an attribute is input like any
 * other. Bounds here are the wire's; the backend stores less (see chat/limits).
 */
import * as z from 'zod/mini';
import { ErrorCodeSchema, wholeNumber } from './errors.js';

/** A turn's ID: the element's `clientMessageId` for a question, `agent-<id>` for an agent message. */
export const TURN_ID = /^[A-Za-z0-9_-]{8,64}$/;

export const WIRE_LIMITS = {
  questionChars: 4_000,
  /** Generous on purpose: the element bounds what it renders; the backend stores at most 16,000. */
  answerChars: 262_144,
  sources: 10,
  sourceChars: 2_048,
  turnsPerPage: 100,
  cursorChars: 200,
} as const;

export const TURN_KINDS = ['ai', 'agent', 'fallback', 'system'] as const;
export const TURN_STATUSES = ['pending', 'answered', 'failed'] as const;
export const REACTIONS = ['POSITIVE', 'NEGATIVE'] as const;
export const HANDOFF_STATES = ['offer', 'active'] as const;

const epochMs = wholeNumber();

export const TurnSchema = z.object({
  id: z.string().check(z.regex(TURN_ID)),
  threadId: z.string().check(z.minLength(1), z.maxLength(128)),
  kind: z.enum(TURN_KINDS),
  status: z.enum(TURN_STATUSES),
  question: z.nullable(z.string().check(z.maxLength(WIRE_LIMITS.questionChars))),
  answer: z.nullable(z.string().check(z.maxLength(WIRE_LIMITS.answerChars))),
  sources: z.array(z.string().check(z.maxLength(WIRE_LIMITS.sourceChars))).check(z.maxLength(WIRE_LIMITS.sources)),
  reaction: z.nullable(z.enum(REACTIONS)),
  askedAt: epochMs,
  answeredAt: z.nullable(epochMs),
  rev: epochMs,
  error: z.optional(ErrorCodeSchema),
});
export type Turn = z.infer<typeof TurnSchema>;
export type TurnKind = Turn['kind'];
export type TurnStatus = Turn['status'];
export type Reaction = NonNullable<Turn['reaction']>;

/** Turns of one thread, oldest first; `older` pages further back, `cursor` is the highest rev seen. */
export const ChatPageSchema = z.object({
  threadId: z.string().check(z.minLength(1), z.maxLength(128)),
  turns: z.array(TurnSchema).check(z.maxLength(WIRE_LIMITS.turnsPerPage)),
  older: z.nullable(z.string().check(z.maxLength(WIRE_LIMITS.cursorChars))),
  cursor: epochMs,
  /**
   * Where the member stands with a person (architecture.md §10): `offer` (the pane offers
   * "Talk to a person" after poor answers), `active` (handed off: a person replies here, the
   * pane waits for no AI answer); absent when neither.
   */
  handoff: z.optional(z.enum(HANDOFF_STATES)),
});
export type ChatPage = z.infer<typeof ChatPageSchema>;
export type HandoffState = (typeof HANDOFF_STATES)[number];

/** Sort order of a thread: by askedAt, then by id, so every device shows the same order. */
export function compareTurns(a: Pick<Turn, 'askedAt' | 'id'>, b: Pick<Turn, 'askedAt' | 'id'>): number {
  return a.askedAt - b.askedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
