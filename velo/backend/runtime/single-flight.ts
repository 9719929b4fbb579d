/**
 * Calls that ask for the same thing at the same time share one run. In one backend container
 * this turns "three devices of one member open the site at once" into one SiteGPT call and one
 * CMS write; across containers the derived thread ID and the keyed row do the converging.
 *
 * The shared run belongs to no caller: it gets a deadline of its own, started with it, so the
 * caller that happened to start it (perhaps with almost no time left) cannot fail it for the
 * others. Each caller waits only until its own deadline, then fails while the run goes on.
 */
import { withTimeout, type Deadline } from './deadline.js';
import { Failure } from './failure.js';

export class SingleFlight<T> {
  readonly #running = new Map<string, Promise<T>>();
  readonly #label: string;
  readonly #newDeadline: () => Deadline;

  /** `label` names the work in a caller's failure reason; `newDeadline` bounds each run. */
  constructor(label: string, newDeadline: () => Deadline) {
    this.#label = label;
    this.#newDeadline = newDeadline;
  }

  run(key: string, caller: Deadline, work: (deadline: Deadline) => Promise<T>): Promise<T> {
    let running = this.#running.get(key);
    if (!running) {
      running = work(this.#newDeadline()).finally(() => this.#running.delete(key));
      this.#running.set(key, running);
    }
    const shared = running;
    return withTimeout(
      caller.remainingMs(),
      () => new Failure('UPSTREAM_UNAVAILABLE', `${this.#label}-wait-timeout`),
      () => shared,
    );
  }
}
