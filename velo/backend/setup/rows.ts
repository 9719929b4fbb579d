/**
 * Building the setup check's rows: each cut to the contract's limits, and each check run under
 * its own cap inside the call's deadline, so one slow answer (Wix, SiteGPT, an endpoint) makes
 * its own row `unchecked` and never the whole answer late. Failures are told in plain words, by
 * our own label, never with an upstream message (it could quote a request or a key).
 */
import { SETUP_LIMITS, type SetupCheck, type SetupCheckId, type SetupStatus } from '../../../contract/setup.js';
import { withTimeout, type Deadline } from '../runtime/deadline.js';
import { Failure } from '../runtime/failure.js';

export function row(id: SetupCheckId, status: SetupStatus, title: string, found: string, fix?: string): SetupCheck {
  return {
    id,
    status,
    title: cut(title, SETUP_LIMITS.titleChars),
    found: cut(found, SETUP_LIMITS.foundChars),
    ...(fix === undefined || status === 'pass' ? {} : { fix: cut(fix, SETUP_LIMITS.fixChars) }),
  };
}

/** A value, or the Failure that kept it from being read (anything else counts as our own bug). */
export type Read<T> = { ok: true; value: T } | { ok: false; failure: Failure };

/** Runs `work` at most `capMs` (never past the deadline) and keeps its outcome, whatever it is. */
export async function read<T>(label: string, capMs: number, deadline: Deadline, work: () => Promise<T>): Promise<Read<T>> {
  const ms = deadline.allow(capMs);
  try {
    if (ms <= 0) throw new Failure('UPSTREAM_UNAVAILABLE', `${label}-no-time`);
    return { ok: true, value: await withTimeout(ms, () => new Failure('UPSTREAM_UNAVAILABLE', `${label}-timeout`), () => work()) };
  } catch (error) {
    return { ok: false, failure: error instanceof Failure ? error : new Failure('INTERNAL', `${label}-error`) };
  }
}

/** Why something could not be read, for a site owner. */
export function whyUnread(failure: Failure, who: string): string {
  if (failure.reason.endsWith('-timeout') || failure.reason.endsWith('-no-time')) return `${who} didn't answer in time.`;
  if (failure.code === 'RATE_LIMITED') return `${who} said there are too many requests right now.`;
  if (failure.code === 'MISCONFIGURED') return `${who} refused the request: the site's code may not have the rights for it.`;
  if (failure.code === 'UPSTREAM_UNAVAILABLE') return `${who} could not be reached, or answered with an error.`;
  return `${who} answered in a way this check doesn't understand.`;
}

export const TRY_AGAIN = 'Press "Check again" in a minute. If this stays, the rest of the list still shows what the check could see.';

/** A list of names for a sentence: "a", "a and b", "a, b and c"; at most `max`, then "and N more". */
export function list(names: readonly string[], max = 12): string {
  const shown = names.slice(0, max).map((name) => cut(name, 60));
  const rest = names.length - shown.length;
  if (rest > 0) shown.push(`${rest} more`);
  return shown.length <= 1 ? (shown[0] ?? '') : `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`;
}

function cut(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
