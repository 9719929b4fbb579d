/**
 * The SiteGPT stand-in, mounted in the sandbox when no real key is configured: the REST API
 * answered in-process (the backend tests' msw handlers, through msw's getResponse, so there is
 * one source of truth for what SiteGPT answers) and the widget pages served under /sitegpt/,
 * both over one StandinStore, so the thread the backend creates is the one the widget shows.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { getResponse } from 'msw';
import { createStandinHandler } from '../test/fixtures/sitegpt-standin/handler.js';
import { toNodeListener } from '../test/fixtures/sitegpt-standin/node-adapter.js';
import { sitegptRestHandlers } from '../test/fixtures/sitegpt-standin/rest-api.js';
import { StandinStore } from '../test/fixtures/sitegpt-standin/store.js';
import type { CallScope } from './call-scope.js';
import { CallScopedFaults } from './fault-queue.js';

/** Development defaults for the stand-in; never used against the real SiteGPT. */
export const DEV_API_KEY = 'sandbox-dev-key-not-a-secret';
export const DEV_CHATBOT_ID = '361628903185318481';
/** Never resolved: the stand-in's fetch answers it in-process. */
export const STANDIN_API = 'http://sitegpt-standin.invalid/api/v0';

export interface Standin {
  store: StandinStore;
  faults: CallScopedFaults;
  /** The backend's SiteGPT fetch: answered by the stand-in, nothing leaves the process. */
  fetch: typeof fetch;
  /** Serves /sitegpt/* (chat page, loader); anything else goes to `next`. */
  widget: (req: IncomingMessage, res: ServerResponse, next: () => void) => Promise<void>;
}

export function createStandin(scope: CallScope): Standin {
  const store = new StandinStore();
  const faults = new CallScopedFaults(() => scope.current());
  scope.onEnd((call) => faults.endCall(call));
  const handlers = sitegptRestHandlers({ store, faults, apiKey: DEV_API_KEY, baseUrl: STANDIN_API, chatbotIds: [DEV_CHATBOT_ID] });
  return {
    store,
    faults,
    async fetch(input, init) {
      const response = await getResponse(handlers, new Request(input, init));
      if (!response) return new Response('Not found', { status: 404 });
      if (response.type === 'error') throw new TypeError('fetch failed'); // the network-error fault
      return response;
    },
    widget: toNodeListener(createStandinHandler({ store })),
  };
}
