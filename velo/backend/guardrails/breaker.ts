/**
 * The circuit breaker (architecture.md §9), one per backend container: `breakerFailures`
 * upstream failures within `breakerWindowSeconds` open it for `breakerOpenSeconds`; while open
 * every answer is a static reply and SiteGPT is not called. Then ONE call goes through as a
 * probe: its success closes the breaker, its failure opens it again. Only failures that say
 * SiteGPT is unwell count (5xx, timeouts, unreadable replies, lost connections); a 429 (our
 * pace), a member's mistake or the site's set-up do not. Per container, since containers share
 * no memory: each finds out on its own within a few calls.
 */
import type { Clock } from '../runtime/ports.js';
import type { Settings } from './settings-schema.js';

export type BreakerSettings = Pick<Settings, 'breakerFailures' | 'breakerWindowSeconds' | 'breakerOpenSeconds'>;

/** `call`: go ahead; `probe`: go ahead, you decide whether it closes; `open`: answer statically. */
export type BreakerAdmission = 'call' | 'probe' | 'open';

/** What a call that went through reports: `neutral` says nothing about SiteGPT's health. */
export type BreakerReport = 'success' | 'failure' | 'neutral';

/** Failure reasons (runtime/failure.ts labels) that say the provider (SiteGPT, or an OpenAI-compatible endpoint) is unwell. */
const UNWELL = new Set([
  'sitegpt-5xx', 'sitegpt-timeout', 'sitegpt-network', 'sitegpt-bad-reply', 'sitegpt-too-large',
  'openai-5xx', 'openai-timeout', 'openai-network', 'openai-bad-reply', 'openai-too-large',
]);

export function countsAsUpstreamFailure(reason: string): boolean {
  return UNWELL.has(reason);
}

export class Breaker {
  readonly #clock: Clock;
  readonly #probeTimeoutMs: number;
  #failures: number[] = [];
  #openUntil = 0;
  #probeSince: number | null = null;

  constructor(clock: Clock, probeTimeoutMs: number) {
    this.#clock = clock;
    this.#probeTimeoutMs = probeTimeoutMs;
  }

  /** Whether calls are answered statically now, without taking the probe (for a look ahead). */
  isOpen(): boolean {
    const now = this.#clock.now();
    if (now < this.#openUntil) return true;
    return this.#probeSince !== null && now - this.#probeSince < this.#probeTimeoutMs;
  }

  admit(): BreakerAdmission {
    const now = this.#clock.now();
    if (this.#openUntil === 0) return 'call';
    if (now < this.#openUntil) return 'open';
    // Half open: one probe at a time; a probe that never reported back (its call died) expires.
    if (this.#probeSince !== null && now - this.#probeSince < this.#probeTimeoutMs) return 'open';
    this.#probeSince = now;
    return 'probe';
  }

  report(admission: BreakerAdmission, outcome: BreakerReport, settings: BreakerSettings): void {
    const now = this.#clock.now();
    if (admission === 'probe') {
      this.#probeSince = null;
      if (outcome === 'success') this.#close();
      else if (outcome === 'failure') this.#openUntil = now + settings.breakerOpenSeconds * 1000;
      // neutral: the breaker stays half open, and the next call probes.
      return;
    }
    if (admission !== 'call' || outcome !== 'failure') return;
    const windowStart = now - settings.breakerWindowSeconds * 1000;
    this.#failures = [...this.#failures.filter((at) => at > windowStart), now];
    if (this.#failures.length >= settings.breakerFailures) {
      this.#failures = [];
      this.#openUntil = now + settings.breakerOpenSeconds * 1000;
    }
  }

  #close(): void {
    this.#failures = [];
    this.#openUntil = 0;
  }
}
