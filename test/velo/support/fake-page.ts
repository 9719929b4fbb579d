/**
 * A fake Wix page for the controller: a `$w` custom element that records every setAttribute
 * in order and fires events, a fake `@wix/authentication` (+ site-members) and web methods
 * whose answers the test releases one by one (deferred promises). Native mode adds the pane as
 * the element would merge it, a fake `@wix/site-realtime` and timers the test advances.
 */
import { MEMBER_SCOPED, MemberScope } from '../../../element/src/member-scope.js';
import { compareTurns, type ChatPage, type ChatResult, type Turn } from '../../../contract/index.js';
import type { MemberChatDeps, MemberChatElement, RealtimeChannel, Scheduler } from '../../../velo/public/sitegpt-member-chat.js';
import { SERVICE_CHANNEL } from '../../../velo/public/service-watch.js';

export interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(reason: unknown): void;
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets every pending promise callback run (timers are not involved anywhere here). */
export async function flush(): Promise<void> {
  for (let i = 0; i < 10; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

/** `$w('#memberChat')`: the attributes as the element would see them, and the order they came in. */
export class FakeElement implements MemberChatElement {
  readonly calls: Array<[string, string]> = [];
  readonly attributes = new Map<string, string>();
  readonly #handlers = new Map<string, Array<(event: { detail?: unknown }) => void>>();

  setAttribute(name: string, value: string): void {
    this.calls.push([name, value]);
    this.attributes.set(name, value);
  }

  on(event: string, handler: (event: { detail?: unknown }) => void): void {
    this.#handlers.set(event, [...(this.#handlers.get(event) ?? []), handler]);
  }

  fire(event: string, detail: unknown = {}): void {
    for (const handler of this.#handlers.get(event) ?? []) handler({ detail });
  }

  listeners(event: string): number {
    return this.#handlers.get(event)?.length ?? 0;
  }

  /**
   * What the element would use: the calls replayed through the element's own MemberScope, so
   * a thread, email, signature or error counts only if it was set for the current member.
   */
  effective(): Record<string, string> {
    const scope = new MemberScope();
    const values = new Map<string, string>();
    for (const [name, value] of this.calls) {
      if (name === 'member-id') scope.setMember(value);
      else {
        scope.noteSet(name);
        values.set(name, value);
      }
    }
    const out: Record<string, string> = {};
    if (scope.member !== null) out['member-id'] = scope.member;
    for (const [name, value] of values) if (MEMBER_SCOPED.has(name) && scope.owns(name) && value !== '') out[name] = value;
    return out;
  }

  /** Calls since a mark, to look at one step of a scenario. */
  since(mark: number): Array<[string, string]> {
    return this.calls.slice(mark);
  }

  /**
   * Native mode: the pane as the element builds it from the calls (architecture.md §8.6). A new
   * member or thread empties it; a `messages` page counts only for the current member's current
   * thread and merges by turn ID, the higher rev winning; `older` replaces the cursor.
   */
  pane(): { threadId: string; turns: Turn[]; older: string | null } {
    const scope = new MemberScope();
    let threadId = '';
    let older: string | null = null;
    let turns = new Map<string, Turn>();
    for (const [name, value] of this.calls) {
      if (name === 'member-id') {
        if (!scope.setMember(value)) continue;
        threadId = '';
        older = null;
        turns = new Map();
      } else if (name === 'thread') {
        scope.noteSet(name);
        if (value !== threadId) {
          turns = new Map();
          older = null;
        }
        threadId = value;
      } else if (name === 'messages' && value !== '') {
        scope.noteSet(name);
        const page = JSON.parse(value) as ChatPage;
        if (!scope.owns('thread') || page.threadId !== threadId) continue;
        older = page.older;
        for (const turn of page.turns) if ((turns.get(turn.id)?.rev ?? -1) <= turn.rev) turns.set(turn.id, turn);
      }
    }
    return { threadId, turns: [...turns.values()].sort(compareTurns), older };
  }

  /** The IDs of the turns in the pane, in order. */
  paneIds(): string[] {
    return this.pane().turns.map((t) => t.id);
  }

  /** Every value set for one attribute, in order. */
  values(name: string): string[] {
    return this.calls.filter(([n]) => n === name).map(([, value]) => value);
  }
}

/** The login state of `@wix/authentication`, with the members' frontend IDs of `@wix/site-members`. */
export class FakeAuth {
  member: string | undefined;
  readonly #login = new Set<() => void>();
  readonly #logout = new Set<() => void>();
  prompts: Array<Deferred<void>> = [];
  /** The frontend's member look-up: answered at once unless a test holds it. */
  memberLookups: Array<Deferred<string | undefined>> = [];
  holdMemberLookups = false;

  constructor(member?: string) {
    this.member = member;
  }

  loggedIn = (): boolean => this.member !== undefined;
  onLogin = (handler: () => void): (() => void) => {
    this.#login.add(handler);
    return () => this.#login.delete(handler);
  };
  onLogout = (handler: () => void): (() => void) => {
    this.#logout.add(handler);
    return () => this.#logout.delete(handler);
  };
  promptLogin = (): Promise<void> => {
    const prompt = deferred<void>();
    this.prompts.push(prompt);
    return prompt.promise;
  };
  currentMemberId = (): Promise<string | undefined> => {
    if (!this.holdMemberLookups) return Promise.resolve(this.member);
    const lookup = deferred<string | undefined>();
    this.memberLookups.push(lookup);
    return lookup.promise;
  };

  logIn(member: string): void {
    this.member = member;
    for (const handler of this.#login) handler();
  }

  logOut(): void {
    this.member = undefined;
    for (const handler of this.#logout) handler();
  }

  get subscribers(): number {
    return this.#login.size + this.#logout.size;
  }
}

/** A web method: each call waits until the test answers it. */
export class FakeWebMethod<R = ChatResult> {
  readonly calls: Array<Deferred<R>> = [];
  /** The argument of each call (undefined when called without one). */
  readonly args: unknown[] = [];

  readonly fn = (arg?: unknown): Promise<R> => {
    const call = deferred<R>();
    this.calls.push(call);
    this.args.push(arg);
    return call.promise;
  };

  get count(): number {
    return this.calls.length;
  }

  /** The n-th call (0-based; negative counts from the end). */
  call(n: number): Deferred<R> {
    const call = this.calls.at(n);
    if (!call) throw new Error(`no call ${n}: ${this.calls.length} made`);
    return call;
  }
}

export function chatFor(memberId: string, threadId: string, email?: string): ChatResult {
  return email
    ? { ok: true, memberId, threadId, email, emailSignature: 'a'.repeat(64) }
    : { ok: true, memberId, threadId };
}

export function failed(
  code: 'NOT_SIGNED_IN' | 'RATE_LIMITED' | 'UPSTREAM_UNAVAILABLE' | 'MISCONFIGURED' | 'INTERNAL' | 'INVALID_INPUT' | 'NOT_FOUND',
  retryAfterMs?: number,
): { ok: false; error: { code: typeof code; message: string; retryAfterMs?: number } } {
  const error = { code, message: `backend says ${code}` };
  return { ok: false, error: retryAfterMs === undefined ? error : { ...error, retryAfterMs } };
}

export interface FakePage {
  element: FakeElement;
  auth: FakeAuth;
  getMemberChat: FakeWebMethod;
  startNewConversation: FakeWebMethod;
  logs: Array<[string, unknown]>;
  deps: MemberChatDeps;
  /** The page's timers (the service re-check, polling): they run only when the test advances them. */
  scheduler: FakeScheduler;
  /** `@wix/site-realtime`, wired into deps only where the page has realtime. */
  realtime: FakeRealtime;
}

export function fakePage(options: { member?: string; browser?: MemberChatDeps['isBrowser'] } = {}): FakePage {
  const element = new FakeElement();
  const auth = new FakeAuth(options.member);
  const getMemberChat = new FakeWebMethod();
  const startNewConversation = new FakeWebMethod();
  const logs: Array<[string, unknown]> = [];
  const scheduler = new FakeScheduler();
  const realtime = new FakeRealtime();
  const deps: MemberChatDeps = {
    loggedIn: auth.loggedIn,
    onLogin: auth.onLogin,
    onLogout: auth.onLogout,
    promptLogin: auth.promptLogin,
    currentMemberId: auth.currentMemberId,
    getMemberChat: getMemberChat.fn,
    startNewConversation: startNewConversation.fn,
    isBrowser: options.browser ?? (() => true),
    log: (event, detail) => logs.push([event, detail]),
    scheduler,
  };
  return { element, auth, getMemberChat, startNewConversation, logs, deps, scheduler, realtime };
}

// ---- native mode -------------------------------------------------------------------------

const T0 = Date.UTC(2026, 2, 1, 10, 0, 0);

/** An answered turn of `threadId`; `n` spaces them a minute apart and names them. */
export function turn(threadId: string, n: number, overrides: Partial<Turn> = {}): Turn {
  const askedAt = T0 + n * 60_000;
  return {
    id: `turn-${String(n).padStart(4, '0')}`,
    threadId,
    kind: 'ai',
    status: 'answered',
    question: `Question ${n}`,
    answer: `Answer ${n}`,
    sources: [],
    reaction: null,
    askedAt,
    answeredAt: askedAt + 900,
    rev: askedAt + 900,
    ...overrides,
  };
}

export function page(threadId: string, turns: Turn[], older: string | null = null): ChatPage {
  return { threadId, turns, older, cursor: Math.max(0, ...turns.map((t) => t.rev)) };
}

/** getMemberChat({history: true})'s answer. */
export function chatWithHistory(memberId: string, threadId: string, turns: Turn[] = [], older: string | null = null): ChatResult {
  return { ok: true, memberId, threadId, history: page(threadId, turns, older) };
}

/** Timers that run only when the test advances the clock. */
export class FakeScheduler implements Scheduler {
  now = 0;
  #next = 1;
  readonly #timers = new Map<number, { at: number; run: () => void }>();

  setTimeout = (run: () => void, ms: number): unknown => {
    const id = this.#next++;
    this.#timers.set(id, { at: this.now + ms, run });
    return id;
  };

  clearTimeout = (handle: unknown): void => {
    this.#timers.delete(handle as number);
  };

  /** Moves the clock on by `ms`, running each timer that comes due, in order. */
  advance(ms: number): void {
    const end = this.now + ms;
    for (;;) {
      const due = [...this.#timers.entries()].filter(([, t]) => t.at <= end).sort(([, a], [, b]) => a.at - b.at)[0];
      if (!due) break;
      this.#timers.delete(due[0]);
      this.now = due[1].at;
      due[1].run();
    }
    this.now = end;
  }

  get pending(): number {
    return this.#timers.size;
  }
}

type FakeSubscription = { channel: RealtimeChannel; onNotice: (payload: unknown) => void; answer: Deferred<() => void>; ended: boolean };

/**
 * `@wix/site-realtime` as page code sees it: subscriptions the test accepts or refuses, and
 * notices it publishes. The member's channel (`subscriptions`) and the site-wide service channel
 * (`serviceSubscriptions`) are kept apart, so a test of one counts only its own.
 */
export class FakeRealtime {
  readonly subscriptions: FakeSubscription[] = [];
  readonly serviceSubscriptions: FakeSubscription[] = [];

  readonly subscribe = (channel: RealtimeChannel, onNotice: (payload: unknown) => void): Promise<() => void> => {
    const answer = deferred<() => void>();
    const subscription = { channel, onNotice, answer, ended: false };
    (channel.name === SERVICE_CHANNEL ? this.serviceSubscriptions : this.subscriptions).push(subscription);
    return answer.promise;
  };

  /** Accepts the latest subscription (of the member's channel, or of the service channel). */
  accept(n = -1, list = this.subscriptions): void {
    const subscription = list.at(n)!;
    subscription.answer.resolve(() => {
      subscription.ended = true;
    });
  }

  acceptService(n = -1): void {
    this.accept(n, this.serviceSubscriptions);
  }

  /** Delivers a site-wide notice to every live service subscription. */
  publishService(payload: unknown): void {
    for (const s of this.serviceSubscriptions) if (!s.ended) s.onNotice(payload);
  }

  /** Service subscriptions not ended. */
  liveService(): number {
    return this.serviceSubscriptions.filter((s) => !s.ended).length;
  }

  /** Delivers a notice to every live subscription of `memberId`. */
  publish(memberId: string, payload: unknown): void {
    for (const s of this.subscriptions) if (!s.ended && s.channel.resourceId === memberId) s.onNotice(payload);
  }

  /** Subscriptions not ended, by member. */
  live(): string[] {
    return this.subscriptions.filter((s) => !s.ended).map((s) => s.channel.resourceId ?? "");
  }
}

export interface NativeFakePage extends FakePage {
  sendChatMessage: FakeWebMethod<unknown>;
  getChatMessages: FakeWebMethod<unknown>;
  rateAnswer: FakeWebMethod<unknown>;
  requestHuman: FakeWebMethod<unknown>;
}

/** A page wired for native mode; `realtime: false` leaves subscribe out (page code polls). */
export function nativePage(options: { member?: string; realtime?: boolean } = {}): NativeFakePage {
  const base = fakePage({ member: options.member });
  const sendChatMessage = new FakeWebMethod<unknown>();
  const getChatMessages = new FakeWebMethod<unknown>();
  const rateAnswer = new FakeWebMethod<unknown>();
  const requestHuman = new FakeWebMethod<unknown>();
  base.deps = {
    ...base.deps,
    mode: 'native',
    sendChatMessage: sendChatMessage.fn,
    getChatMessages: getChatMessages.fn,
    rateAnswer: rateAnswer.fn,
    requestHuman: requestHuman.fn,
    ...(options.realtime === false ? {} : { subscribe: base.realtime.subscribe }),
  };
  return { ...base, sendChatMessage, getChatMessages, rateAnswer, requestHuman };
}
