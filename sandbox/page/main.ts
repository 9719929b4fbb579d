/**
 * The sandbox page's code: what masterPage.ts does on a Wix site (the element, the member
 * session, the web methods), plus the sign-in bar (sign-in-bar.ts), the fault switch
 * (fault-panel.ts) and the panel that logs every element event and web-method call with its
 * latency.
 */
import { SandboxAuth, type SandboxMember } from './auth.js';
import { connectMemberChat } from '../../velo/public/sitegpt-member-chat.js';
import { connectFaultPanel, type FaultPanel } from './fault-panel.js';
import { connectSignInBar } from './sign-in-bar.js';
import { webMethods, type WebMethodCall } from './web-methods.js';

interface SandboxConfig {
  mode: 'standin' | 'sitegpt';
  chatbotId: string;
  widgetPath: string | null;
  members: SandboxMember[];
}

/** One panel line; also kept on `window.sandbox.log` for the end-to-end tests and the bench. */
export interface LogEntry {
  at: number;
  kind: 'event' | 'call' | 'auth' | 'fault';
  name: string;
  detail: unknown;
  ms?: number;
  backendMs?: number | null;
  failed?: boolean;
}

const ELEMENT_EVENTS = [
  'sitegpt-login-request',
  'sitegpt-retry',
  'sitegpt-new-conversation',
  'sitegpt-ready',
  'sitegpt-error',
  'sitegpt-widget-event',
  'sitegpt-thread-mismatch',
] as const;

const $ = <T extends Element>(selector: string) => document.querySelector<T>(selector)!;
const element = $<HTMLElement>('sitegpt-member-chat');
const logList = $<HTMLOListElement>('[data-log]');
const entries: LogEntry[] = [];
const auth = new SandboxAuth();
declare global {
  interface Window {
    sandbox: { log: LogEntry[]; auth: SandboxAuth; ready: boolean };
  }
}
window.sandbox = { log: entries, auth, ready: false };

function log(entry: Omit<LogEntry, 'at'>): void {
  const full = { at: performance.now(), ...entry };
  entries.push(full);
  const item = document.createElement('li');
  item.className = `kind-${entry.kind}${entry.failed ? ' failed' : ''}`;
  const time = document.createElement('span');
  time.className = 't';
  time.textContent = new Date().toLocaleTimeString([], { hour12: false });
  const name = document.createElement('span');
  name.className = 'name';
  name.textContent = entry.name;
  const detail = document.createElement('span');
  detail.className = 'detail';
  const latency = entry.ms === undefined ? '' : ` ${entry.ms} ms` + (entry.backendMs == null ? '' : ` (backend ${entry.backendMs} ms)`);
  detail.textContent = `${latency} ${entry.detail === undefined ? '' : JSON.stringify(entry.detail)}`;
  item.append(time, name, detail);
  logList.prepend(item);
}

const config = (await (await fetch('/_sandbox/config')).json()) as SandboxConfig;
element.setAttribute('chatbot-id', config.chatbotId);
if (config.widgetPath) {
  // SiteGPT's widget lives on its own origin, so the stand-in's is served on the other loopback
  // name: the frame is cross-origin here too, as on a real site (and Chromium has no reason to
  // warn that a same-origin frame with allow-scripts and allow-same-origin can lift its sandbox).
  const widgetOrigin = `${location.protocol}//${location.hostname === 'localhost' ? '127.0.0.1' : 'localhost'}:${location.port}`;
  element.setAttribute('widget-url', new URL(config.widgetPath, widgetOrigin).href.replace(/%7B/g, '{').replace(/%7D/g, '}'));
}
// Defined only now, with its editor attributes in place, as on Wix, where `chatbot-id` is in
// the element's markup before its script runs.
await import('../../element/src/sitegpt-member-chat.define.js');
$('[data-mode]').textContent =
  config.mode === 'standin'
    ? `SiteGPT: local stand-in (chatbot ${config.chatbotId}). Set SITEGPT_API_KEY and SITEGPT_CHATBOT_ID for the real one.`
    : `SiteGPT: the real API (chatbot ${config.chatbotId}).`;

for (const name of ELEMENT_EVENTS) {
  element.addEventListener(name, (event) => {
    const detail = (event as CustomEvent).detail;
    log({ kind: 'event', name, detail, failed: name === 'sitegpt-error' || name === 'sitegpt-thread-mismatch' });
  });
}

const faultPanel: FaultPanel | undefined =
  config.mode === 'standin' ? connectFaultPanel($('[data-fault-panel]'), (body) => log({ kind: 'fault', name: 'fault queued', detail: body })) : undefined;
await faultPanel?.refresh();

const methods = webMethods((call: WebMethodCall) => {
  void faultPanel?.refresh(); // the call may have used some
  const result = call.result;
  log({
    kind: 'call',
    name: `${call.name}()`,
    ms: call.ms,
    backendMs: call.backendMs,
    failed: !result.ok,
    detail: result.ok ? ('threadId' in result ? { threadId: result.threadId } : { ok: true }) : result.error,
  });
});

await auth.load();
connectSignInBar(auth, config.members, (name, detail) => log({ kind: 'auth', name, detail }));
// The real page-code controller, as masterPage.ts wires it on a Wix site: `$w`'s element
// surface (setAttribute, on) over the DOM element, the sandbox's session, the web methods.
connectMemberChat(
  {
    setAttribute: (name, value) => element.setAttribute(name, value),
    on: (name, handler) => element.addEventListener(name, (event) => handler(event as CustomEvent)),
  },
  {
    loggedIn: () => auth.loggedIn(),
    onLogin: (handler) => auth.onLogin(handler),
    onLogout: (handler) => auth.onLogout(handler),
    promptLogin: () => auth.promptLogin(),
    currentMemberId: () => auth.currentMemberId(),
    getMemberChat: () => methods.getMemberChat(),
    startNewConversation: () => methods.startNewConversation(),
    isBrowser: () => true,
  },
);
window.sandbox.ready = true;
