/**
 * The sandbox's fault queue for the SiteGPT stand-in. A queued fault answers SiteGPT requests,
 * one repetition per request, but only for ONE web-method call: the call that takes its first
 * repetition takes the rest (its client's retry of a 5xx or a timeout), and whatever it did not
 * use is dropped when that call ends. So `{status: 500, times: 2}` fails exactly one call (the
 * request and its retry), and a 404 (never retried) leaves nothing behind to hit some later,
 * unrelated member. Requests made outside any call (tests that use the handlers directly) take
 * one repetition each, as the stand-in's own queue does.
 *
 * It extends the stand-in's StandinFaults because the stand-in's REST handlers take that class;
 * it keeps its own queue, since its base has no notion of a call.
 */
import { StandinFaults, type StandinFault } from '../test/fixtures/sitegpt-standin/rest-api.js';

/** At most this many repetitions wait at once: a runaway script cannot grow the queue forever. */
export const MAX_PENDING_FAULTS = 50;

export class FaultQueueFullError extends Error {
  constructor() {
    super(`At most ${MAX_PENDING_FAULTS} fault repetitions can be pending; clear them with {"clear": true}.`);
  }
}

/** One pending fault as the sandbox lists it (GET /_sandbox/faults, the page's panel). */
export type PendingFault =
  | { kind: 'status'; status: number; retryAfter?: string; left: number }
  | { kind: 'delay'; delayMs: number; left: number }
  | { kind: 'garbage' | 'network-error' | 'wrong-shape'; left: number };

interface Entry {
  fault: StandinFault;
  left: number;
  /** The call that took the first repetition; unset while none has. */
  owner?: object;
}

export class CallScopedFaults extends StandinFaults {
  readonly #entries: Entry[] = [];

  constructor(private readonly currentCall: () => object | undefined) {
    super();
  }

  /** Queues `fault` for `times` requests of one call; throws FaultQueueFullError past the cap. */
  override next(fault: StandinFault, times = 1): this {
    if (this.pending + times > MAX_PENDING_FAULTS) throw new FaultQueueFullError();
    this.#entries.push({ fault, left: times });
    return this;
  }

  override take(): StandinFault | undefined {
    const call = this.currentCall();
    const entry = (call && this.#entries.find((e) => e.owner === call)) ?? this.#entries.find((e) => e.owner === undefined);
    if (!entry) return undefined;
    entry.owner = call;
    entry.left -= 1;
    if (entry.left === 0) this.#entries.splice(this.#entries.indexOf(entry), 1);
    return entry.fault;
  }

  /** Drops what `call` left of the faults it took. */
  endCall(call: object): void {
    for (let i = this.#entries.length - 1; i >= 0; i--) {
      if (this.#entries[i]!.owner === call) this.#entries.splice(i, 1);
    }
  }

  override get pending(): number {
    return this.#entries.reduce((sum, e) => sum + e.left, 0);
  }

  override clear(): void {
    this.#entries.length = 0;
  }

  list(): PendingFault[] {
    return this.#entries.map(({ fault, left }): PendingFault => {
      switch (fault.kind) {
        case 'status':
          return fault.retryAfter === undefined ? { kind: 'status', status: fault.status, left } : { kind: 'status', status: fault.status, retryAfter: fault.retryAfter, left };
        case 'delay':
          return { kind: 'delay', delayMs: fault.ms, left };
        default:
          return { kind: fault.kind, left };
      }
    });
  }
}
