// What the *Delete my chat* tests share: its words, the events it fires, and the member's clicks.
import { button, type Chat } from './helpers.js';

export const CONFIRM = "Delete your chat? You'll start again with an empty chat, and this one can't be brought back.";
export const BUSY = 'Deleting your chat…';
export const DELETED = 'Your chat was deleted.';

/** Counts every sitegpt-delete-chat (with its detail) and sitegpt-new-conversation the element fires. */
export function fired(el: Chat): { deletes: unknown[]; news: unknown[] } {
  const seen = { deletes: [] as unknown[], news: [] as unknown[] };
  el.addEventListener('sitegpt-delete-chat', (event) => seen.deletes.push(event.detail));
  el.addEventListener('sitegpt-new-conversation', (event) => seen.news.push(event.detail));
  return seen;
}

export function menuButton(el: Chat): HTMLButtonElement {
  return button(el, 'menu-button');
}

/** The menu, then *Delete my chat*, then *Delete*: what a member does. */
export async function confirmDelete(el: Chat): Promise<void> {
  menuButton(el).click();
  await el.updateComplete;
  button(el, 'delete-chat-button').click();
  await el.updateComplete;
  button(el, 'confirm-button').click();
  await el.updateComplete;
}

