/**
 * The SiteGPT v0 REST calls the backend needs, with every reply parsed before it is believed:
 * an odd reply becomes a typed Failure, never a crash. `fetch` is injected, so tests and the
 * sandbox can point the client at the stand-in.
 */
import type { Deadline } from '../../runtime/deadline.js';
import { Failure } from '../../runtime/failure.js';
import type { CreateThreadRequest, SitegptChatPort, SitegptThreadsPort } from '../../ports.js';
import { createChatClient, type ChatClientOptions } from './chat-client.js';
import { sendWithRetry } from './http.js';
import { isUnknownThread, readCreateAnswer, readThread } from './replies.js';
import type { SitegptThread } from './schemas.js';

export interface SitegptClient extends SitegptThreadsPort, SitegptChatPort {
  /** The thread with its messages, or null when SiteGPT does not know it. */
  getThread(apiKey: string, chatbotId: string, threadId: string, deadline: Deadline): Promise<SitegptThread | null>;
}

export function createSitegptClient(options: ChatClientOptions): SitegptClient {
  const now = options.now ?? Date.now;
  const threadsPath = (chatbotId: string) => `/chatbots/${encodeURIComponent(chatbotId)}/threads`;

  const client: SitegptClient = {
    ...createChatClient(options),

    async createThread(request: CreateThreadRequest, deadline: Deadline): Promise<void> {
      const reply = await sendWithRetry(
        options,
        {
          method: 'POST',
          path: threadsPath(request.chatbotId),
          apiKey: request.apiKey,
          json: { threadId: request.threadId, mode: 'AI', chatUserEmail: request.chatUserEmail ?? null },
        },
        deadline,
      );
      const answer = readCreateAnswer(reply, now());
      if (answer.kind === 'exists') return;
      if (answer.kind === 'ambiguous') {
        // A row is only ever stored for a thread SiteGPT has, so ask rather than guess.
        const thread = await client.getThread(request.apiKey, request.chatbotId, request.threadId, deadline);
        if (thread) return;
        throw new Failure('INTERNAL', 'sitegpt-rejected');
      }
      if (answer.thread.threadId !== request.threadId) {
        // SiteGPT made up its own ID: the one we would store would not exist there.
        throw new Failure('UPSTREAM_UNAVAILABLE', 'sitegpt-ignored-thread-id');
      }
    },

    async getThread(apiKey, chatbotId, threadId, deadline) {
      const path = `${threadsPath(chatbotId)}/${encodeURIComponent(threadId)}`;
      const reply = await sendWithRetry(options, { method: 'GET', path, apiKey }, deadline);
      if (isUnknownThread(reply)) return null;
      return readThread(reply, now());
    },
  };
  return client;
}
