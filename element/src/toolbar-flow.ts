import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ChatState } from './chat-state.js';

/** How long page code may take to answer a toolbar action before the member may try again. */
export const GIVE_UP_AFTER_MS = 30_000;
/** What silence from page code reads as: the backend did not answer. */
const SILENCE = 'UPSTREAM_UNAVAILABLE';

/** The toolbar's two confirmed actions: *New conversation*, and *Delete my chat* from its menu. */
export type ToolbarAction = 'new' | 'delete';

/** The parts of the current view the flow follows (values of other members already removed). */
export interface FlowView {
  state: ChatState;
  member?: string;
  thread?: string;
  notice?: string;
}

type Host = ReactiveControllerHost & HTMLElement;

/**
 * The toolbar's actions, from the member's click to page code's answer: an inline confirmation
 * in words, then a busy state in which the old chat stays and nothing can fire twice. Busy ends
 * when page code answers: a new `thread` for the same member, another member, an `error`, or a
 * `notice` set since the click (a failure; the old chat stays under a notice that says which
 * action failed). If page code never answers, the flow gives up after 30 s with the same notice,
 * so the buttons never stay dead. *Delete my chat* sits in a small menu; once page code has set
 * the member's fresh thread, the toolbar says the chat was deleted, until the member moves on.
 */
export class ToolbarFlow implements ReactiveController {
  phase: 'idle' | 'confirming' | 'busy' = 'idle';
  /** The action being confirmed or under way, or the last one asked (its failure is the notice). */
  action: ToolbarAction = 'new';
  /** The small menu holding *Delete my chat* is open. */
  menuOpen = false;
  // TypeScript-private rather than #private: the es2021 build turns each # field into a WeakMap.
  private readonly host: Host;
  private readonly ask: (action: ToolbarAction, threadId: string) => void;
  private view: FlowView = { state: 'pending' };
  /** How often page code has set `notice`: a set after the click is its answer, even to the same code. */
  private notices = 0;
  private since?: { member?: string; thread?: string; notices: number };
  private dismissed = false;
  private gaveUp = false;
  /** The fresh thread page code set after the member's chat was deleted. */
  private fresh?: string;
  private timer?: ReturnType<typeof setTimeout>;

  constructor(host: Host, ask: (action: ToolbarAction, threadId: string) => void) {
    this.host = host;
    this.ask = ask;
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
    this.phase = 'idle';
    this.menuOpen = false;
  }

  /** Page code set `notice`: a new answer, shown even when the previous one was dismissed. */
  noticeSet(): void {
    this.notices++;
    this.dismissed = false;
    this.gaveUp = false;
  }

  /** Follows each new view, before it renders. */
  sync(view: FlowView): void {
    if (view.member !== this.view.member) this.fresh = undefined;
    this.view = view;
    if (view.state !== 'ready') {
      this.menuOpen = false;
      if (this.phase === 'confirming') this.phase = 'idle';
    }
    const since = this.since;
    if (this.phase !== 'busy' || !since) return;
    const answered =
      view.state !== 'ready' ||
      view.member !== since.member ||
      view.thread !== since.thread ||
      (view.notice !== undefined && this.notices !== since.notices);
    if (!answered) return;
    // The member's new, empty chat: the deletion went through.
    if (this.action === 'delete' && view.member === since.member && view.thread && view.thread !== since.thread) this.fresh = view.thread;
    this.settle();
  }

  /** The error code the notice shows, if any. */
  notice(): string | undefined {
    if (this.phase === 'busy' || this.view.state !== 'ready') return undefined;
    if (this.gaveUp) return SILENCE;
    return this.dismissed ? undefined : this.view.notice;
  }

  /** True while the chat shown is the fresh one that replaced a deleted chat, and nothing else is under way. */
  deleted(): boolean {
    return this.phase === 'idle' && !this.menuOpen && this.fresh !== undefined && this.fresh === this.view.thread;
  }

  /** *New conversation*: asks first. */
  confirm = (): void => this.open('new');

  /** *Delete my chat*, in the menu: the menu closes and the toolbar asks first. */
  confirmDelete = (): void => this.open('delete');

  toggleMenu = (): void => {
    if (this.phase !== 'idle') return;
    this.menuOpen = !this.menuOpen;
    this.fresh = undefined;
    this.refresh(this.menuOpen ? ['delete-chat-button'] : []);
  };

  /** Escape closes the menu and returns to its button. */
  menuKey = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || !this.menuOpen) return;
    event.preventDefault();
    this.menuOpen = false;
    this.refresh(['menu-button']);
  };

  /** Focus left the menu (a click elsewhere, Tab past it): it closes, focus stays where it went. */
  menuLeft = (event: FocusEvent): void => {
    const into = event.relatedTarget as Node | null;
    if (!this.menuOpen || (into && (event.currentTarget as Node).contains(into))) return;
    this.menuOpen = false;
    this.host.requestUpdate();
  };

  cancel = (): void => {
    if (this.phase !== 'confirming') return;
    this.phase = 'idle';
    this.refresh([this.action === 'delete' ? 'menu-button' : 'new-conversation-button']);
  };

  cancelOnEscape = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    this.cancel();
  };

  /** The confirmation's button (or *Try again* in the notice): asks page code once, then waits for its answer. */
  start = (): void => {
    const { state, member, thread } = this.view;
    if (this.phase === 'busy' || state !== 'ready' || !thread) return;
    this.phase = 'busy';
    this.since = { member, thread, notices: this.notices };
    this.fresh = undefined;
    // Whatever notice shows belongs to the previous attempt.
    this.dismissed = true;
    this.gaveUp = false;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.gaveUp = true;
      this.settle();
    }, GIVE_UP_AFTER_MS);
    this.ask(this.action, thread);
    // The confirmation's buttons are gone: keep focus in the toolbar, on its status.
    this.refresh(['busy-text']);
  };

  dismiss = (): void => {
    this.dismissed = true;
    this.gaveUp = false;
    this.refresh(['new-conversation-button']);
  };

  /** The member sent a message: the fresh chat is theirs now, and the toolbar stops saying it was deleted. */
  moveOn(): void {
    this.fresh = undefined;
  }

  private open(action: ToolbarAction): void {
    if (this.phase !== 'idle') return;
    this.phase = 'confirming';
    this.action = action;
    this.menuOpen = false;
    this.fresh = undefined;
    this.refresh(['confirm-button']);
  }

  private settle(): void {
    const focused = this.host.shadowRoot?.activeElement?.matches('[part~="busy-text"]') ?? false;
    clearTimeout(this.timer);
    this.phase = 'idle';
    this.since = undefined;
    this.refresh(focused ? ['notice-retry-button', 'dismiss-button', 'deleted-text', 'new-conversation-button'] : []);
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
