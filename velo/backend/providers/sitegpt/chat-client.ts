/**
 * SiteGPT's v0 message calls (SitegptChatPort): send a member's question, read a thread's
 * messages, set a reaction. Sending is never retried (SiteGPT documents no idempotency key),
 * and a send that failed after it may have arrived says so (`uncertain`), so the core reads
 * the thread before it ever posts that question again (architecture.md §8.4).
 */
import type { SitegptCall, SitegptChatPort, UpstreamMessage } from '../../chat/ports.js';
import { defaultConfig } from '../../config.js';
import type { Deadline } from '../../runtime/deadline.js';
import { Failure } from '../../runtime/failure.js';
import { sendOnce, sendWithRetry, type HttpOptions, type SitegptReply } from './http.js';
import { readMessage, SendEnvelopeSchema, ThreadMessagesEnvelopeSchema } from './messages.js';
import { failureOf, isUnknownThread } from './replies.js';

export interface ChatClientOptions extends HttpOptions {
  /** The send-message request's own cap (SiteGPT answers synchronously); default 10 s. */
  sendTimeoutMs?: number;
  now?: () => number;
}

/** Failures after which SiteGPT may have stored the question anyway. */
const MAYBE_ARRIVED = new Set(['sitegpt-network', 'sitegpt-timeout', 'sitegpt-5xx', 'sitegpt-too-large', 'sitegpt-bad-reply']);

export function createChatClient(options: ChatClientOptions): SitegptChatPort {
  const now = options.now ?? Date.now;
  const bot = (call: SitegptCall) => `/chatbots/${encodeURIComponent(call.chatbotId)}`;
  const sendTimeoutMs = options.sendTimeoutMs ?? defaultConfig.timeouts.sitegptSendMs;

  return {
    async sendMessage(call, deadline: Deadline): Promise<UpstreamMessage> {
      try {
        const reply = await sendOnce(
          options,
          {
            method: 'POST',
            path: `${bot(call)}/message`,
            apiKey: call.apiKey,
            json: { message: call.message, threadId: call.threadId, from: 'USER' },
            timeoutMs: sendTimeoutMs,
          },
          deadline,
        );
        return readSent(reply, now());
      } catch (error) {
        if (error instanceof Failure && MAYBE_ARRIVED.has(error.reason) && !error.uncertain) {
          throw new Failure(error.code, error.reason, { message: error.message, uncertain: true });
        }
        throw error;
      }
    },

    async threadMessages(call, deadline) {
      const path = `${bot(call)}/threads/${encodeURIComponent(call.threadId)}`;
      const reply = await sendWithRetry(options, { method: 'GET', path, apiKey: call.apiKey }, deadline);
      if (isUnknownThread(reply)) return null;
      if (reply.status < 200 || reply.status >= 300) throw failureOf(reply, now());
      const parsed = ThreadMessagesEnvelopeSchema.safeParse(reply.body);
      if (!parsed.success) throw new Failure('UPSTREAM_UNAVAILABLE', 'sitegpt-bad-reply');
      return (parsed.data.data.thread.messages ?? []).flatMap((raw) => readMessage(raw) ?? []);
    },

    async react(call, deadline) {
      const path = `${bot(call)}/messages/${encodeURIComponent(call.messageId)}`;
      const json = { threadId: call.threadId, reaction: call.reaction };
      // Setting a reaction twice sets it once, so the usual one retry is safe here.
      const reply = await sendWithRetry(options, { method: 'PATCH', path, apiKey: call.apiKey, json }, deadline);
      if (reply.status < 200 || reply.status >= 300) throw failureOf(reply, now());
    },
  };
}

function readSent(reply: SitegptReply, nowMs: number): UpstreamMessage {
  if (reply.status < 200 || reply.status >= 300) throw failureOf(reply, nowMs);
  const envelope = SendEnvelopeSchema.safeParse(reply.body);
  const message = envelope.success ? readMessage(envelope.data.data.message) : null;
  // A 2xx means SiteGPT took the question: an answer we cannot read is still "maybe stored".
  if (!message) throw new Failure('UPSTREAM_UNAVAILABLE', 'sitegpt-bad-reply', { uncertain: true });
  return message;
}
