/**
 * SiteGPT's identity check for `set user:email`: hex HMAC-SHA256 of the email, keyed with the
 * account API key (https://sitegpt.ai/docs/chatbot-sdk/dollar-sitegpt-methods). Computed only
 * here, on the backend; the email is signed exactly as it will be pushed to the widget, since
 * SiteGPT documents no normalisation.
 *
 * The API key also keys the thread-ID key (thread-id.ts: an HMAC of a fixed label), so this
 * signs nothing but a well-formed email: the label has no '@', so no signature we hand out can
 * equal that key.
 */
import { z } from 'zod';
import { hmacSha256, toHex } from '../runtime/hmac.js';

// Permissive on purpose (non-ASCII letters, '+', any TLD), strict on shape: one '@', a local
// part and a dotted domain, no spaces, control characters or address punctuation.
const part = String.raw`[^\s\p{Cc}@"<>(),;:\\\[\]]`;
const label = String.raw`[^\s\p{Cc}@"<>(),;:\\\[\].]+`;
const SignableEmail = z
  .string()
  .max(254)
  .regex(new RegExp(String.raw`^${part}{1,64}@(?:${label}\.)+${label}$`, 'u'));

/** The signature, or undefined when `email` is not a well-formed email (then nothing is signed). */
export async function signEmail(apiKey: string, email: string): Promise<string | undefined> {
  if (!SignableEmail.safeParse(email).success) return undefined;
  return toHex(await hmacSha256(apiKey, email));
}
