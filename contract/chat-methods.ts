/**
 * Arguments and results of the native-mode web methods (architecture.md §8.2). Arguments are
 * strict objects: an unknown key (a forged `memberId` or `threadId`, say) is refused, not
 * ignored. None names a member or a thread.
 */
import * as z from 'zod/mini';
import { FailedSchema, wholeNumber } from './errors.js';
import { ChatPageSchema, HANDOFF_STATES, REACTIONS, TURN_ID, TurnSchema } from './turns.js';

export const SendArgsSchema = z.strictObject({
  clientMessageId: z.string().check(z.regex(TURN_ID)),
  /** Checked and normalised again on the server (length, invisible characters). */
  text: z.string().check(z.maxLength(20_000)),
});
export type SendArgs = z.infer<typeof SendArgsSchema>;

export const GetMessagesArgsSchema = z.union([
  z.strictObject({ before: z.string().check(z.minLength(1), z.maxLength(200)) }),
  z.strictObject({ after: wholeNumber() }),
]);
export type GetMessagesArgs = z.infer<typeof GetMessagesArgsSchema>;

export const RateArgsSchema = z.strictObject({
  messageId: z.string().check(z.regex(TURN_ID)),
  reaction: z.enum([...REACTIONS, 'NEUTRAL']),
});
export type RateArgs = z.infer<typeof RateArgsSchema>;

export const SendResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), threadId: z.string(), turn: TurnSchema, handoff: z.optional(z.enum(HANDOFF_STATES)) }),
  FailedSchema,
]);
export type SendResult = z.infer<typeof SendResultSchema>;

export const MessagesResultSchema = z.discriminatedUnion('ok', [
  z.extend(ChatPageSchema, { ok: z.literal(true) }),
  FailedSchema,
]);
export type MessagesResult = z.infer<typeof MessagesResultSchema>;

/**
 * `requestHuman()` (no argument): the member asks for a person. `turn` is the system turn that
 * records the handoff (absent when the member was already handed off in this episode).
 */
export const RequestHumanResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), threadId: z.string(), handoff: z.literal('active'), turn: z.optional(TurnSchema) }),
  FailedSchema,
]);
export type RequestHumanResult = z.infer<typeof RequestHumanResultSchema>;

export const RateResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), turn: TurnSchema }),
  FailedSchema,
]);
export type RateResult = z.infer<typeof RateResultSchema>;

/**
 * The realtime notice (channel `sitegpt-member-chat`, resource = member ID): content-free, so
 * a permissions mistake or Wix's Preview (where anyone may subscribe) never exposes a message.
 */
export const REALTIME_CHANNEL = 'sitegpt-member-chat';
export const NoticeSchema = z.object({
  v: z.literal(1),
  /**
   * `turns`: fetch what changed; `thread`: the member's thread changed, follow it; `service`
   * (on SERVICE_CHANNEL only): the operator changed the service mode, ask getMemberChat again.
   */
  kind: z.enum(['turns', 'thread', 'service']),
  rev: wholeNumber(),
});
export type Notice = z.infer<typeof NoticeSchema>;

/**
 * The site-wide channel of `service` notices (no resource): a backend container that sees the
 * operator's service mode change (SiteGptSettings `mode`) tells every open page at once, with
 * nothing in the notice but its kind and the time it was seen (architecture.md §9).
 */
export const SERVICE_CHANNEL = 'sitegpt-chat-service';
