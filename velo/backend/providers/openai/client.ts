/**
 * The OpenAI-compatible client: `POST {baseUrl}/chat/completions`, once. A completion is never
 * retried here: each try costs tokens, a timeout leaves nothing behind to reconcile, and the
 * member's own Retry asks again (architecture.md §11). The key goes into the Authorization
 * header only, redirects are refused (so no other host ever sees it), a 5xx body is not read,
 * and any other reply is read up to a byte cap and parsed before it is believed (replies.ts).
 * `fetch` is injected, so tests and the sandbox can point the client at the stand-in.
 */
import { withTimeout, type Deadline } from '../../runtime/deadline.js';
import { Failure } from '../../runtime/failure.js';
import type { Completion, CompletionCall, OpenAiChatPort } from '../ports.js';
import { readCapped } from '../read-capped.js';
import { readCompletion } from './replies.js';

export interface OpenAiClientOptions {
  fetch: typeof globalThis.fetch;
  /** The most of a reply that is read (`openai.maxReplyBytes` of the config). */
  maxReplyBytes: number;
  now?: () => number;
}

/** `{baseUrl}/chat/completions`, whether or not the operator ended the base URL with a slash. */
export function completionsUrl(baseUrl: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/chat/completions`;
}

export function createOpenAiClient(options: OpenAiClientOptions): OpenAiChatPort {
  const now = options.now ?? Date.now;
  return {
    async complete(call: CompletionCall, deadline: Deadline): Promise<Completion> {
      const ms = deadline.allow(call.timeoutMs);
      if (ms <= 0) throw new Failure('UPSTREAM_UNAVAILABLE', 'openai-no-time');
      return withTimeout(
        ms,
        () => new Failure('UPSTREAM_UNAVAILABLE', 'openai-timeout'),
        async (signal) => {
          let response: Response;
          try {
            response = await options.fetch(completionsUrl(call.baseUrl), {
              method: 'POST',
              headers: { authorization: `Bearer ${call.apiKey}`, 'content-type': 'application/json', accept: 'application/json' },
              body: JSON.stringify(call.body),
              redirect: 'error',
              signal,
            });
          } catch {
            // The fetch error may quote the request; only our own label goes further.
            throw new Failure('UPSTREAM_UNAVAILABLE', 'openai-network');
          }
          if (response.status >= 500) {
            void response.body?.cancel().catch(() => undefined);
            throw new Failure('UPSTREAM_UNAVAILABLE', 'openai-5xx');
          }
          const text = await readCapped(response, options.maxReplyBytes, 'openai-too-large');
          return readCompletion(response.status, response.headers, text, now());
        },
      );
    },
  };
}
