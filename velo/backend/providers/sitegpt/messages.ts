/**
 * SiteGPT v0 messages, read defensively (send-message and fetch-thread:
 * https://sitegpt.ai/docs/api-reference/chatbot-messages/send-message,
 * https://sitegpt.ai/docs/api-reference/chatbot-threads/fetch-thread). Send answers the
 * message's ID as `id`, fetch-thread as `messageId`; timestamps are ISO strings with
 * microseconds. Only what we act on is required; a message we cannot read is skipped in a
 * thread and a Failure in a send reply.
 */
import { z } from 'zod';
import type { UpstreamMessage } from '../../chat/ports.js';

const Id = z.union([z.string().min(1), z.number().int()]).transform(String);
const Timestamp = z.union([z.string(), z.number()]).transform((value, ctx) => {
  const ms = typeof value === 'number' ? value : parseTimestamp(value);
  if (!Number.isFinite(ms)) {
    ctx.addIssue({ code: 'custom', message: 'not a timestamp' });
    return z.NEVER;
  }
  return ms;
});
const Said = z.object({ text: z.string(), timestamp: Timestamp }).nullish().transform((v) => v ?? null);

const MessageSchema = z.object({
  id: Id.optional(),
  messageId: Id.optional(),
  messageType: z.string().optional(),
  question: Said,
  answer: Said,
  // Plain URL strings in every documented example; anything else is dropped, not trusted.
  sources: z
    .array(z.unknown())
    .nullish()
    .transform((list) => (list ?? []).filter((s): s is string => typeof s === 'string')),
});

/** `{success: true, data: {message}}` from send-message. */
export const SendEnvelopeSchema = z.object({
  success: z.literal(true),
  data: z.object({ message: z.unknown() }),
});

/** `{success: true, data: {thread: {messages}}}` from fetch-thread. */
export const ThreadMessagesEnvelopeSchema = z.object({
  success: z.literal(true),
  data: z.object({ thread: z.object({ messages: z.array(z.unknown()).nullish() }) }),
});

/** One message, or null when it lacks what we need (an ID). */
export function readMessage(raw: unknown): UpstreamMessage | null {
  const parsed = MessageSchema.safeParse(raw);
  if (!parsed.success) return null;
  const { id, messageId, messageType, question, answer, sources } = parsed.data;
  const upstreamId = messageId ?? id;
  if (upstreamId === undefined) return null;
  return { messageId: upstreamId, messageType: messageType ?? 'NORMAL_MESSAGE', question, answer, sources };
}

/** ISO 8601 with any number of fractional digits (JavaScript's Date reads at most three reliably). */
function parseTimestamp(text: string): number {
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:?\d{2})?$/.exec(text.trim());
  if (!match) return Date.parse(text);
  const millis = (match[2] ?? '').padEnd(3, '0').slice(0, 3);
  return Date.parse(`${match[1]}.${millis}${match[3] ?? 'Z'}`);
}
