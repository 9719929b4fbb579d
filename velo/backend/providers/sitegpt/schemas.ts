/**
 * SiteGPT v0 reply envelopes (https://sitegpt.ai/docs/api-reference/getting-started and its
 * chatbot-threads pages). Only the fields we act on are required; anything else may change
 * upstream without breaking us.
 */
import { z } from 'zod';

export const ThreadSchema = z.object({
  threadId: z.string().min(1),
  chatbotId: z.string().optional(),
  mode: z.string().optional(),
  messages: z.array(z.unknown()).optional(),
});
export type SitegptThread = z.infer<typeof ThreadSchema>;

/** `{success: true, message, data: {thread}}` from create-thread and fetch-thread. */
export const ThreadEnvelopeSchema = z.object({
  success: z.literal(true),
  message: z.string().optional(),
  data: z.object({ thread: ThreadSchema }),
});

/** `{success: false, message, data: null, error: {code, message, details}}`. */
export const ErrorEnvelopeSchema = z.object({
  success: z.literal(false),
  message: z.string().optional(),
  error: z
    .object({ code: z.string().optional(), message: z.string().optional() })
    .nullish(),
});
export type SitegptErrorEnvelope = z.infer<typeof ErrorEnvelopeSchema>;
