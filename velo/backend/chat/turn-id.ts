/**
 * Where a turn lives in the mirror. Its `_id` is a hash of the member and the turn's ID, so
 * a retried send lands on the same row, and a turn ID from another member's page (a forged
 * `messageId`) addresses a row of the caller's own that does not exist. SHA-256 through Web
 * Crypto: the backend Wix runs imports nothing but @wix/* (see runtime/hmac.ts).
 */
import { toHex } from '../runtime/hmac.js';

const utf8 = new TextEncoder();

async function digest(parts: readonly (string | number)[]): Promise<string> {
  // JSON keeps the parts apart: ("a:b","c") and ("a","b:c") must not collide.
  const bytes = new Uint8Array(await crypto.subtle.digest('SHA-256', utf8.encode(JSON.stringify(parts))));
  return toHex(bytes.subarray(0, 16));
}

/** The mirror row of a member's turn (question or agent message). */
export function turnRowId(memberId: string, turnId: string): Promise<string> {
  return digest(['sitegpt-member-chat/turn/v1', memberId, turnId]);
}

/** The claim row of one retry attempt of a turn: inserting it is the attempt's lock. */
export function claimRowId(turnRowIdValue: string, attempt: number): Promise<string> {
  return digest(['sitegpt-member-chat/claim/v1', turnRowIdValue, attempt]);
}

/** An agent message's turn ID: `agent-<SiteGPT's ID>`, or a hash of an ID that would not fit. */
export async function agentTurnId(upstreamId: string): Promise<string> {
  return /^[A-Za-z0-9_-]{1,58}$/.test(upstreamId) ? `agent-${upstreamId}` : `agent-${await digest(['agent', upstreamId])}`;
}

/** The thread's sort key as text: askedAt zero-padded to 15 digits, then the turn ID. */
export function seqOf(askedAt: number, turnId: string): string {
  return `${String(askedAt).padStart(15, '0')}-${turnId}`;
}

/** A load-older cursor is the `seq` of the oldest turn shown; anything else is refused. */
export const SEQ_PATTERN = /^\d{15}-[A-Za-z0-9_-]{8,64}$/;
