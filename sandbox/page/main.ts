/**
 * The sandbox page's code: what masterPage.ts does on a Wix site (the element, the member
 * session, the web methods), plus the sign-in bar and the panel that logs every element
 * event and web-method call with its latency.
 */
import '../../element/src/sitegpt-member-chat.define.js';
import { SandboxAuth, type SandboxMember } from './auth.js';
import { connectMemberChat } from '../../velo/public/sitegpt-member-chat.js';
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
  kind: 'event' | 'call' | 'auth';
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
if (config.widgetPath) element.setAttribute('widget-url', new URL(config.widgetPath, location.origin).href.replace(/%7B/g, '{').replace(/%7D/g, '}'));
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

const methods = webMethods((call: WebMethodCall) => {
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

// The sign-in bar: one button per member, sign out; and the picker promptLogin() opens.
const who = $('[data-who]');
const signOutButton = $<HTMLButtonElement>('[data-sign-out]');
const memberButtons = config.members.map((member) => {
  const button = document.createElement('button');
  button.type = 'button';
  button.dataset.member = member.id;
  button.textContent = `Sign in as ${member.name.split(' ')[0]}`;
  button.addEventListener('click', () => void signIn(member.id));
  return button;
});
$('[data-members]').append(...memberButtons);
const prompt = $<HTMLDialogElement>('[data-prompt]');
$('[data-prompt-members]').append(
  ...config.members.map((member) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = member.name;
    button.addEventListener('click', async () => {
      await signIn(member.id);
      prompt.close();
    });
    return button;
  }),
);
auth.onPrompt = (cancelled) => {
  prompt.addEventListener('close', () => { if (!auth.loggedIn()) cancelled(); }, { once: true });
  prompt.showModal();
};
signOutButton.addEventListener('click', async () => {
  log({ kind: 'auth', name: 'sign out', detail: undefined });
  await auth.signOut();
});
$('[data-clear]').addEventListener('click', () => logList.replaceChildren());

async function signIn(memberId: string): Promise<void> {
  log({ kind: 'auth', name: 'sign in', detail: { memberId } });
  await auth.signIn(memberId);
}

function showSession(): void {
  const member = auth.currentMember();
  who.textContent = member ? `Signed in as ${member.name}` : 'Not signed in';
  signOutButton.hidden = !member;
  for (const button of memberButtons) {
    const current = button.dataset.member === member?.id;
    button.setAttribute('aria-pressed', String(current));
    button.textContent = current ? member!.name.split(' ')[0]! : `${member ? 'Switch to' : 'Sign in as'} ${config.members.find((m) => m.id === button.dataset.member)!.name.split(' ')[0]}`;
  }
}
auth.onLogin(showSession);
auth.onLogout(showSession);

await auth.load();
showSession();
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
