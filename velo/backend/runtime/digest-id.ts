/**
 * A row `_id` derived from its parts: the first 16 bytes of a SHA-256 of the parts as JSON
 * (JSON keeps ("a:b","c") and ("a","b:c") apart), through Web Crypto like chat/turn-id.ts.
 * Content-free lock rows (rate-limit slots, budget alerts) are keyed this way, so everyone who
 * wants the same lock computes the same `_id` and only one insert wins.
 */
import { toHex } from './hmac.js';

export async function digestId(parts: readonly (string | number)[]): Promise<string> {
  const bytes = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(JSON.stringify(parts))));
  return toHex(bytes.subarray(0, 16));
}
