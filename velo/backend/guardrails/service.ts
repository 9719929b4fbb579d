/**
 * The kill switch (architecture.md §9): what the operator's `mode` means for the member. `off`
 * closes the chat (sendChatMessage answers CHAT_CLOSED with the operator's words and contact
 * path); `fallback` answers every question with a static reply; getMemberChat tells page code
 * and the element which of the three holds, so widget mode can show the static pane or the
 * closed view instead of SiteGPT's widget.
 */
import type { Service } from '../../../contract/index.js';
import { Failure } from '../runtime/failure.js';
import type { Settings } from './settings-schema.js';

/** The wire's bound on the operator's text (ServiceSchema, a turn's answer): 2000 UTF-16 units. */
const MAX_TEXT = 2000;

/**
 * `{contact}` in the operator's text becomes the contact path; nothing else is interpreted. Cut
 * to 2000 UTF-16 units (a long path in several places could pass it), never inside a pair.
 */
export function withContact(text: string, settings: Pick<Settings, 'contactUrl'>): string {
  const filled = text.split('{contact}').join(settings.contactUrl);
  if (filled.length <= MAX_TEXT) return filled;
  const cut = filled.slice(0, MAX_TEXT);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/** What getMemberChat adds, or undefined while the chat runs normally (`mode: on`). */
export function serviceOf(settings: Settings): Service | undefined {
  if (settings.mode === 'on') return undefined;
  return {
    mode: settings.mode,
    contactUrl: settings.contactUrl,
    ...(settings.mode === 'off' ? { message: withContact(settings.closedMessage, settings) } : {}),
  };
}

/** Throws CHAT_CLOSED (the operator's message) when the chat is off. */
export function assertOpen(settings: Settings): void {
  if (settings.mode !== 'off') return;
  throw new Failure('CHAT_CLOSED', 'chat-closed', { message: withContact(settings.closedMessage, settings) });
}
