/**
 * `GET {baseUrl}/models` of an OpenAI-compatible endpoint: the cheapest authenticated read it
 * offers (no tokens spent). Like the completions client, the key goes only into the
 * Authorization header, redirects are refused (no other host sees it), a 5xx body is not read
 * and any other reply is read up to a cap. `fetch` is injected.
 */
import { withTimeout, type Deadline } from '../runtime/deadline.js';
import { Failure } from '../runtime/failure.js';
import { readCapped } from '../providers/read-capped.js';
import type { OpenAiModelsPort } from './ports.js';

/** A model list is a few KB; OpenAI's own is about 20 KB. */
const MAX_REPLY_BYTES = 512 * 1024;

export function modelsUrl(baseUrl: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/models`;
}

export function createOpenAiModels(options: { fetch: typeof globalThis.fetch }): OpenAiModelsPort {
  return {
    async listModels(call, deadline: Deadline) {
      const ms = deadline.allow(call.timeoutMs);
      if (ms <= 0) throw new Failure('UPSTREAM_UNAVAILABLE', 'openai-no-time');
      return withTimeout(
        ms,
        () => new Failure('UPSTREAM_UNAVAILABLE', 'openai-timeout'),
        async (signal) => {
          let response: Response;
          try {
            response = await options.fetch(modelsUrl(call.baseUrl), {
              method: 'GET',
              headers: { authorization: `Bearer ${call.apiKey}`, accept: 'application/json' },
              redirect: 'error',
              signal,
            });
          } catch {
            throw new Failure('UPSTREAM_UNAVAILABLE', 'openai-network');
          }
          if (response.status >= 500) {
            void response.body?.cancel().catch(() => undefined);
            throw new Failure('UPSTREAM_UNAVAILABLE', 'openai-5xx');
          }
          const text = await readCapped(response, MAX_REPLY_BYTES, 'openai-too-large');
          if (response.status === 401 || response.status === 403) throw new Failure('MISCONFIGURED', 'openai-auth');
          if (response.status === 404) throw new Failure('MISCONFIGURED', 'openai-not-found');
          if (response.status === 429) throw new Failure('RATE_LIMITED', 'openai-429');
          if (response.status < 200 || response.status >= 300) throw new Failure('UPSTREAM_UNAVAILABLE', `openai-${response.status}`);
          return modelIds(text);
        },
      );
    },
  };
}

/** `{data: [{id}, …]}`, OpenAI's list shape; null when the answer is not that. */
function modelIds(text: string): string[] | null {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return null;
  }
  const data = (body as { data?: unknown } | null)?.data;
  if (!Array.isArray(data)) return null;
  return data.flatMap((model) => {
    const id = (model as { id?: unknown } | null)?.id;
    return typeof id === 'string' ? [id] : [];
  });
}
