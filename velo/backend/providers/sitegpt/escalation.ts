/**
 * SiteGPT's side of a handoff (v0): escalate the member's thread to SiteGPT's human inbox
 * (https://sitegpt.ai/docs/api-reference/chatbot-threads/escalate-conversation, body
 * `{escalationPrompt}`), and hand it back to the AI when the kit's episode is over (update-thread
 * `{mode: "AI"}`, https://sitegpt.ai/docs/api-reference/chatbot-threads/update-thread). Both are
 * safe to send twice, so each gets the usual one retry. Agent replies come back as
 * `AGENT_MESSAGE`s through the agent sync (chat/agent-sync.ts).
 */
import type { EscalationPort } from '../../handoff/ports.js';
import { sendWithRetry, type HttpOptions } from './http.js';
import { failureOf } from './replies.js';

export function createEscalationClient(options: HttpOptions & { now?: () => number }): EscalationPort {
  const now = options.now ?? Date.now;
  const threadPath = (chatbotId: string, threadId: string) =>
    `/chatbots/${encodeURIComponent(chatbotId)}/threads/${encodeURIComponent(threadId)}`;

  return {
    async escalate(call, deadline) {
      const path = `${threadPath(call.chatbotId, call.threadId)}/escalate`;
      const reply = await sendWithRetry(options, { method: 'POST', path, apiKey: call.apiKey, json: { escalationPrompt: call.prompt } }, deadline);
      if (reply.status < 200 || reply.status >= 300) throw failureOf(reply, now());
    },

    async setMode(call, deadline) {
      const reply = await sendWithRetry(options, { method: 'PATCH', path: threadPath(call.chatbotId, call.threadId), apiKey: call.apiKey, json: { mode: call.mode } }, deadline);
      if (reply.status < 200 || reply.status >= 300) throw failureOf(reply, now());
    },
  };
}
