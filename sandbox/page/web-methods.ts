/**
 * Stubs of the web methods of velo/backend/sitegpt.web.ts: each POSTs its arguments (a JSON
 * array, as Wix's transport sends them) to the sandbox server, which runs the real backend kit
 * for the member of the session cookie (no argument names the member). Every call is reported
 * with its latency, as seen by the page and by the backend.
 */
import type { GetMemberChatArgs, GetMessagesArgs, RateArgs, SendArgs } from '../../contract/index.js';

export interface WebMethodCall {
  name: string;
  /** Round trip as the page saw it. */
  ms: number;
  /** The backend kit's own figure (its log line). */
  backendMs: number | null;
  sitegptCalled: boolean;
  result: { ok: boolean; [key: string]: unknown };
}

export type CallListener = (call: WebMethodCall) => void;

export function webMethods(onCall: CallListener) {
  async function call(name: string, args: unknown[] = []): Promise<WebMethodCall['result']> {
    const started = performance.now();
    let result: WebMethodCall['result'];
    let response: Response | undefined;
    try {
      response = await fetch(`/_webmethods/${name}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(args) });
      result = response.ok ? ((await response.json()) as WebMethodCall['result']) : { ok: false, error: { code: 'INTERNAL', message: `HTTP ${response.status}` } };
    } catch {
      // What Wix's web-method stub does when the call itself fails: the page sees an error value.
      result = { ok: false, error: { code: 'UPSTREAM_UNAVAILABLE', message: 'The web method could not be reached.' } };
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
    getMemberChat: (args?: GetMemberChatArgs) => call('getMemberChat', args ? [args] : []),
    startNewConversation: () => call('startNewConversation'),
    forgetMyChat: () => call('forgetMyChat'),
    sendChatMessage: (args: SendArgs) => call('sendChatMessage', [args]),
    getChatMessages: (args: GetMessagesArgs) => call('getChatMessages', [args]),
    rateAnswer: (args: RateArgs) => call('rateAnswer', [args]),
    requestHuman: () => call('requestHuman'),
  };
}
