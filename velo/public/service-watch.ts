/**
 * How page code learns that the operator changed the chat's service mode (on, fallback, off)
 * while a member's chat is open, in either mode: the site-wide notice `{v: 1, kind: 'service'}`
 * on the realtime channel `sitegpt-chat-service` where there is realtime, else a re-check now
 * and then, only while the chat is visible. Either way the controller asks getMemberChat again,
 * whose answer carries the service.
 */
import type { Scheduler, Subscribe } from './native/live-updates.js';

/** The backend's site-wide channel (no resource: every member's page listens to the same one). */
export const SERVICE_CHANNEL = 'sitegpt-chat-service';

/**
 * Without realtime: while the chat is on, every 5 minutes (a member chatting in the widget finds
 * a closed chat at most 5 minutes late; 12 getMemberChat calls an hour per visible page); while
 * it is closed or answering automatically, every minute, so its return shows soon.
 */
export const SERVICE_CHECK = { onMs: 5 * 60_000, otherwiseMs: 60_000 };

export type ServiceMode = 'on' | 'fallback' | 'off';

export interface ServiceWatchDeps {
  subscribe?: Subscribe;
  scheduler: Scheduler;
  /** Ask for the member's chat again: its answer carries the service. */
  check(): void;
  log?(event: string, detail: unknown): void;
}

export class ServiceWatch {
  #running = false;
  /** Bumped by every start and stop, so a late subscription of an earlier one is ended at once. */
  #generation = 0;
  #unsubscribe: (() => void) | undefined;
  #polling = false;
  #timer: unknown;
  #visible = true;
  /** A re-check came due while the chat was hidden: it runs when the chat is seen again. */
  #due = false;
  #mode: ServiceMode = 'on';

  constructor(private readonly deps: ServiceWatchDeps) {}

  /** Listens while a member's chat is shown; nothing changes when it already does. */
  start(): void {
    if (this.#running) return;
    this.#running = true;
    const generation = ++this.#generation;
    const subscribe = this.deps.subscribe;
    if (!subscribe) return this.#poll();
    Promise.resolve()
      .then(() =>
        subscribe({ name: SERVICE_CHANNEL }, (payload) => {
          if (generation === this.#generation && isServiceNotice(payload)) this.deps.check();
        }),
      )
      .then(
        (unsubscribe) => {
          if (generation !== this.#generation) return end(unsubscribe);
          this.#unsubscribe = unsubscribe;
        },
        (reason: unknown) => {
          if (generation !== this.#generation) return;
          this.deps.log?.('sitegpt-service-realtime-unavailable', { reason: String(reason) });
          this.#poll();
        },
      );
  }

  /** Sign-out and dispose: no member's chat is shown, so nothing to watch. */
  stop(): void {
    this.#generation++;
    this.#running = this.#polling = this.#due = false;
    this.#clear();
    const unsubscribe = this.#unsubscribe;
    this.#unsubscribe = undefined;
    if (unsubscribe) end(unsubscribe);
  }

  /** The service the latest answer carried: how soon to re-check without realtime. */
  setMode(mode: ServiceMode): void {
    if (mode === this.#mode) return;
    this.#mode = mode;
    if (this.#polling) this.#schedule();
  }

  /** The element's `sitegpt-visibility`: a check that came due while hidden runs when it is seen. */
  setVisible(visible: boolean): void {
    this.#visible = visible;
    if (!visible || !this.#due) return;
    this.#due = false;
    this.deps.check();
    this.#schedule();
  }

  #poll(): void {
    this.#polling = true;
    this.#schedule();
  }

  #schedule(): void {
    this.#clear();
    if (!this.#polling) return;
    this.#timer = this.deps.scheduler.setTimeout(() => {
      this.#timer = undefined;
      if (!this.#visible) {
        this.#due = true;
        return;
      }
      this.deps.check();
      this.#schedule();
    }, this.#mode === 'on' ? SERVICE_CHECK.onMs : SERVICE_CHECK.otherwiseMs);
  }

  #clear(): void {
    if (this.#timer === undefined) return;
    this.deps.scheduler.clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}

function isServiceNotice(payload: unknown): boolean {
  return typeof payload === 'object' && payload !== null && (payload as { kind?: unknown }).kind === 'service';
}

/** Ends a subscription; a failure to end one has nobody left to tell. */
function end(unsubscribe: unknown): void {
  try {
    if (typeof unsubscribe === 'function') void Promise.resolve(unsubscribe()).catch(() => undefined);
  } catch {
    // nothing to do
  }
}
