import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ChatState } from './chat-state.js';

/** How long page code may take to answer a *New conversation* before the member may try again. */
export const GIVE_UP_AFTER_MS = 30_000;
/** What silence from page code reads as: the backend did not answer. */
const SILENCE = 'UPSTREAM_UNAVAILABLE';

/** The parts of the current view the flow follows (values of other members already removed). */
export interface FlowView {
  state: ChatState;
  member?: string;
  thread?: string;
  notice?: string;
}

type Host = ReactiveControllerHost & HTMLElement;

/**
 * *New conversation*, from the member's click to page code's answer: an inline confirmation,
 * then a busy state in which the old chat stays and the button cannot fire twice. Busy ends
 * when page code answers: a new `thread` for the same member, another member, an `error`, or
 * a `notice` set since the click (a failure; the old chat stays under a notice). If page code
 * never answers, the flow gives up after 30 s with the same notice, so the button never stays dead.
 */
export class NewConversationFlow implements ReactiveController {
  phase: 'idle' | 'confirming' | 'busy' = 'idle';
  // TypeScript-private rather than #private: the es2021 build turns each # field into a WeakMap.
  private readonly host: Host;
  private readonly ask: (threadId: string) => void;
  private view: FlowView = { state: 'pending' };
  /** How often page code has set `notice`: a set after the click is its answer, even to the same code. */
  private notices = 0;
  private since?: { member?: string; thread?: string; notices: number };
  private dismissed = false;
  private gaveUp = false;
  private timer?: ReturnType<typeof setTimeout>;

  constructor(host: Host, ask: (threadId: string) => void) {
    this.host = host;
    this.ask = ask;
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
    this.phase = 'idle';
  }

  /** Page code set `notice`: a new answer, shown even when the previous one was dismissed. */
  noticeSet(): void {
    this.notices++;
    this.dismissed = false;
    this.gaveUp = false;
  }

  /** Follows each new view, before it renders. */
  sync(view: FlowView): void {
    this.view = view;
    if (view.state !== 'ready' && this.phase === 'confirming') this.phase = 'idle';
    const since = this.since;
    if (this.phase !== 'busy' || !since) return;
    const answered =
      view.state !== 'ready' ||
      view.member !== since.member ||
      view.thread !== since.thread ||
      (view.notice !== undefined && this.notices !== since.notices);
    if (answered) this.settle();
  }

  /** The error code the notice shows, if any. */
  notice(): string | undefined {
    if (this.phase === 'busy' || this.view.state !== 'ready') return undefined;
    if (this.gaveUp) return SILENCE;
    return this.dismissed ? undefined : this.view.notice;
  }

  confirm = (): void => {
    if (this.phase !== 'idle') return;
    this.phase = 'confirming';
    this.refresh(['confirm-button']);
  };

  cancel = (): void => {
    if (this.phase !== 'confirming') return;
    this.phase = 'idle';
    this.refresh(['new-conversation-button']);
  };

  cancelOnEscape = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    this.cancel();
  };

  /** *Start new* (or *Try again* in the notice): asks page code once, then waits for its answer. */
  start = (): void => {
    const { state, member, thread } = this.view;
    if (this.phase === 'busy' || state !== 'ready' || !thread) return;
    this.phase = 'busy';
    this.since = { member, thread, notices: this.notices };
    // Whatever notice shows belongs to the previous attempt.
    this.dismissed = true;
    this.gaveUp = false;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.gaveUp = true;
      this.settle();
    }, GIVE_UP_AFTER_MS);
    this.ask(thread);
    // The confirmation's buttons are gone: keep focus in the toolbar, on its status.
    this.refresh(['busy-text']);
  };

  dismiss = (): void => {
    this.dismissed = true;
    this.gaveUp = false;
    this.refresh(['new-conversation-button']);
  };

  private settle(): void {
    const focused = this.host.shadowRoot?.activeElement?.matches('[part~="busy-text"]') ?? false;
    clearTimeout(this.timer);
    this.phase = 'idle';
    this.since = undefined;
    this.refresh(focused ? ['notice-retry-button', 'dismiss-button', 'new-conversation-button'] : []);
  }

  /** Renders again, then moves focus to the first of `parts` that is there. */
  private refresh(parts: string[]): void {
    this.host.requestUpdate();
    if (parts.length === 0) return;
    void this.host.updateComplete.then(() => {
      const root = this.host.shadowRoot;
      const target = parts.map((part) => root?.querySelector<HTMLElement>(`[part~="${part}"]`)).find(Boolean);
      target?.focus();
    });
  }
}
