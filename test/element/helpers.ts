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

/** The chat page the widget opened: the frame itself (frame) or the loader's frame inside it (script). */
export function chatPage(el: Chat): Document | null {
  const outer = frame(el)?.contentDocument;
  if (!outer) return null;
  if (outer.documentElement.dataset.thread) return outer;
  return outer.querySelector('iframe')?.contentDocument ?? null;
}

/** The thread the stand-in chat page opened, once it has opened one. */
export async function openedThread(el: Chat): Promise<string> {
  await waitUntil(() => chatPage(el)?.documentElement.dataset.thread, 'the stand-in opened no thread', { timeout: 4000 });
  return chatPage(el)!.documentElement.dataset.thread!;
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

/** Types a message into the stand-in chat page, as the member would. */
export async function sendInWidget(el: Chat, message: string): Promise<void> {
  const page = chatPage(el)?.defaultView as unknown as { standin: { send(text: string): Promise<void> } };
  await page.standin.send(message);
}

/** A thread no other test has used: the stand-in keeps messages for the whole run. */
export function freshThread(): string {
  return crypto.randomUUID();
}
