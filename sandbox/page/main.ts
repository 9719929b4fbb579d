/**
 * The sandbox page's code: what masterPage.ts does on a Wix site (the element, the member
 * session, the web methods, realtime), plus the sign-in bar (sign-in-bar.ts), the mode switch
 * (chat-mode.ts), the fault switch (fault-panel.ts) and the panel that logs every element
 * event and web-method call with its latency (panel-log.ts).
 */
import { connectMemberChat } from '../../velo/public/sitegpt-member-chat.js';
import { connectAgentPanel } from './agent-panel.js';
import { SandboxAuth, type SandboxMember } from './auth.js';
import { readSwitches, showModeSwitch, switchedUrl } from './chat-mode.js';
import { connectFaultPanel, type FaultPanel } from './fault-panel.js';
import { connectInboxPanel, type InboxPanel } from './inbox-panel.js';
import { connectOperatorPanel } from './operator-panel.js';
import { connectProviderPanel } from './provider-panel.js';
import { callSummary, createPanelLog, eventSummary, type LogEntry } from './panel-log.js';
import { eventSourceSubscribe, type RealtimeState } from './realtime.js';
import { connectSignInBar } from './sign-in-bar.js';
import { webMethods, type WebMethodCall } from './web-methods.js';

export type { LogEntry } from './panel-log.js';

interface SandboxConfig {
  mode: 'standin' | 'sitegpt';
  chatbotId: string;
  widgetPath: string | null;
  members: SandboxMember[];
  starters: string[];
  /** The OpenAI-compatible endpoint the provider switch points at (provider-panel.ts). */
  openai: { baseUrl: string; real: boolean } | null;
}

const ELEMENT_EVENTS = [
  'sitegpt-login-request',
  'sitegpt-retry',
  'sitegpt-new-conversation',
  'sitegpt-ready',
  'sitegpt-error',
  'sitegpt-widget-event',
  'sitegpt-thread-mismatch',
  'sitegpt-send',
  'sitegpt-load-older',
  'sitegpt-react',
  'sitegpt-visibility',
  'sitegpt-request-human',
  'sitegpt-delete-chat',
] as const;

const $ = <T extends Element>(selector: string) => document.querySelector<T>(selector)!;
const element = $<HTMLElement>('sitegpt-member-chat');
const switches = readSwitches();
const entries: LogEntry[] = [];
const auth = new SandboxAuth();
declare global {
  interface Window {
    sandbox: {
      log: LogEntry[];
      auth: SandboxAuth;
      ready: boolean;
      mode: 'widget' | 'native';
      realtime: RealtimeState | 'idle' | 'polling' | 'unused';
      /** The site-wide service channel's stream (the operator's kill switch), in either mode. */
      serviceRealtime?: RealtimeState;
    };
  }
}
window.sandbox = { log: entries, auth, ready: false, mode: switches.mode, realtime: switches.mode === 'widget' ? 'unused' : switches.realtime ? 'idle' : 'polling' };
const log = createPanelLog($<HTMLOListElement>('[data-log]'), entries);

showModeSwitch($('[data-mode-switch]'), switches);
document.body.dataset.chatMode = switches.mode;

const config = (await (await fetch('/_sandbox/config')).json()) as SandboxConfig;
element.setAttribute('chatbot-id', config.chatbotId);
if (switches.mode === 'native') element.setAttribute('starters', JSON.stringify(config.starters));
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
    const detail = eventSummary((event as CustomEvent).detail);
    log({ kind: 'event', name, detail, failed: name === 'sitegpt-error' || name === 'sitegpt-thread-mismatch' });
  });
}

const faultPanel: FaultPanel | undefined =
  config.mode === 'standin' ? connectFaultPanel($('[data-fault-panel]'), (body) => log({ kind: 'fault', name: 'fault queued', detail: body })) : undefined;
await faultPanel?.refresh();
if (config.mode === 'standin' && switches.mode === 'native') {
  connectAgentPanel($('[data-agent-panel]'), (detail) => log({ kind: 'agent', name: 'agent replied', detail }));
}

// The site owner's Wix Inbox (stand-in): where a handoff lands and the owner replies (native mode's pane).
const inboxPanel: InboxPanel | undefined =
  switches.mode === 'native' ? connectInboxPanel($('[data-inbox-panel]'), (detail) => log({ kind: 'agent', name: 'owner replied in Wix Inbox', detail })) : undefined;

