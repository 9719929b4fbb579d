/**
 * What `getMemberChat()`, `startNewConversation()` and `forgetMyChat()` answer
 * (architecture.md §4, §8.2). Page code imports the types; anything may parse with the schemas.
 */
import * as z from 'zod/mini';
import { FailedSchema } from './errors.js';
import { ChatPageSchema } from './turns.js';

/**
 * How the chat runs right now: `on`; `fallback` (every answer is a static reply, so widget-mode
 * pages show the pane instead of SiteGPT's widget); `off` (closed: `message` says how to reach
 * the team at `contactUrl`).
 */
export const ServiceSchema = z.object({
  mode: z.enum(['on', 'fallback', 'off']),
  contactUrl: z.string().check(z.maxLength(500)),
  message: z.optional(z.string().check(z.maxLength(2000))),
});
export type Service = z.infer<typeof ServiceSchema>;

export const MemberChatSchema = z.object({
  ok: z.literal(true),
  memberId: z.string().check(z.minLength(1)),
  threadId: z.string().check(z.minLength(1)),
  email: z.optional(z.string()),
  emailSignature: z.optional(z.string().check(z.regex(/^[0-9a-f]{64}$/))),
  /** Native mode: the newest page of the thread, when asked for with `{history: true}`. */
  history: z.optional(ChatPageSchema),
  /** The operator's service mode (architecture.md §9); absent means `on`. */
  service: z.optional(ServiceSchema),
  /** The typed context, built on the server, for the script widget's `set context` ([prefix, suffix]). */
  context: z.optional(z.tuple([z.string().check(z.maxLength(300)), z.string().check(z.maxLength(300))])),
});
export type MemberChat = z.infer<typeof MemberChatSchema>;

/** `getMemberChat()` and `startNewConversation()`. */
export const ChatResultSchema = z.discriminatedUnion('ok', [MemberChatSchema, FailedSchema]);
export type ChatResult = z.infer<typeof ChatResultSchema>;

/** `forgetMyChat()`. */
export const ForgetResultSchema = z.discriminatedUnion('ok', [z.object({ ok: z.literal(true) }), FailedSchema]);
export type ForgetResult = z.infer<typeof ForgetResultSchema>;

/** The optional argument of `getMemberChat`: native mode asks for the newest page with it. */
export const GetMemberChatArgsSchema = z.optional(
  z.strictObject({
    history: z.optional(z.boolean()),
    /** The page the member is on, as a site path (`/pricing`), for the typed context; checked again on the server. */
    path: z.optional(z.string().check(z.maxLength(200))),
  }),
);
export type GetMemberChatArgs = z.infer<typeof GetMemberChatArgsSchema>;
