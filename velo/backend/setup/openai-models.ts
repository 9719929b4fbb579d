/**
 * `GET {baseUrl}/models` of an OpenAI-compatible endpoint: the cheapest authenticated read it
 * offers (no tokens spent), made the same way as a completion (providers/openai/http.ts).
 * `fetch` is injected.
 */
import type { Deadline } from '../runtime/deadline.js';
import { Failure } from '../runtime/failure.js';
import { endpointUrl, requestOpenAi } from '../providers/openai/http.js';
import type { OpenAiModelsPort } from './ports.js';

/** A model list is a few KB; OpenAI's own is about 20 KB. */
const MAX_REPLY_BYTES = 512 * 1024;

export function modelsUrl(baseUrl: string): string {
  return endpointUrl(baseUrl, 'models');
}

export function createOpenAiModels(options: { fetch: typeof globalThis.fetch }): OpenAiModelsPort {
  return {
    async listModels(call, deadline: Deadline) {
      const reply = await requestOpenAi(
        options.fetch,
        { url: modelsUrl(call.baseUrl), apiKey: call.apiKey, timeoutMs: call.timeoutMs, maxReplyBytes: MAX_REPLY_BYTES },
        deadline,
      );
      const { status } = reply;
      if (status === 401 || status === 403) throw new Failure('MISCONFIGURED', 'openai-auth');
      if (status === 404) throw new Failure('MISCONFIGURED', 'openai-not-found');
      if (status === 429) throw new Failure('RATE_LIMITED', 'openai-429');
      if (status < 200 || status >= 300) throw new Failure('UPSTREAM_UNAVAILABLE', `openai-${status}`);
      return modelIds(reply.text);
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
