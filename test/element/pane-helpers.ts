import { waitUntil } from '@open-wc/testing';
import type { ChatPage, Turn } from '../../contract/turns.js';
import { THREAD_A, chat, set, untilState, type Chat } from './helpers.js';

export const MEMBER = 'member-a';
const BASE = Date.UTC(2025, 0, 6, 9, 0);

let counter = 0;
/** A turn of THREAD_A, answered, asked `minute` minutes after a fixed start. */
export function turn(minute: number, fields: Partial<Turn> = {}): Turn {
  return {
    id: `turn-${String(minute).padStart(4, '0')}-${++counter}`,
    threadId: THREAD_A,
    kind: 'ai',
    status: 'answered',
    question: `Question ${minute}`,
    answer: `Answer ${minute}`,
    sources: [],
    reaction: null,
    askedAt: BASE + minute * 60_000,
    answeredAt: BASE + minute * 60_000 + 2000,
    rev: BASE + minute * 60_000 + 2000,
    ...fields,
  };
}

/** The `messages` value for a page of turns. */
export function page(turns: Turn[], fields: Partial<ChatPage> = {}): string {
  const cursor = Math.max(0, ...turns.map((t) => t.rev));
  return JSON.stringify({ threadId: THREAD_A, turns, older: null, cursor, ...fields } satisfies ChatPage);
}

/** A native-mode element of MEMBER on THREAD_A showing `turns`, ready. */
export async function nativeChat(turns: Turn[] = [], attributes: Record<string, string> = {}, older: string | null = null): Promise<Chat> {
  const el = await chat({ mode: 'native', 'member-id': MEMBER, thread: THREAD_A, ...attributes });
  set(el, { messages: page(turns, { older }) });
  await untilState(el, 'ready');
  return el;
}

export function root(el: Chat): ShadowRoot {
  return el.shadowRoot!;
}

export function log(el: Chat): HTMLElement {
  return root(el).querySelector<HTMLElement>('[role="log"]')!;
}

/** The text of every turn in the log, in order, whitespace collapsed. */
export function turnTexts(el: Chat): string[] {
  return [...root(el).querySelectorAll('[part~="turn"]')].map((node) => node.textContent!.replace(/\s+/g, ' ').trim());
}

export function composer(el: Chat): HTMLTextAreaElement {
  return root(el).querySelector('textarea')!;
}

/** What the polite live region says. */
export function spoken(el: Chat): string {
  return root(el).querySelector('[role="status"]')!.textContent!.replace(/\s+/g, ' ').trim();
}

/** Collects every event of `name` the element fires. */
export function record<T>(el: Chat, name: string): T[] {
  const seen: T[] = [];
  el.addEventListener(name, (event) => seen.push((event as CustomEvent<T>).detail));
  return seen;
}

/** Types `text` into the composer and presses Enter, as the member would. */
export async function typeAndSend(el: Chat, text: string): Promise<void> {
  const box = composer(el);
  box.focus();
  box.value = text;
  box.dispatchEvent(new Event('input'));
  box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
  await el.updateComplete;
}

export async function until(check: () => boolean, message: string): Promise<void> {
  await waitUntil(check, message, { timeout: 4000 });
}
