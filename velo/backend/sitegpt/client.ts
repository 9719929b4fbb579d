/**
 * The SiteGPT v0 REST calls the backend needs, with every reply parsed before it is believed:
 * an odd reply becomes a typed Failure, never a crash. `fetch` is injected, so tests and the
 * sandbox can point the client at the stand-in.
 */
import type { Deadline } from '../deadline.js';
import { Failure } from '../failure.js';
import type { CreateThreadRequest, SitegptPort } from '../ports.js';
import { sendWithRetry, type HttpOptions, type SitegptReply } from './http.js';
import { parseRetryAfter } from './retry-after.js';
import { ErrorEnvelopeSchema, ThreadEnvelopeSchema, type SitegptThread } from './schemas.js';

export interface SitegptClient extends SitegptPort {
  /** The thread with its messages, or null when SiteGPT does not know it. */
  getThread(apiKey: string, chatbotId: string, threadId: string, deadline: Deadline): Promise<SitegptThread | null>;
}

export function createSitegptClient(options: HttpOptions & { now?: () => number }): SitegptClient {
  const now = options.now ?? Date.now;
  const threadsPath = (chatbotId: string) => `/chatbots/${encodeURIComponent(chatbotId)}/threads`;

  return {
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
      if (alreadyExists(reply)) return;
      const thread = readThread(reply, now());
      if (thread.threadId !== request.threadId) {
        // SiteGPT made up its own ID: the one we would store would not exist there.
        throw new Failure('UPSTREAM_UNAVAILABLE', 'sitegpt-ignored-thread-id');
      }
    },

    async getThread(apiKey, chatbotId, threadId, deadline) {
      const path = `${threadsPath(chatbotId)}/${encodeURIComponent(threadId)}`;
      const reply = await sendWithRetry(options, { method: 'GET', path, apiKey }, deadline);
      const envelope = ErrorEnvelopeSchema.safeParse(reply.body);
      if (reply.status === 404 && !(envelope.success && envelope.data.error?.code === 'CHATBOT_NOT_FOUND')) return null;
      return readThread(reply, now());
    },
  };
}

/**
 * SiteGPT's answer to a create with a thread ID it already has is UNCONFIRMED (not
 * documented). Our IDs are derived, so "already exists" means an earlier or concurrent call
 * of ours created it: a 409, or a 400 whose error code or message says it exists, is success.
 */
function alreadyExists(reply: SitegptReply): boolean {
  if (reply.status === 409) return true;
  if (reply.status !== 400) return false;
  const envelope = ErrorEnvelopeSchema.safeParse(reply.body);
  if (!envelope.success) return false;
  const said = `${envelope.data.error?.code ?? ''} ${envelope.data.error?.message ?? ''} ${envelope.data.message ?? ''}`;
  return /exist|duplicate/i.test(said);
}

function readThread(reply: SitegptReply, nowMs: number): SitegptThread {
  if (reply.status >= 200 && reply.status < 300) {
    const parsed = ThreadEnvelopeSchema.safeParse(reply.body);
    if (!parsed.success) throw new Failure('UPSTREAM_UNAVAILABLE', 'sitegpt-bad-reply');
    return parsed.data.data.thread;
  }
  if (reply.status === 429) {
    const retryAfterMs = parseRetryAfter(reply.headers.get('retry-after'), nowMs);
    throw new Failure('RATE_LIMITED', 'sitegpt-429', retryAfterMs === undefined ? {} : { retryAfterMs });
  }
  // A wrong key (401/403) or chatbot ID (404) is the site's set-up, not the member's doing.
  if (reply.status === 401 || reply.status === 403) throw new Failure('MISCONFIGURED', 'sitegpt-auth');
  if (reply.status === 404) throw new Failure('MISCONFIGURED', 'sitegpt-not-found');
  if (reply.status === 400) throw new Failure('INTERNAL', 'sitegpt-rejected');
  throw new Failure('UPSTREAM_UNAVAILABLE', `sitegpt-${reply.status}`);
}
