/**
 * A fake Wix page for the controller: a `$w` custom element that records every setAttribute
 * in order and fires events, a fake `@wix/authentication` (+ site-members) and web methods
 * whose answers the test releases one by one (deferred promises).
 */
import { MEMBER_SCOPED, MemberScope } from '../../../element/src/member-scope.js';
import type { ChatResult } from '../../../contract/index.js';
import type { MemberChatDeps, MemberChatElement } from '../../../velo/public/sitegpt-member-chat.js';

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
export class FakeWebMethod {
  readonly calls: Array<Deferred<ChatResult>> = [];

  readonly fn = (): Promise<ChatResult> => {
    const call = deferred<ChatResult>();
    this.calls.push(call);
    return call.promise;
  };

  get count(): number {
    return this.calls.length;
  }

  /** The n-th call (0-based; negative counts from the end). */
  call(n: number): Deferred<ChatResult> {
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

export function failed(code: 'NOT_SIGNED_IN' | 'RATE_LIMITED' | 'UPSTREAM_UNAVAILABLE' | 'MISCONFIGURED' | 'INTERNAL'): ChatResult {
  return { ok: false, error: { code, message: `backend says ${code}` } };
}

export interface FakePage {
  element: FakeElement;
  auth: FakeAuth;
  getMemberChat: FakeWebMethod;
  startNewConversation: FakeWebMethod;
  logs: Array<[string, unknown]>;
  deps: MemberChatDeps;
}

export function fakePage(options: { member?: string; browser?: MemberChatDeps['isBrowser'] } = {}): FakePage {
  const element = new FakeElement();
  const auth = new FakeAuth(options.member);
  const getMemberChat = new FakeWebMethod();
  const startNewConversation = new FakeWebMethod();
  const logs: Array<[string, unknown]> = [];
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
  };
  return { element, auth, getMemberChat, startNewConversation, logs, deps };
}
