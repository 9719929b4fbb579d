/**
 * Inside the backend, ports and helpers throw a Failure; the core turns it into an error value
 * at the edge (see contract.ts). `reason` is our own short label for the log line, so a log
 * never needs to carry an upstream message (which could echo a request, a key or an email).
 */
import type { ChatError, ErrorCode } from '../../../contract/index.js';

export class Failure extends Error {
  readonly code: ErrorCode;
  readonly reason: string;
  readonly retryAfterMs: number | undefined;
  /**
   * The request may have reached the other side before it failed (a timeout, a dropped
   * connection, a 5xx, an unreadable 2xx): a send that failed so must be reconciled before
   * it is posted again (architecture.md §8.4).
   */
  readonly uncertain: boolean;

  constructor(
    code: ErrorCode,
    reason: string,
    options: { message?: string; retryAfterMs?: number; uncertain?: boolean } = {},
  ) {
    super(options.message ?? defaultMessages[code]);
    this.name = 'Failure';
    this.code = code;
    this.reason = reason;
    this.retryAfterMs = options.retryAfterMs;
    this.uncertain = options.uncertain ?? false;
  }
}

const defaultMessages: Record<ErrorCode, string> = {
  NOT_SIGNED_IN: 'Sign in to chat.',
  RATE_LIMITED: 'The chat service is busy. Try again shortly.',
  UPSTREAM_UNAVAILABLE: 'The chat service is not reachable right now. Try again.',
  MISCONFIGURED: 'The chat is not set up correctly on this site.',
  INTERNAL: 'Something went wrong. Try again.',
  INVALID_INPUT: 'That request was not accepted.',
  NOT_FOUND: 'That message was not found.',
  CHAT_CLOSED: 'The chat is closed right now.',
};

/** Anything that is not a Failure is a bug or a surprise: INTERNAL, with a fixed message. */
export function toChatError(error: unknown): { error: ChatError; reason: string } {
  if (error instanceof Failure) {
    const chatError: ChatError = { code: error.code, message: error.message };
    if (error.retryAfterMs !== undefined) chatError.retryAfterMs = error.retryAfterMs;
    return { error: chatError, reason: error.reason };
  }
  return { error: { code: 'INTERNAL', message: defaultMessages.INTERNAL }, reason: 'unexpected' };
}
