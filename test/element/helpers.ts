import { fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../element/src/sitegpt-member-chat.define.js';
import type { SitegptMemberChatElement } from '../../element/src/sitegpt-member-chat.js';
import type { ChatState } from '../../element/src/chat-state.js';

export const CHATBOT = '361628903185318481';
export const THREAD_A = 'aaaaaaaa-1111-4111-8111-aaaaaaaaaaaa';
export const THREAD_B = 'bbbbbbbb-2222-4222-8222-bbbbbbbbbbbb';
export const EMAIL = 'ada@example.com';
export const SIGNATURE = 'cd7cc422ea97c82d844b2373fdcd6259c9ee6e135af65ab6fe6ca85e3f07abb1';

/** The local stand-in widget, served by the test runner on this origin. */
export const STANDIN_URL = `${location.origin}/sitegpt/c/{chatbotId}?tid={thread}`;
export const STANDIN_LOADER = `${location.origin}/sitegpt/widget/{chatbotId}.js`;
/** The stand-in's own resume command; SiteGPT's real one is undocumented. */
export const STANDIN_RESUME = '["set","thread:id","{thread}"]';

export type Chat = SitegptMemberChatElement;

/** An element pointed at the stand-in, with any further attributes. */
export async function chat(attributes: Record<string, string> = {}): Promise<Chat> {
  const el = await fixture<Chat>(html`<sitegpt-member-chat></sitegpt-member-chat>`);
  set(el, { 'chatbot-id': CHATBOT, 'widget-url': STANDIN_URL, ...attributes });
  await el.updateComplete;
  return el;
}

export function set(el: Element, attributes: Record<string, string | null>): void {
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null) el.removeAttribute(name);
    else el.setAttribute(name, value);
  }
}

export async function untilState(el: Chat, state: ChatState, timeout = 4000): Promise<void> {
  await waitUntil(() => el.state === state, `state stayed ${el.state}, expected ${state}`, { timeout });
  await el.updateComplete;
}

/** The widget frame in the element's shadow root, if any. */
export function frame(el: Chat): HTMLIFrameElement | null {
  return el.shadowRoot!.querySelector('iframe');
}

export function text(el: Chat): string {
  return el.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim();
}

export function button(el: Chat, part: string): HTMLButtonElement {
  const found = el.shadowRoot!.querySelector<HTMLButtonElement>(`[part~="${part}"]`);
  if (!found) throw new Error(`no ${part} in state ${el.state}`);
  return found;
}

export { oneEvent };

/**
 * The stand-in chat page's window: the frame itself (frame) or the chat frame the loader added
 * inside it (script). Reached as a WindowProxy, which works across origins, because inside the
 * element's isolated loader frame the chat page has an opaque origin.
 */
export function chatWindow(el: Chat): Window | null {
  const outer = frame(el)?.contentWindow;
  if (!outer) return null;
  if (el.getAttribute('widget-strategy') !== 'script') return outer;
  return outer.frames.length > 0 ? outer.frames[0] : null;
}

type StandinReply = { standin: string; state?: Record<string, unknown>; error?: string };

/** Posts a stand-in test-hook message (see its README) to `target` until that window answers `reply`. */
function askStandin(target: () => Window | null, message: object, reply: string, repeat = true): Promise<StandinReply> {
  return new Promise((resolve, reject) => {
    const done = (finish: () => void) => {
      clearInterval(poll);
      clearTimeout(timer);
      window.removeEventListener('message', listen);
      finish();
    };
    const listen = (event: MessageEvent) => {
      const data = event.data as StandinReply | null;
      if (event.source === target() && data?.standin === reply) done(() => resolve(data));
    };
    const post = () => target()?.postMessage(message, '*');
    window.addEventListener('message', listen);
    // Until the page's script has run nobody answers, so ask again (only for questions that may repeat).
    const poll = setInterval(() => repeat && post(), 100);
    const timer = setTimeout(() => done(() => reject(new Error(`the stand-in never answered "${reply}"`))), 4000);
    post();
  });
}

/** What the stand-in chat page shows: its `documentElement.dataset` (thread, userEmail, verified, state…). */
export async function pageState(el: Chat): Promise<Record<string, string>> {
  return (await askStandin(() => chatWindow(el), { standin: 'inspect' }, 'page')).state as Record<string, string>;
}

/** What the stand-in loader's commands set (`window.$sitegpt_standin` in its frame). */
export async function loaderState(el: Chat): Promise<Record<string, unknown>> {
  return (await askStandin(() => frame(el)?.contentWindow ?? null, { standin: 'inspect' }, 'loader')).state!;
}

/** The thread the stand-in chat page opened, once it has opened one. */
export async function openedThread(el: Chat): Promise<string> {
  return (await pageState(el)).thread;
}

/** Types a message into the stand-in chat page, as the member would. */
export async function sendInWidget(el: Chat, message: string): Promise<void> {
  await pageState(el); // the page listens once it answers
  const answer = await askStandin(() => chatWindow(el), { standin: 'send', text: message }, 'sent', false);
  if (answer.error) throw new Error(`the stand-in could not send: ${answer.error}`);
}

/** A thread no other test has used: the stand-in keeps messages for the whole run. */
export function freshThread(): string {
  return crypto.randomUUID();
}
