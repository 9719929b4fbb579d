/**
 * Thread IDs are derived, not random: HMAC(secret, chatbot, member, generation). Two devices
 * that ask at the same time compute the same ID, so they converge on one SiteGPT thread; a
 * call that died between "create thread" and "store row" is retried onto the same thread
 * instead of leaving an orphan; and without the secret nobody can compute a member's thread.
 * The generation counter is what gives "new conversation" (and "forget") a fresh ID.
 */
import { hmacSha256, toHex } from '../runtime/hmac.js';

/** Label that keeps the key derived from the API key apart from any other use of that key. */
const THREAD_KEY_LABEL = 'sitegpt-member-chat/thread-id/v1';

/**
 * The key for thread IDs: the optional thread secret when set, else a key derived from the
 * API key (never the API key itself, which also signs emails for the widget).
 */
export async function threadKey(apiKey: string, threadSecret: string | undefined): Promise<Uint8Array> {
  if (threadSecret) return new TextEncoder().encode(threadSecret);
  return hmacSha256(apiKey, THREAD_KEY_LABEL);
}

export interface ThreadIdInput {
  chatbotId: string;
  memberId: string;
  generation: number;
}

/** A UUID (version 8, "custom") taken from the HMAC, since SiteGPT thread IDs look like UUIDs. */
export async function deriveThreadId(
  key: Uint8Array,
  { chatbotId, memberId, generation }: ThreadIdInput,
): Promise<string> {
  // JSON keeps the fields apart: ("a:b","c") and ("a","b:c") must not collide.
  const bytes = await hmacSha256(key, JSON.stringify([chatbotId, memberId, generation]));
  bytes[6] = (bytes[6]! & 0x0f) | 0x80; // version 8
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 9562 variant
  const hex = toHex(bytes.subarray(0, 16));
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
