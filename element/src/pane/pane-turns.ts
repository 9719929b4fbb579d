import { compareTurns, type ChatPage, type Reaction, type Turn } from '../../../contract/turns.js';
import type { SendError } from './pane-input.js';

/** A turn as the pane shows it: the stored copy with the member's unconfirmed actions on top. */
export type ShownTurn = Omit<Turn, 'error'> & { error?: string; until?: number };

/** A local change that holds until a copy of the turn newer than `rev` arrives: the server's word wins. */
interface Overlay<T> {
  rev: number;
  value: T;
}

/**
 * The turns of the current thread, without DOM: merges pages idempotently (by `id`, higher
 * `rev` wins, other threads ignored), keeps optimistic sends, failures, retries and reactions
 * on top of the stored copies, and decides which answers are news worth announcing.
 */
export class PaneTurns {
  thread?: string;
  /** The first page for `thread` has arrived. */
  loaded = false;
  /** Cursor of the next older page; null when there is none. */
  older: string | null = null;
  /** Oldest first, by `compareTurns`. */
  list: Turn[] = [];
  /** The newest answer or failed send to announce, and how many have been, so each is announced once. */
  said?: ShownTurn;
  saidCount = 0;
  private turns = new Map<string, Turn>();
  /** Cursors asked for: true while page code works on it, false once it answered without progress. */
  private asked = new Map<string, boolean>();
  private sends = new Map<string, Overlay<Pick<ShownTurn, 'status' | 'error'>>>();
  private votes = new Map<string, Overlay<Reaction | null>>();
  /** Until when a rate-limited turn may not be retried (ms since the epoch). */
  private waits = new Map<string, number>();

  /** Forgets everything: a new member or a new thread starts empty. */
  reset(thread?: string): void {
    Object.assign(this, { thread, loaded: false, older: null, list: [], said: undefined });
    for (const map of [this.turns, this.asked, this.sends, this.votes, this.waits]) map.clear();
  }

  setThread(thread: string | undefined): void {
    if (thread !== this.thread) this.reset(thread);
  }

  shown(turn: Turn): ShownTurn {
    const send = this.sends.get(turn.id);
    const vote = this.votes.get(turn.id);
    return {
      ...turn,
      ...(send && turn.rev <= send.rev && send.value),
      ...(vote && turn.rev <= vote.rev && { reaction: vote.value }),
      until: this.waits.get(turn.id),
    };
  }

  get pending(): boolean {
    return this.list.some((turn) => this.shown(turn).status === 'pending');
  }

  get loadingOlder(): boolean {
    return this.older !== null && this.asked.get(this.older) === true;
  }

  /** A countdown is running, so the view must tick. */
  get waiting(): boolean {
    return [...this.waits.values()].some((until) => until > Date.now());
  }

  /**
   * Merges a page of the current thread. Its `older` cursor counts only when the page reaches
   * further back than what the pane holds (the first page, or an older one): a later page of
   * changes (a send's result, what changed since) must not move or end the history cursor.
   */
  merge(page: ChatPage): void {
    if (page.threadId !== this.thread) return;
    const oldest = this.list[0];
    const news = this.loaded;
    let further = !oldest;
    for (const turn of page.turns) {
      if (turn.threadId !== this.thread) continue;
      const later = !oldest || compareTurns(turn, oldest) > 0;
      further ||= !later;
      const had = this.turns.get(turn.id);
      if (had && had.rev >= turn.rev) continue;
      this.turns.set(turn.id, turn);
      // A new answer, not history: not the first page on sign-in, nor a page of older turns.
      if (news && later && turn.status === 'answered' && turn.answer && had?.status !== 'answered') {
        this.said = turn;
        this.saidCount++;
      }
    }
    if (further) this.older = page.older;
    // The same cursor back with nothing older: the load failed. The button may ask again.
    else if (this.loadingOlder && page.older === this.older && !page.turns.length) this.asked.set(this.older!, false);
    this.loaded = true;
    this.sort();
  }

  /** `send-error` for a turn: failed, unless an answer for it already arrived (a late value). */
  fail({ id, code, retryAfterMs }: SendError): boolean {
    const turn = this.turns.get(id);
    if (!turn || this.shown(turn).status === 'answered') return false;
    this.sends.set(id, { rev: turn.rev, value: { status: 'failed', error: code } });
    if (retryAfterMs) this.waits.set(id, Date.now() + retryAfterMs);
    this.said = this.shown(turn);
    this.saidCount++;
    return true;
  }

  /** The member's question, shown at once; the server's copy (any `rev`) replaces it. */
  add(question: string): string {
    const id = crypto.randomUUID();
    const now = Date.now();
    const thread = this.thread!;
    this.turns.set(id, {
      ...{ id, threadId: thread, kind: 'ai', status: 'pending', question, answer: null, sources: [] },
      ...{ reaction: null, askedAt: now, answeredAt: null, rev: -1 },
    });
    this.sort();
    return id;
  }

  /** Marks a failed turn pending again and returns its text, or nothing when it may not be retried. */
  retry(id: string): string | undefined {
    const turn = this.turns.get(id);
    const shown = turn && this.shown(turn);
    // (A countdown disables the button, so no click comes before it ends.)
    if (!turn || shown?.status !== 'failed' || shown.question === null) return;
    this.sends.set(id, { rev: turn.rev, value: { status: 'pending', error: undefined } });
    return shown.question;
  }

  /** Toggles a thumb at once; returns what to store (`NEUTRAL` clears it). */
  vote(id: string, reaction: Reaction): Reaction | 'NEUTRAL' | undefined {
    const turn = this.turns.get(id);
    if (!turn) return;
    const next = this.shown(turn).reaction === reaction ? null : reaction;
    this.votes.set(id, { rev: turn.rev, value: next });
    return next ?? 'NEUTRAL';
  }

  /** The cursor to load next: once per cursor, and again only by hand after a load that failed. */
  takeOlder(byHand: boolean): string | undefined {
    const cursor = this.older;
    const asked = cursor === null ? true : this.asked.get(cursor);
    if (cursor === null || asked === true || (asked === false && !byHand)) return;
    this.asked.set(cursor, true);
    return cursor;
  }

  private sort(): void {
    this.list = [...this.turns.values()].sort(compareTurns);
  }
}
