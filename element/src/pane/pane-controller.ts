import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Reaction } from '../../../contract/turns.js';
import { emit } from '../events.js';
import { readPage, readSendError } from './pane-input.js';
import { PaneTurns } from './pane-turns.js';
import { VisibilityReport } from './visibility-report.js';

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };

/** Within 64 px of the bottom the member counts as reading the newest turn. */
const nearBottom = (log: HTMLElement) => log.scrollHeight - log.scrollTop - log.clientHeight <= 64;

/**
 * Native mode's pane between the attributes, the member and the DOM: takes `thread`,
 * `messages` and `send-error` as page code sets them, fires the pane's events, keeps the log
 * on the newest turn unless the member scrolled up (and the member's place when older turns
 * arrive), asks for older pages when the top comes into view and ticks rate-limit countdowns.
 * Whether the pane can be seen is reported by its VisibilityReport.
 */
export class PaneController implements ReactiveController {
  readonly turns = new PaneTurns();
  /** The log is scrolled to the newest turn; otherwise *Jump to latest* shows. */
  stuck = true;
  /** Characters in the composer, for the counter near the limit. */
  draft = 0;
  // TypeScript-private rather than #private: the es2021 build turns each # field into a WeakMap.
  private log?: HTMLElement;
  private before?: { first?: string; height: number; top: number };
  /** The turn and control that had focus before a render. */
  private focused?: [string | undefined, string | null];
  private atTop = false;
  /** Scroll to the newest turn at the next render, wherever the member was (they sent, or jumped). */
  private pin = false;
  private tops?: IntersectionObserver;
  private timer?: ReturnType<typeof setInterval>;
  /** What the member typed and has not sent: it outlives the composer (the closed view, a reload of the pane). */
  private kept = '';
  private box?: HTMLTextAreaElement | null;

  constructor(private readonly host: Host) {
    host.addController(this);
    new VisibilityReport(host);
  }

  /** Page code set a member-scoped input; `read` gives the current member's value, if any. */
  input(name: string, read: (name: string) => string | undefined): void {
    const { turns } = this;
    if (name === 'member-id') {
      turns.reset();
      // Nothing the previous member typed stays: not in the composer, not kept for later.
      this.kept = '';
      if (this.box) this.box.value = '';
    }
    if (name === 'member-id' || name === 'thread') {
      turns.setThread(read('thread'));
      // Merging is idempotent, so the page already set counts too, whatever the order.
      name = 'messages';
    }
    const value = read(name);
    if (!value) return;
    const page = name === 'messages' ? readPage(value) : undefined;
    if (page) turns.merge(page);
    const failed = name === 'send-error' ? readSendError(value) : undefined;
    if (failed && turns.fail(failed)) this.tick();
  }

  hostConnected(): void {
    this.tick();
  }

  hostDisconnected(): void {
    this.tops?.disconnect();
    this.log = undefined;
    clearInterval(this.timer);
    this.timer = undefined;
  }

  hostUpdate(): void {
    if (this.box?.isConnected) this.kept = this.box.value;
    const log = this.log;
    if (!log) return;
    // From the log itself: a scroll the member just made may not have fired its event yet.
    this.stuck = this.pin || nearBottom(log);
    this.pin = false;
    this.before = { first: this.before?.first, height: log.scrollHeight, top: log.scrollTop };
    const active = (this.host.renderRoot as ShadowRoot).activeElement;
    this.focused = active ? [active.closest<HTMLElement>('[data-id]')?.dataset.id, active.getAttribute('part')] : undefined;
  }

  hostUpdated(): void {
    const box = this.host.renderRoot.querySelector('textarea');
    // A new composer (the pane came back): it holds what the member had typed.
    if (box && box !== this.box && this.kept) {
      box.value = this.kept;
      this.draft = this.kept.length;
    }
    this.box = box;
    const log = this.host.renderRoot.querySelector<HTMLElement>('.log') ?? undefined;
    if (log !== this.log) {
      this.tops?.disconnect();
      this.log = log;
      this.before = undefined;
      this.stuck = true;
      this.atTop = false;
      this.tops = log && new IntersectionObserver(([entry]) => (this.atTop = entry.isIntersecting) && this.older(), { root: log });
      if (log) this.tops!.observe(log.firstElementChild!);
    }
    if (!log) return;
    const first = this.turns.list[0]?.id;
    const before = this.before;
    if (this.stuck) log.scrollTop = log.scrollHeight;
    // Older turns went in above: keep what the member was reading where it was.
    else if (before && before.first !== first) log.scrollTop = before.top + log.scrollHeight - before.height;
    this.before = { first, height: log.scrollHeight, top: log.scrollTop };
    // Turns are rendered by position, so older turns going in above move a focused button onto
    // another turn: put focus back on the control of the turn the member was on.
    const [id, part] = this.focused ?? [];
    if (id) log.querySelector<HTMLElement>(`[data-id="${id}"] [part="${part}"]`)?.focus({ preventScroll: true });
    // The top is still in view after a page (a short thread): ask for the next one.
    if (this.atTop && log.scrollTop === 0) this.older();
  }

  scrolled = (event: Event): void => {
    const stuck = nearBottom(event.target as HTMLElement);
    if (stuck !== this.stuck) {
      this.stuck = stuck;
      this.host.requestUpdate();
    }
  };

  jump = (): void => {
    this.pin = true;
    this.host.requestUpdate();
    this.log?.focus();
  };

  /** Sends a question; false when there is nothing to send. */
  send = (text: string): boolean => {
    text = text.trim();
    if (!text || !this.turns.loaded) return false;
    const clientMessageId = this.turns.add(text);
    this.pin = true;
    emit(this.host, 'sitegpt-send', { clientMessageId, text });
    this.host.requestUpdate();
    return true;
  };

  retry(id: string): void {
    const text = this.turns.retry(id);
    if (text === undefined) return;
    emit(this.host, 'sitegpt-send', { clientMessageId: id, text });
    this.host.requestUpdate();
  }

  react(messageId: string, reaction: Reaction): void {
    const stored = this.turns.vote(messageId, reaction);
    if (!stored) return;
    emit(this.host, 'sitegpt-react', { messageId, reaction: stored });
    this.host.requestUpdate();
  }

  /** The button passes its click event: asking by hand may repeat a cursor whose load failed. */
  older = (byHand?: Event): void => {
    const before = this.turns.takeOlder(byHand !== undefined);
    if (before === undefined) return;
    emit(this.host, 'sitegpt-load-older', { before });
    this.host.requestUpdate();
  };

  submit = (event: Event): void => {
    event.preventDefault();
    const box = this.host.renderRoot.querySelector('textarea')!;
    if (this.send(box.value)) box.value = '';
    this.typed();
  };

  /** Enter sends; Shift+Enter (and Enter while composing with an IME) is a new line. */
  key = (event: KeyboardEvent): void => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) this.submit(event);
  };

  typed = (): void => {
    const length = this.host.renderRoot.querySelector('textarea')?.value.length ?? 0;
    const counting = Math.max(length, this.draft) > COUNT_FROM;
    this.draft = length;
    if (counting) this.host.requestUpdate();
  };

  /** Renders once a second while a rate-limit countdown runs. */
  private tick(): void {
    if (this.timer || !this.turns.waiting) return;
    this.timer = setInterval(() => {
      if (!this.turns.waiting) {
        clearInterval(this.timer);
        this.timer = undefined;
      }
      this.host.requestUpdate();
    }, 1000);
  }
}

/** The composer's limit (the server checks again) and where its counter appears. */
export const MAX_CHARS = 2000;
const COUNT_FROM = MAX_CHARS - 200;
