/**
 * What the @wix/* SDK hands back, read defensively. Outside a Wix context the SDK does not
 * throw: every call resolves to a function (the un-contexted factory), so a function where data
 * was expected means "no Wix context" (seen with the SDK in plain Node), a set-up problem.
 */
import { Failure } from '../runtime/failure.js';

export function requireWixContext<T>(value: T): Exclude<T, (...args: never[]) => unknown> {
  if (typeof value === 'function') throw new Failure('MISCONFIGURED', 'no-wix-context');
  return value as Exclude<T, (...args: never[]) => unknown>;
}

/** The HTTP status of an SDK error (SDKError has `status`), when it carries one. */
export function httpStatus(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

/** The Wix application error code, e.g. WDE0074 (item exists) or WDE0028 (timed out). */
export function wixErrorCode(error: unknown): string | undefined {
  const details = (error as { details?: { applicationError?: { code?: unknown } } } | null)?.details;
  const code = details?.applicationError?.code;
  return typeof code === 'string' ? code : undefined;
}
