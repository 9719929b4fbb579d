/**
 * In one backend container, concurrent sends of one turn (a member's impatient double tap,
 * a retry racing its original) share one run, like runtime/single-flight.ts. The difference:
 * a caller whose own deadline comes first answers the turn as it last stood (pending), since
 * a pending turn is a valid answer (the realtime notice brings the rest), instead of failing.
 */
import { withTimeout, type Deadline } from '../runtime/deadline.js';
import { Failure } from '../runtime/failure.js';
import type { HandoffState } from '../../../contract/index.js';
import type { GuardOutcome } from '../runtime/ports.js';
import type { TurnRow } from './ports.js';

export interface Outcome {
  row: TurnRow;
  /** Why this run's send failed, when it did (a row read from the store carries only its code). */
  failure: Failure | null;
  /** Whether this run posted to SiteGPT or read its thread. */
  sitegptCalled: boolean;
  /** Which guardrail made the answer a static reply, when one did. */
  guard?: GuardOutcome;
  /** The member's handoff state after this answer (handoff/offer.ts), when this run decided it. */
  handoff?: HandoffState | undefined;
}

/** What a run tells its waiters as it goes: the row as it now stands. */
export type Progress = (row: TurnRow) => void;

export class TurnFlights {
  readonly #running = new Map<string, Flight>();
  readonly #newDeadline: () => Deadline;

  constructor(newDeadline: () => Deadline) {
    this.#newDeadline = newDeadline;
  }

  async run(key: string, caller: Deadline, work: (deadline: Deadline, progress: Progress) => Promise<Outcome>): Promise<Outcome> {
    let flight = this.#running.get(key);
    if (!flight) {
      const seen: Flight['seen'] = { latest: null };
      const done = work(this.#newDeadline(), (row) => (seen.latest = row)).finally(() => this.#running.delete(key));
      flight = { done, seen };
      this.#running.set(key, flight);
    }
    const { done, seen } = flight;
    try {
      return await withTimeout(caller.remainingMs(), () => new Failure('UPSTREAM_UNAVAILABLE', 'send-wait-timeout'), () => done);
    } catch (error) {
      if (!(error instanceof Failure) || error.reason !== 'send-wait-timeout' || !seen.latest) throw error;
      return { row: { ...seen.latest, status: 'pending' }, failure: null, sitegptCalled: false };
    }
  }
}

interface Flight {
  done: Promise<Outcome>;
  /** The row as the run last saw it, for a caller whose deadline comes first. */
  seen: { latest: TurnRow | null };
}
