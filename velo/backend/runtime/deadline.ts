/**
 * Wix drops a web method's answer after 14 s, so each call gets one overall deadline and every
 * outbound call inside it gets its own cap, cut short by whatever is left of the deadline.
 */
import type { Clock } from './ports.js';

export class Deadline {
  readonly #clock: Clock;
  readonly #endsAt: number;

  constructor(clock: Clock, budgetMs: number) {
    this.#clock = clock;
    this.#endsAt = clock.now() + budgetMs;
  }

  remainingMs(): number {
    return Math.max(0, this.#endsAt - this.#clock.now());
  }

  /** Time allowed for one outbound call: its own cap, never past the overall deadline. */
  allow(capMs: number): number {
    return Math.min(capMs, this.remainingMs());
  }
}

/**
 * Waits for `work` at most `ms`. Work that can be cancelled (fetch) listens to the signal;
 * work that cannot (Wix SDK calls) is simply no longer waited for.
 */
export async function withTimeout<T>(
  ms: number,
  onTimeout: () => Error,
  work: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(onTimeout());
    }, ms);
  });
  try {
    return await Promise.race([work(controller.signal), timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
