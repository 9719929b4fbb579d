/**
 * Reading what a web method answered, shared by both modes of the page code. Page code checks
 * answers by hand rather than with the contract's zod schemas: it runs on every page of the
 * site, and zod would add more to it than the whole controller weighs. Only types come from
 * contract/ (erased at build time), so the emitted file imports nothing.
 */
import type { ErrorCode } from '../../contract/index.js';

/** A failed call as page code carries it: the code, and how long to wait when the backend says. */
export interface Failure {
  ok: false;
  code: ErrorCode;
  retryAfterMs?: number;
}

/** Every code of the contract; a Record, so the compiler notices when the contract gains one. */
const ERROR_CODES: Record<ErrorCode, true> = {
  NOT_SIGNED_IN: true,
  RATE_LIMITED: true,
  UPSTREAM_UNAVAILABLE: true,
  MISCONFIGURED: true,
  INTERNAL: true,
  INVALID_INPUT: true,
  NOT_FOUND: true,
  CHAT_CLOSED: true,
};

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ERROR_CODES, value);
}

/** `{ok: false, error: {code, retryAfterMs?}}` as a Failure; an unknown code is INTERNAL. */
export function readFailure(error: unknown): Failure {
  const code = codeOf(error);
  const failure: Failure = { ok: false, code: isErrorCode(code) ? code : 'INTERNAL' };
  const wait = isRecord(error) ? error.retryAfterMs : undefined;
  if (isCount(wait)) failure.retryAfterMs = wait;
  return failure;
}

/**
 * Calls a web method and turns every outcome, a rejection or a malformed answer included, into
 * what `read` makes of it or a Failure. `read` answers undefined for a shape it does not know.
 */
export async function settle<T>(call: () => Promise<unknown>, read: (value: Record<string, unknown>) => T | undefined): Promise<T | Failure> {
  let value: unknown;
  try {
    value = await call();
  } catch (reason) {
    return { ok: false, code: rejectionCode(reason) };
  }
  if (!isRecord(value)) return { ok: false, code: 'INTERNAL' };
  if (value.ok === false) return readFailure(value.error);
  if (value.ok !== true) return { ok: false, code: 'INTERNAL' };
  return read(value) ?? { ok: false, code: 'INTERNAL' };
}

/**
 * A web-method call that rejected never reached an answer of ours: Wix's 504 after 14 s, a
 * network failure, its permission check (the session ended) or its request quota. Wix does
 * not document the rejection's shape, so this reads its status and message as best it can.
 */
export function rejectionCode(reason: unknown): ErrorCode {
  const parts: string[] = [];
  if (typeof reason === 'object' && reason !== null) {
    const r = reason as Record<string, unknown>;
    for (const key of ['status', 'statusCode', 'httpStatus', 'code', 'name', 'message']) {
      if (typeof r[key] === 'string' || typeof r[key] === 'number') parts.push(String(r[key]));
    }
  } else if (typeof reason === 'string' || typeof reason === 'number') {
    parts.push(String(reason));
  }
  const text = parts.join(' ');
  if (/\b429\b|throttl|too many requests|rate.?limit/i.test(text)) return 'RATE_LIMITED';
  if (/\b40[13]\b|permission|forbidden|unauthori[sz]ed|not (?:logged|signed) in/i.test(text)) return 'NOT_SIGNED_IN';
  return 'UPSTREAM_UNAVAILABLE';
}

export function codeOf(detail: unknown): unknown {
  return isRecord(detail) ? detail.code : undefined;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isText(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

/** A whole number ≥ 0: times in ms since the epoch, revs, waits. */
export function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}
