/**
 * One request to an OpenAI-compatible endpoint, the way every call to it must be made: inside
 * the deadline, the key only in the Authorization header, redirects refused (so no other host
 * ever sees the key), a fetch error reduced to our own label (it may quote the request), a 5xx
 * body never read, any other reply read up to a byte cap. The chat client and the setup
 * check's model list differ only in what they make of the reply.
 */
import { withTimeout, type Deadline } from '../../runtime/deadline.js';
import { Failure } from '../../runtime/failure.js';
import { readCapped } from '../read-capped.js';

export interface OpenAiRequest {
  url: string;
  apiKey: string;
  /** JSON to POST; without it the request is a GET. */
  body?: string;
  timeoutMs: number;
  maxReplyBytes: number;
}

export interface OpenAiReply {
  status: number;
  headers: Headers;
  text: string;
}

/** `{baseUrl}/{path}`, whether or not the operator ended the base URL with a slash. */
export function endpointUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/${path}`;
}

export async function requestOpenAi(
  fetch: typeof globalThis.fetch,
  request: OpenAiRequest,
  deadline: Deadline,
): Promise<OpenAiReply> {
  const ms = deadline.allow(request.timeoutMs);
  if (ms <= 0) throw new Failure('UPSTREAM_UNAVAILABLE', 'openai-no-time');
  return withTimeout(
    ms,
    () => new Failure('UPSTREAM_UNAVAILABLE', 'openai-timeout'),
    async (signal) => {
      const headers: Record<string, string> = { authorization: `Bearer ${request.apiKey}`, accept: 'application/json' };
      if (request.body !== undefined) headers['content-type'] = 'application/json';
      let response: Response;
      try {
        response = await fetch(request.url, {
          method: request.body === undefined ? 'GET' : 'POST',
          headers,
          body: request.body,
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
      const text = await readCapped(response, request.maxReplyBytes, 'openai-too-large');
      return { status: response.status, headers: response.headers, text };
    },
  );
}