const methods = webMethods((call: WebMethodCall) => {
  void faultPanel?.refresh(); // the call may have used some
  if (call.name === 'requestHuman' || call.name === 'sendChatMessage') void inboxPanel?.refresh(); // a handoff, or a question for the team
  log({ kind: 'call', name: `${call.name}()`, ms: call.ms, backendMs: call.backendMs, failed: !call.result.ok, detail: callSummary(call) });
});

// Live updates: what the panel says, and the link that turns realtime off (or on) for this page.
const live = $<HTMLElement>('[data-live]');
const liveText = $<HTMLElement>('[data-live-text]');
const liveToggle = $<HTMLAnchorElement>('[data-live-toggle]');
function showLive(state: Window['sandbox']['realtime'], member?: string): void {
  window.sandbox.realtime = state;
  const words: Record<Window['sandbox']['realtime'], string> = {
    unused: 'not used in widget mode (SiteGPT\'s widget talks to SiteGPT itself).',
    idle: 'realtime (Server-Sent Events) once a member is signed in.',
    connecting: `realtime: connecting for ${member}…`,
    open: `realtime: open for ${member} (Server-Sent Events, content-free notices).`,
    reconnecting: 'realtime: reconnecting…',
    refused: 'realtime refused: page code polls instead.',
    closed: 'realtime: closed (signed out).',
    polling: 'realtime off: page code polls every 30 s while the pane is visible, faster after a send.',
  };
  liveText.textContent = `Live updates: ${words[state]}`;
}
live.hidden = switches.mode !== 'native';
liveToggle.href = switchedUrl({ realtime: !switches.realtime });
liveToggle.textContent = switches.realtime ? 'turn realtime off' : 'turn realtime on';
showLive(window.sandbox.realtime);
const subscribe = eventSourceSubscribe((state, member) => {
  if (member === undefined) {
    window.sandbox.serviceRealtime = state;
    return log({ kind: 'live', name: `service channel ${state}`, detail: {} });
  }
  showLive(state, member);
  log({ kind: 'live', name: `realtime ${state}`, detail: { resourceId: member } });
});
// The operator's settings (SiteGptSettings): flip the kill switch, edit limits and static replies.
connectOperatorPanel($('[data-operator-panel]'), (name, detail) => log({ kind: 'operator', name, detail }));
connectProviderPanel($('[data-operator-panel]'), { openai: config.openai }, (name, detail) => log({ kind: 'operator', name, detail }));

await auth.load();
connectSignInBar(auth, config.members, (name, detail) => log({ kind: 'auth', name, detail }));
// The moment page code hears of the member (Wix's onLogin): where time-to-history starts on a site.
auth.onLogin(() => log({ kind: 'auth', name: 'login', detail: { memberId: auth.currentMember()?.id } }));
// The real page-code controller, as masterPage.ts wires it on a Wix site: `$w`'s element
// surface (setAttribute, on) over the DOM element, the sandbox's session, the web methods.
connectMemberChat(
  {
    setAttribute: (name, value) => element.setAttribute(name, value),
    on: (name, handler) => element.addEventListener(name, (event) => handler(event as CustomEvent)),
  },
  {
    mode: switches.mode,
    loggedIn: () => auth.loggedIn(),
    onLogin: (handler) => auth.onLogin(handler),
    onLogout: (handler) => auth.onLogout(handler),
    promptLogin: () => auth.promptLogin(),
    currentMemberId: () => auth.currentMemberId(),
    getMemberChat: (args) => methods.getMemberChat(args),
    // The page the member is on, for the typed context (masterPage: @wix/site-location).
    pagePath: () => location.pathname,
    startNewConversation: () => methods.startNewConversation(),
    forgetMyChat: () => methods.forgetMyChat(),
    sendChatMessage: (args) => methods.sendChatMessage(args),
    getChatMessages: (args) => methods.getChatMessages(args),
    rateAnswer: (args) => methods.rateAnswer(args),
    requestHuman: () => methods.requestHuman(),
    ...(switches.realtime ? { subscribe } : {}),
    isBrowser: () => true,
    log: (event, detail) => log({ kind: 'event', name: event, detail, failed: true }),
  },
);
window.sandbox.ready = true;
