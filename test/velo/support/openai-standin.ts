/**
 * The chat-completions stand-in (test/fixtures/openai-standin/) for backend tests: its handlers,
 * its fault queue and a record of every request as it arrived, plus the settings and secret of a
 * site that uses the OpenAI-compatible provider.
 */
import { openaiHandlers, type CompletionRequestRecord } from '../../fixtures/openai-standin/chat-completions.js';
import { StandinFaults } from '../../fixtures/sitegpt-standin/rest-api.js';

/** Long and distinctive, so a search for it in requests, results and logs cannot miss a leak. */
export const OPENAI_KEY = 'sk-openai-test-4d9e2b7a1c6f3e80-DO-NOT-LEAK';
export const OPENAI_BASE_URL = 'https://openai-standin.test/v1';

/** The operator's settings that switch a site to the stand-in's endpoint (and lift the limits no test is about). */
export const OPENAI_SETTINGS = {
  provider: 'openai',
  openaiBaseUrl: OPENAI_BASE_URL,
  limitPerMinute: 1000,
  limitPerDay: 100_000,
  siteLimitPerMinute: 100_000,
} as const;

export function createOpenAiStandin(options: { slowAnswerMs?: number } = {}) {
  const faults = new StandinFaults();
  const requests: CompletionRequestRecord[] = [];
  const handlers = openaiHandlers({ apiKey: OPENAI_KEY, baseUrl: OPENAI_BASE_URL, faults, onRequest: (r) => requests.push(r), ...options });
  /** The bodies the endpoint was sent, oldest first. */
  const bodies = () => requests.map((r) => r.body as { model: string; temperature: number; max_tokens: number; messages: Array<{ role: string; content: string }> });
  const reset = () => {
    faults.clear();
    requests.length = 0;
  };
  return { faults, requests, handlers, bodies, reset };
}
