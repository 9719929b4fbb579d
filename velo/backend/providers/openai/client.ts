/**
 * The OpenAI-compatible client: `POST {baseUrl}/chat/completions`, once. A completion is never
 * retried here: each try costs tokens, a timeout leaves nothing behind to reconcile, and the
 * member's own Retry asks again (architecture.md §11). The key goes into the Authorization
 * header only, redirects are refused (so no other host ever sees it), a 5xx body is not read,
 * and any other reply is read up to a byte cap and parsed before it is believed (replies.ts).
 * `fetch` is injected, so tests and the sandbox can point the client at the stand-in.
 */
import type { Deadline } from '../../runtime/deadline.js';
import type { Completion, CompletionCall, OpenAiChatPort } from '../ports.js';
import { readCompletion } from './replies.js';
import { endpointUrl, requestOpenAi } from './http.js';

export interface OpenAiClientOptions {
  fetch: typeof globalThis.fetch;
  /** The most of a reply that is read (`openai.maxReplyBytes` of the config). */
  maxReplyBytes: number;
  now?: () => number;
}

/** `{baseUrl}/chat/completions`, whether or not the operator ended the base URL with a slash. */
export function completionsUrl(baseUrl: string): string {
  return endpointUrl(baseUrl, 'chat/completions');
}

export function createOpenAiClient(options: OpenAiClientOptions): OpenAiChatPort {
  const now = options.now ?? Date.now;
  return {
    async complete(call: CompletionCall, deadline: Deadline): Promise<Completion> {
      const reply = await requestOpenAi(
        options.fetch,
        { url: completionsUrl(call.baseUrl), apiKey: call.apiKey, body: JSON.stringify(call.body), timeoutMs: call.timeoutMs, maxReplyBytes: options.maxReplyBytes },
        deadline,
      );
      return readCompletion(reply.status, reply.headers, reply.text, now());
    },
  };
}
