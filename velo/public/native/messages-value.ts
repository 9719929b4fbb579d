/**
 * A page as the value(s) of the element's `messages` attribute (architecture.md §8.6). The
 * element refuses a value over 512 KiB, and merges every value it gets by turn ID, so a page
 * too big for one value is set as several smaller pages of the same thread, one after another.
 */
import type { ChatPage } from '../../../contract/index.js';

/** The element's cap on `messages`, counted here in UTF-8 bytes (never fewer than characters). */
export const MESSAGES_MAX_BYTES = 512 * 1024;

export interface MessagesValues {
  values: string[];
  /** Turns that alone are over the cap (cannot happen with the backend's 16,000-character answers). */
  tooLarge: number;
}

export function messagesValues(page: ChatPage, maxBytes = MESSAGES_MAX_BYTES): MessagesValues {
  const frame = { threadId: page.threadId, older: page.older, cursor: page.cursor };
  const frameBytes = utf8Bytes(JSON.stringify({ ...frame, turns: [] }));
  const values: string[] = [];
  let chunk: string[] = [];
  let bytes = frameBytes;
  let tooLarge = 0;
  const flush = () => {
    // Keys in the contract's order: threadId, turns, older, cursor.
    values.push(`{"threadId":${JSON.stringify(page.threadId)},"turns":[${chunk.join(',')}],"older":${JSON.stringify(page.older)},"cursor":${page.cursor}}`);
    chunk = [];
    bytes = frameBytes;
  };
  for (const turn of page.turns) {
    const json = JSON.stringify(turn);
    const size = utf8Bytes(json) + 1; // and its comma
    if (frameBytes + size > maxBytes) {
      tooLarge++;
      continue;
    }
    if (bytes + size > maxBytes) flush();
    chunk.push(json);
    bytes += size;
  }
  if (chunk.length > 0 || values.length === 0) flush();
  return { values, tooLarge };
}

export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      bytes += 4; // a surrogate pair is one 4-byte code point
      i++;
    } else bytes += 3;
  }
  return bytes;
}
