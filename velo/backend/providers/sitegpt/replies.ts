/**
 * What a SiteGPT v0 reply means for us. Error codes SiteGPT documents
 * (https://sitegpt.ai/docs/api-reference/getting-started) are read first, whatever the HTTP
 * status and message: a message is prose meant for people ("Chatbot does not exist" contains
 * "exist"), a code is not.
 */
import { Failure } from '../../runtime/failure.js';
import type { SitegptReply } from './http.js';
import { parseRetryAfter } from '../retry-after.js';
import { ErrorEnvelopeSchema, ThreadEnvelopeSchema, type SitegptThread } from './schemas.js';

/** Documented codes that name the site's set-up: the member cannot fix them by trying again. */
const SETUP_CODES = new Map([
  ['API_KEY_NOT_VALID', 'sitegpt-auth'],
  ['CHATBOT_FETCH_FORBIDDEN', 'sitegpt-auth'],
  ['CHATBOT_NOT_FOUND', 'sitegpt-chatbot-not-found'],
]);

/** The answer to a create with our own thread ID; SiteGPT's answer for a reused ID is UNCONFIRMED. */
export type CreateAnswer = { kind: 'created'; thread: SitegptThread } | { kind: 'exists' } | { kind: 'ambiguous' };

/**
 * Our thread IDs are derived, so "exists" means an earlier or concurrent call of ours created
 * it. Only a 409, or a 400 whose code or message says "already exists", says so plainly; any
 * other 400 may or may not mean it, and the caller asks SiteGPT for the thread.
 */
export function readCreateAnswer(reply: SitegptReply, nowMs: number): CreateAnswer {
  const error = errorOf(reply);
  if (SETUP_CODES.has(error.code)) throw failureOf(reply, nowMs);
  if (reply.status === 409) return { kind: 'exists' };
  if (reply.status === 400) {
    // "exists", not "exist": "does not (already) exist" must never read as a yes.
    return /already[ _]exists/i.test(`${error.code} ${error.message}`) ? { kind: 'exists' } : { kind: 'ambiguous' };
  }
  return { kind: 'created', thread: readThread(reply, nowMs) };
}

/** The thread in a 2xx reply; any other reply as the Failure that describes it. */
export function readThread(reply: SitegptReply, nowMs: number): SitegptThread {
  if (reply.status >= 200 && reply.status < 300) {
    const parsed = ThreadEnvelopeSchema.safeParse(reply.body);
    if (!parsed.success) throw new Failure('UPSTREAM_UNAVAILABLE', 'sitegpt-bad-reply');
    return parsed.data.data.thread;
  }
  throw failureOf(reply, nowMs);
}

/** A 404 for the thread itself: SiteGPT does not have it (its exact code is UNCONFIRMED). */
export function isUnknownThread(reply: SitegptReply): boolean {
  return reply.status === 404 && !SETUP_CODES.has(errorOf(reply).code);
}

export function failureOf(reply: SitegptReply, nowMs: number): Failure {
  const { code } = errorOf(reply);
  const setup = SETUP_CODES.get(code);
  if (setup) return new Failure('MISCONFIGURED', setup);
  // The account's message quota: nothing the member can fix. Its own reason, so a later
  // guardrail can answer with a fallback reply instead.
  if (code === 'MESSAGES_LIMIT_REACHED') return new Failure('UPSTREAM_UNAVAILABLE', 'sitegpt-messages-limit');
  if (reply.status === 429) {
    const retryAfterMs = parseRetryAfter(reply.headers.get('retry-after'), nowMs);
    return new Failure('RATE_LIMITED', 'sitegpt-429', retryAfterMs === undefined ? {} : { retryAfterMs });
  }
  // A wrong key (401/403) or chatbot ID (404) is the site's set-up, not the member's doing.
  if (reply.status === 401 || reply.status === 403) return new Failure('MISCONFIGURED', 'sitegpt-auth');
  if (reply.status === 404) return new Failure('MISCONFIGURED', 'sitegpt-not-found');
  if (reply.status === 400) return new Failure('INTERNAL', 'sitegpt-rejected');
  return new Failure('UPSTREAM_UNAVAILABLE', `sitegpt-${reply.status}`);
}

function errorOf(reply: SitegptReply): { code: string; message: string } {
  const envelope = ErrorEnvelopeSchema.safeParse(reply.body);
  if (!envelope.success) return { code: '', message: '' };
  const { error, message } = envelope.data;
  return { code: error?.code ?? '', message: `${error?.message ?? ''} ${message ?? ''}` };
}
