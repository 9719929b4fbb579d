/**
 * Calls that ask for the same thing at the same time share one run. In one backend container
 * this turns "three devices of one member open the site at once" into one SiteGPT call and one
 * CMS write; across containers the derived thread ID and the keyed row do the converging.
 */
export class SingleFlight<T> {
  readonly #running = new Map<string, Promise<T>>();

  run(key: string, work: () => Promise<T>): Promise<T> {
    const running = this.#running.get(key);
    if (running) return running;
    const started = work().finally(() => this.#running.delete(key));
    this.#running.set(key, started);
    return started;
  }
}
