/**
 * Both scripted providers for the red-team suite, on one msw server: SiteGPT's REST stand-in
 * and the chat-completions stand-in, each recording every request it gets and answering a
 * question `red-team <id>` with that case's hostile `answer` from the table.
 */
import { setupServer } from 'msw/node';
import { openaiHandlers, type CompletionRequestRecord } from '../fixtures/openai-standin/chat-completions.js';
import { StandinFaults } from '../fixtures/sitegpt-standin/rest-api.js';
import { OPENAI_BASE_URL, OPENAI_KEY, OPENAI_SETTINGS } from '../velo/support/openai-standin.js';
import { API_KEY, createStandin } from '../velo/support/standin.js';
import { CASES } from './cases.js';
import type { Upstream } from './upstream.js';

/** The question that makes the stand-ins answer a case's hostile text. */
export const askFor = (id: string): string => `red-team ${id}`;

const hostile = new Map(CASES.filter((c) => c.answer !== undefined).map((c) => [askFor(c.id), c]));

export function startStandins(): Upstream & { close(): void } {
  const sitegpt = createStandin({
    answerFor: (question) => {
      const c = hostile.get(question);
      return c && { text: c.answer!, sources: c.sources ?? [] };
    },
  });
  const openaiFaults = new StandinFaults();
  const openaiRequests: CompletionRequestRecord[] = [];
  const openai = openaiHandlers({
    apiKey: OPENAI_KEY,
    baseUrl: OPENAI_BASE_URL,
    faults: openaiFaults,
    onRequest: (request) => openaiRequests.push(request),
    answerFor: (question) => hostile.get(question)?.answer,
  });
  const server = setupServer(...sitegpt.handlers, ...openai);
  server.listen({ onUnhandledRequest: 'error' });
  return {
    sitegptRequests: sitegpt.requests,
    openaiRequests,
    // The stand-in's chatbot and key (memoryKit's defaults) and its OPENAI_API_KEY.
    secrets: { OPENAI_API_KEY: OPENAI_KEY },
    openaiSettings: OPENAI_SETTINGS,
    keys: [API_KEY, OPENAI_KEY],
    reset() {
      sitegpt.reset();
      openaiFaults.clear();
      openaiRequests.length = 0;
    },
    failEchoingKeys(message) {
      sitegpt.faults.next({ kind: 'status', status: 400, code: 'REQUEST_VALIDATION_FAILED', message });
      openaiFaults.next({ kind: 'status', status: 400, code: 'invalid_request_error', message });
    },
    close: () => server.close(),
  };
}
