/**
 * The error codes every web method may answer with (architecture.md §4, §8.2). Results cross
 * the wire to page code as JSON, so an error is a value `{code, message, retryAfterMs?}`,
 * never a thrown class. Written with zod/mini, so the element can share these schemas
 * without carrying full zod.
 */
import * as z from 'zod/mini';

export const ERROR_CODES = [
  'NOT_SIGNED_IN',
  'RATE_LIMITED',
  'UPSTREAM_UNAVAILABLE',
  'MISCONFIGURED',
  'INTERNAL',
  /** An argument or the member's text was refused; the message says why. */
  'INVALID_INPUT',
  /** No such turn among the member's own. */
  'NOT_FOUND',
  /** The site owner closed the chat (settings `mode: off`); the message says how to reach the team. */
  'CHAT_CLOSED',
] as const;

/**
 * A whole, non-negative number (ms, counts). Written as a refine rather than `z.int()`: the
 * same rule, but 0.4 KB less in the element's bundle, which parses these too.
 */
export const wholeNumber = () => z.number().check(z.refine(Number.isSafeInteger), z.nonnegative());

export const ErrorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const ChatErrorSchema = z.object({
  code: ErrorCodeSchema,
  message: z.string(),
  retryAfterMs: z.optional(wholeNumber()),
});
export type ChatError = z.infer<typeof ChatErrorSchema>;

export const FailedSchema = z.object({ ok: z.literal(false), error: ChatErrorSchema });
export type Failed = z.infer<typeof FailedSchema>;
