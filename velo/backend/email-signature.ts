/**
 * SiteGPT's identity check for `set user:email`: hex HMAC-SHA256 of the email, keyed with the
 * account API key (reference/sitegpt.md section 5). Computed only here, on the backend; the
 * email is signed exactly as it will be pushed to the widget, since SiteGPT documents no
 * normalisation.
 */
import { createHmac } from 'node:crypto';

export function signEmail(apiKey: string, email: string): string {
  return createHmac('sha256', apiKey).update(email).digest('hex');
}
