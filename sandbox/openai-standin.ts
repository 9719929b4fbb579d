/**
 * The OpenAI-compatible provider in the sandbox (settings `provider: openai`). Without
 * OPENAI_API_KEY in the environment, the chat-completions stand-in answers in-process (the
 * backend tests' msw handlers, through msw's getResponse: one source of truth for what the
 * endpoint answers) at STANDIN_OPENAI_BASE, and nothing else is reachable: no request leaves the
 * machine. With OPENAI_API_KEY (and optionally OPENAI_BASE_URL) the backend's requests go to the
 * real endpoint; the stand-in's base URL still answers in-process. The stand-in records every
 * request it was sent, for the tests and the red-team suite.
 */
import { getResponse } from 'msw';
import { openaiHandlers, type CompletionRequestRecord } from '../test/fixtures/openai-standin/chat-completions.js';
import type { StandinFaults } from '../test/fixtures/sitegpt-standin/rest-api.js';

/** Never resolved: the sandbox answers it in-process. */
export const STANDIN_OPENAI_BASE = 'https://openai-standin.invalid/v1';
/** The stand-in's development key; never sent anywhere else. */
export const DEV_OPENAI_KEY = 'sandbox-openai-dev-key-not-a-secret';

export interface OpenAiStandin {
  /** Every request the stand-in was sent, oldest first. */
  requests: CompletionRequestRecord[];
  /** The backend's fetch for the OpenAI-compatible provider. */
  fetch: typeof fetch;
  /** The base URL the operator panel offers for `openaiBaseUrl`. */
  baseUrl: string;
  /** Whether a real endpoint is reachable (OPENAI_API_KEY is set). */
  real: boolean;
}

export function createOpenAiStandin(options: { apiKey: string; real: boolean; realBaseUrl?: string; faults?: StandinFaults }): OpenAiStandin {
  const requests: CompletionRequestRecord[] = [];
  const handlers = openaiHandlers({
    apiKey: options.apiKey,
    baseUrl: STANDIN_OPENAI_BASE,
    ...(options.faults ? { faults: options.faults } : {}),
    onRequest: (request) => requests.push(request),
  });
  return {
    requests,
    baseUrl: options.real ? (options.realBaseUrl ?? 'https://api.openai.com/v1') : STANDIN_OPENAI_BASE,
    real: options.real,
    async fetch(input, init) {
      const request = new Request(input, init);
      if (request.url.startsWith(`${STANDIN_OPENAI_BASE}/`)) {
        const response = await getResponse(handlers, request);
        if (!response) return new Response('Not found', { status: 404 });
        if (response.type === 'error') throw new TypeError('fetch failed'); // the network-error fault
        return response;
      }
      // Without a real key nothing leaves the machine: another base URL is a network error.
      if (!options.real) throw new TypeError('fetch failed: set OPENAI_API_KEY to reach a real endpoint');
      return globalThis.fetch(request);
    },
  };
}
