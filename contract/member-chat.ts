/**
 * What `getMemberChat()`, `startNewConversation()` and `forgetMyChat()` answer
 * (architecture.md §4, §8.2). Page code imports the types; anything may parse with the schemas.
 */
import * as z from 'zod/mini';
import { FailedSchema } from './errors.js';
import { ChatPageSchema } from './turns.js';

export const MemberChatSchema = z.object({
  ok: z.literal(true),
  memberId: z.string().check(z.minLength(1)),
  threadId: z.string().check(z.minLength(1)),
  email: z.optional(z.string()),
  emailSignature: z.optional(z.string().check(z.regex(/^[0-9a-f]{64}$/))),
  /** Native mode: the newest page of the thread, when asked for with `{history: true}`. */
  history: z.optional(ChatPageSchema),
});
export type MemberChat = z.infer<typeof MemberChatSchema>;

/** `getMemberChat()` and `startNewConversation()`. */
export const ChatResultSchema = z.discriminatedUnion('ok', [MemberChatSchema, FailedSchema]);
export type ChatResult = z.infer<typeof ChatResultSchema>;

/** `forgetMyChat()`. */
export const ForgetResultSchema = z.discriminatedUnion('ok', [z.object({ ok: z.literal(true) }), FailedSchema]);
export type ForgetResult = z.infer<typeof ForgetResultSchema>;

/** The optional argument of `getMemberChat`: native mode asks for the newest page with it. */
export const GetMemberChatArgsSchema = z.optional(z.strictObject({ history: z.optional(z.boolean()) }));
export type GetMemberChatArgs = z.infer<typeof GetMemberChatArgsSchema>;
