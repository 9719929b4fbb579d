/**
 * What the web methods in sitegpt.web.ts answer. Results cross the wire to page code as JSON,
 * so errors are plain values with a code, never thrown classes. Page code imports these types
 * (and may parse with the schemas, since nothing that crosses a network should be trusted).
 */
import { z } from 'zod';

export const ErrorCodeSchema = z.enum([
  'NOT_SIGNED_IN',
  'RATE_LIMITED',
  'UPSTREAM_UNAVAILABLE',
  'MISCONFIGURED',
  'INTERNAL',
]);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const ChatErrorSchema = z.object({
  code: ErrorCodeSchema,
  message: z.string(),
  retryAfterMs: z.number().int().nonnegative().optional(),
});
export type ChatError = z.infer<typeof ChatErrorSchema>;

export const FailedSchema = z.object({ ok: z.literal(false), error: ChatErrorSchema });
export type Failed = z.infer<typeof FailedSchema>;

export const MemberChatSchema = z.object({
  ok: z.literal(true),
  memberId: z.string().min(1),
  threadId: z.string().min(1),
  email: z.string().optional(),
  emailSignature: z.string().regex(/^[0-9a-f]{64}$/).optional(),
});
export type MemberChat = z.infer<typeof MemberChatSchema>;

/** `getMemberChat()` and `startNewConversation()`. */
export const ChatResultSchema = z.discriminatedUnion('ok', [MemberChatSchema, FailedSchema]);
export type ChatResult = z.infer<typeof ChatResultSchema>;

/** `forgetMyChat()`. */
export const ForgetResultSchema = z.discriminatedUnion('ok', [z.object({ ok: z.literal(true) }), FailedSchema]);
export type ForgetResult = z.infer<typeof ForgetResultSchema>;
