/**
 * How a device learns that the member's chat changed elsewhere (architecture.md §8.5): a
 * realtime subscription to the member's content-free notices where there is one, else polling
 * that adapts to the member (every 30 s while the pane is visible, a few faster polls for a
 * minute after they did something, every 15 s while they wait for a person's reply, never while
 * the pane is hidden).
 */

/** The notices' channel: contract/chat-methods.ts REALTIME_CHANNEL (repeated: that file brings zod). */
export const REALTIME_CHANNEL = 'sitegpt-member-chat';

export interface RealtimeChannel {
  name: string;
  /** The member's notices name their resource; the site-wide service channel has none. */
  resourceId?: string;
}

/**
 * Subscribes to a channel resource and answers the function that ends the subscription; rejects
 * when the subscription is refused. `@wix/site-realtime` on a site, Server-Sent Events in the sandbox.
 */
export type Subscribe = (channel: RealtimeChannel, onNotice: (payload: unknown) => void) => Promise<() => void>;

/** The timers polling uses; injected so tests run them without waiting. */
export interface Scheduler {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The page's own timers, where nobody injects others. */
export const GLOBAL_TIMERS: Scheduler = { setTimeout: (run, ms) => setTimeout(run, ms), clearTimeout: (handle) => clearTimeout(handle as never) };

export const POLLING = {
  /** While the pane is visible and nothing happens. */
  steadyMs: 30_000,
  /** After the member did something (a send, a reaction, the pane coming back): one poll after each wait. */
  afterActivityMs: [3_000, 6_000, 12_000, 24_000] as readonly number[],
  /** While handed off to a person, who may reply at any moment (still only while visible). */
  handedOffMs: 15_000,
};

export type LiveState = 'off' | 'connecting' | 'realtime' | 'polling';

export interface LiveUpdatesDeps {
  subscribe?: Subscribe;
  scheduler: Scheduler;
  /** Fetch what changed since the last known turn. */
  onTurns(): void;
  /** The member's thread changed (new conversation, forget on another device): follow it. */
  onThread(): void;
  log?(event: string, detail: unknown): void;
}

export class LiveUpdates {
  #state: LiveState = 'off';
  #member: string | undefined;
  /** Bumped by every start and stop, so a late subscription or notice of an earlier one does nothing. */
  #generation = 0;
  #unsubscribe: (() => void) | undefined;
  #timer: unknown;
  #visible = true;
  #fast: number[] = [];
  #handedOff = false;

  constructor(private readonly deps: LiveUpdatesDeps) {}

  get state(): LiveState {
    return this.#state;
  }

  /** Listens for `member`'s notices; nothing changes when it already does. */
  start(member: string): void {
    if (this.#member === member && this.#state !== 'off') return;
    this.stop();
    this.#member = member;
    const generation = this.#generation;
    const subscribe = this.deps.subscribe;
    if (!subscribe) return this.#poll();
    this.#state = 'connecting';
    const mine = () => generation === this.#generation;
    Promise.resolve()
      .then(() => subscribe({ name: REALTIME_CHANNEL, resourceId: member }, (payload) => {
        if (mine()) this.#notice(payload);
      }))
      .then(
        (unsubscribe) => {
          if (!mine()) return quietly(unsubscribe);
          this.#unsubscribe = unsubscribe;
          this.#state = 'realtime';
        },
        (reason: unknown) => {
          if (!mine()) return;
          this.deps.log?.('sitegpt-realtime-unavailable', { reason: String(reason) });
          this.#poll();
        },
      );
  }

  /** Stops listening and polling (sign-out, a member switch, dispose). */
  stop(): void {
    this.#generation++;
    this.#member = undefined;
    this.#state = 'off';
    this.#fast = [];
    this.#clearTimer();
    const unsubscribe = this.#unsubscribe;
    this.#unsubscribe = undefined;
    if (unsubscribe) quietly(unsubscribe);
  }

  /** The member did something: poll faster for a while (realtime needs nothing). */
  activity(): void {
    this.#fast = [...POLLING.afterActivityMs];
    this.#schedule();
  }

  /** The member waits for a person's reply (handoff `active`), or no longer: the steady wait changes. */
  setHandedOff(handedOff: boolean): void {
    if (handedOff === this.#handedOff) return;
    this.#handedOff = handedOff;
    // A steady wait under way is timed anew; a faster one after activity runs out first.
    if (this.#fast.length === 0) this.#schedule();
  }

  /** The element's `sitegpt-visibility`: nothing is polled while the pane is hidden; coming back catches up. */
  setVisible(visible: boolean): void {
    if (visible === this.#visible) return;
    this.#visible = visible;
    if (!visible) return this.#clearTimer();
    if (this.#state === 'realtime' || this.#state === 'polling') this.deps.onTurns();
    if (this.#state === 'polling') this.activity();
  }

  #notice(payload: unknown): void {
    // Content-free by contract; anything but a thread change means "fetch what changed".
    const kind = typeof payload === 'object' && payload !== null ? (payload as { kind?: unknown }).kind : undefined;
    if (kind === 'thread') this.deps.onThread();
    else this.deps.onTurns();
  }

  #poll(): void {
    this.#state = 'polling';
    this.#schedule();
  }

  #schedule(): void {
    this.#clearTimer();
    if (this.#state !== 'polling' || !this.#visible) return;
    const wait = this.#fast.shift() ?? (this.#handedOff ? POLLING.handedOffMs : POLLING.steadyMs);
    this.#timer = this.deps.scheduler.setTimeout(() => {
      this.#timer = undefined;
      this.deps.onTurns();
      this.#schedule();
    }, wait);
  }

  #clearTimer(): void {
    if (this.#timer === undefined) return;
    this.deps.scheduler.clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}

/** Ends a subscription; a failure to end one has nobody left to tell. */
function quietly(unsubscribe: unknown): void {
  try {
    if (typeof unsubscribe === 'function') void Promise.resolve(unsubscribe()).catch(() => undefined);
  } catch {
    // nothing to do
  }
}
