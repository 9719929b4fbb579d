/**
 * The member and a person from the site's team, on page code's side (architecture.md §10): the
 * element's `handoff` (`""`, `offer`, `active`) from what the backend answers, the member's
 * request (`requestHuman()`), and `handoff-error` when that failed. It keeps what the element
 * was told, so nothing is set twice and nothing stale wins.
 */
import type { ErrorCode, HandoffState, Turn } from '../../../contract/index.js';
import { settle } from '../web-method-answers.js';
import { readHumanAnswer } from './read-answers.js';

export interface HandoffDeps {
  host: { setAttribute(name: string, value: string): void };
  /** `requestHuman()` of backend/sitegpt.web; without it a press says the chat is not set up. */
  requestHuman?: () => Promise<unknown>;
  /** Told whenever the pane enters or leaves `active` (live updates poll faster meanwhile). */
  onActive(active: boolean): void;
  log(what: string, detail?: Record<string, unknown>): void;
}

/** requestHuman's answer: the member's thread, and the turn recording the handoff (absent when it was already). */
export interface HumanAnswer {
  threadId: string;
  turn?: Turn;
}

export class PaneHandoff {
  #state: HandoffState | '' = '';
  #error = '';
  /** Bumped by each handoff and each new member: an answer asked for before is older news. */
  #generation = 0;
  #asking = false;

  constructor(private readonly deps: HandoffDeps) {}

  /** A mark to take before a call whose answer carries the state (see `decided`). */
  mark(): number {
    return this.#generation;
  }

  /**
   * A send result or a page: the backend decides the state with every answer and page (a good
   * answer ends an offer, the first question after an episode ends it), so no state there means
   * neither. One asked for before the member was handed off was decided before that: it cannot
   * undo the handoff.
   */
  decided(state: HandoffState | undefined, mark: number): void {
    if (mark === this.#generation) this.#set(state ?? '');
  }

  /** A fresh history page (sign-in, a new or followed thread): no state there means neither. */
  fresh(state: HandoffState | undefined): void {
    this.#set(state ?? '');
    this.#fail('');
  }

  /**
   * The member pressed *Talk to a person*: one call at a time. `landed` shows a successful answer
   * and says whether it still counts (the thread shown is the one it is for).
   */
  request(landed: (answer: HumanAnswer) => boolean): void {
    const call = this.deps.requestHuman;
    if (this.#asking) return;
    if (!call) {
      this.deps.log('request-human-not-wired');
      return this.#failed('MISCONFIGURED');
    }
    this.#asking = true;
    const mine = this.#generation;
    void settle(call, readHumanAnswer).then((result) => {
      if (mine !== this.#generation) return;
      this.#asking = false;
      if (!result.ok) {
        this.deps.log('request-human-failed', { code: result.code });
        return this.#failed(result.code);
      }
      if (!landed(result)) return;
      this.#generation++;
      this.#fail('');
      this.#set('active');
    });
  }

  /** A new member (or none): nothing of the previous member's stays in the DOM, and their answers are dropped. */
  reset(): void {
    this.#asking = false;
    this.#generation++;
    this.#set('');
    this.#fail('');
  }

  /** The element says why in words, and its busy state ends; set even when the code repeats, since the set is the answer. */
  #failed(code: ErrorCode): void {
    this.#error = '';
    this.#fail(code);
  }

  #set(state: HandoffState | ''): void {
    if (state === this.#state) return;
    const wasActive = this.#state === 'active';
    this.#state = state;
    this.deps.host.setAttribute('handoff', state);
    if (wasActive !== (state === 'active')) this.deps.onActive(state === 'active');
  }

  #fail(code: ErrorCode | ''): void {
    if (code === this.#error) return;
    this.#error = code;
    this.deps.host.setAttribute('handoff-error', code);
  }
}
