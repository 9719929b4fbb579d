/**
 * SiteGPT's identity check for `set user:email`: hex HMAC-SHA256 of the email, keyed with the
 * account API key (reference/sitegpt.md section 5). Computed only here, on the backend; the
 * email is signed exactly as it will be pushed to the widget, since SiteGPT documents no
 * normalisation.
 */
import { hmacSha256, toHex } from './hmac.js';

export async function signEmail(apiKey: string, email: string): Promise<string> {
  return toHex(await hmacSha256(apiKey, email));
}
