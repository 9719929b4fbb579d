/**
 * The guardrails' content-free lock rows in the mirror (architecture.md §8.3 `claim` rows): a
 * rate-limit slot of a member's minute, a budget alert of a month. The insert of a row whose
 * `_id` someone else already took fails, the only atomic operation the CMS offers, so exactly
 * one caller across every container holds each. They carry no text and never show in a page.
 */
import type { TurnRow } from '../chat/ports.js';

export interface Lock {
  _id: string;
  /** Whose lock: a member (removed with their rows on forget), or SITE_LOCKS for the site's own. */
  memberId: string;
  threadId: string;
  /** A readable name for a person looking at the collection (`rate-slot-…`, `budget-alert-…`). */
  label: string;
  now: number;
}

/** The owner of site-wide locks: `~` is in no Wix or sandbox member ID, so no member's forget removes them. */
export const SITE_LOCKS = '~site';

export function lockRow({ _id, memberId, threadId, label, now }: Lock): TurnRow {
  return {
    _id,
    memberId,
    threadId,
    clientMessageId: label,
    kind: 'claim',
    status: 'pending',
    question: null,
    answer: null,
    sources: [],
    reaction: null,
    askedAt: now,
    answeredAt: null,
    rev: now,
    seq: '',
    upstreamMessageId: null,
    upstreamLatencyMs: null,
    errorCode: null,
    uncertain: false,
    attempt: 1,
  };
}
