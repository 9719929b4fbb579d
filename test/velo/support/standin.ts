/**
 * Shared test fixtures: the SiteGPT REST stand-in with its store, faults and a record of every
 * request, plus the values a test site is configured with.
 */
import { StandinFaults, sitegptRestHandlers, type SitegptRestOptions, type StandinRequestRecord } from '../../fixtures/sitegpt-standin/rest-api.js';
import { StandinStore } from '../../fixtures/sitegpt-standin/store.js';

/** Long and distinctive, so a grep for it in logs and results cannot miss a leak. */
export const API_KEY = 'sgpt-legacy-key-7c1e0f2a9b8d4e6f-DO-NOT-LEAK';
export const CHATBOT_ID = 'chatbot-361628903185318481';
export const BASE_URL = 'https://sitegpt.test/api/v0';

export type { StandinRequestRecord as StandinRequest } from '../../fixtures/sitegpt-standin/rest-api.js';

export function createStandin(options: Partial<SitegptRestOptions> = {}) {
  const store = new StandinStore();
  const faults = new StandinFaults();
  const requests: StandinRequestRecord[] = [];
  const handlers = sitegptRestHandlers({
    store,
    faults,
    apiKey: API_KEY,
    baseUrl: BASE_URL,
    chatbotIds: [CHATBOT_ID],
    onRequest: (request) => requests.push(request),
    ...options,
  });
  const creates = () => requests.filter((r) => r.method === 'POST' && r.path.endsWith('/threads')).length;
  const reset = () => {
    store.clear();
    faults.clear();
    requests.length = 0;
  };
  return { store, faults, requests, handlers, creates, reset };
}

/** The secrets a correctly set-up site has. */
export function siteSecrets(extra: Record<string, string> = {}): Record<string, string> {
  return { SITEGPT_API_KEY: API_KEY, SITEGPT_CHATBOT_ID: CHATBOT_ID, ...extra };
}
