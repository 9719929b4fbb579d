/**
 * Stubs of the three web methods of velo/backend/sitegpt.web.ts: each POSTs to the sandbox
 * server, which runs the real backend core for the member of the session cookie (no argument
 * names the member). Every call is reported with its latency, as seen by the page and by the
 * backend.
 */
import type { ChatResult, ForgetResult } from '../../contract/index.js';

export interface WebMethodCall {
  name: string;
  /** Round trip as the page saw it. */
  ms: number;
  /** The backend core's own figure (its log line). */
  backendMs: number | null;
  sitegptCalled: boolean;
  result: ChatResult | ForgetResult;
}

export type CallListener = (call: WebMethodCall) => void;

export function webMethods(onCall: CallListener) {
  async function call<T extends ChatResult | ForgetResult>(name: string): Promise<T> {
    const started = performance.now();
    let result: T;
    let response: Response | undefined;
    try {
      response = await fetch(`/_webmethods/${name}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '[]' });
      result = response.ok
        ? ((await response.json()) as T)
        : ({ ok: false, error: { code: 'INTERNAL', message: `HTTP ${response.status}` } } as T);
    } catch {
      // What Wix's web-method stub does when the call itself fails: the page sees an error value.
      result = { ok: false, error: { code: 'UPSTREAM_UNAVAILABLE', message: 'The web method could not be reached.' } } as T;
    }
    const backend = response?.headers.get('x-sandbox-latency-ms');
    onCall({
      name,
      ms: Math.round(performance.now() - started),
      backendMs: backend ? Number(backend) : null,
      sitegptCalled: response?.headers.get('x-sandbox-sitegpt-called') === 'true',
      result,
    });
    return result;
  }
  return {
    getMemberChat: () => call<ChatResult>('getMemberChat'),
    startNewConversation: () => call<ChatResult>('startNewConversation'),
    forgetMyChat: () => call<ForgetResult>('forgetMyChat'),
  };
}
