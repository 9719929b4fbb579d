/**
 * The page-side controller (architecture.md §5): drives `<sitegpt-member-chat>` from the
 * visitor's login state and the backend's answers. No Wix import: masterPage wires `$w`,
 * `@wix/authentication`, `@wix/site-members`, `@wix/site-window` and the web methods in.
 *
 * The element's rule it keeps: a thread belongs to the member that was current when it was
 * set, so for every answer `member-id` is set first, then the member's email, signature,
 * error and thread. An answer for a member who is no longer current is dropped: each request
 * takes a token, and anything that changes who is signed in takes a new one.
 */
import type { ChatResult, ErrorCode } from '../../contract/index.js';

/** What Wix page code can do with a custom element (`$w('#memberChat')`). */
export interface MemberChatElement {
  setAttribute(name: string, value: string): void;
  on(event: string, handler: (event: { detail?: unknown }) => void): void;
}

export interface MemberChatDeps {
  /** `loggedIn()` of `@wix/authentication`. */
  loggedIn(): boolean;
  /** `onLogin`/`onLogout` of `@wix/authentication`; their unsubscribe functions are used by dispose. */
  onLogin(handler: () => void): unknown;
  onLogout(handler: () => void): unknown;
  /** Opens Wix's login dialog; rejects when the visitor cancels it. */
  promptLogin(): Promise<void>;
  /** The signed-in member's ID as the frontend knows it, at once, before the backend answers. */
  currentMemberId(): Promise<string | undefined>;
  /** The web methods of `backend/sitegpt.web`. */
  getMemberChat(): Promise<ChatResult>;
  startNewConversation(): Promise<ChatResult>;
  /** True in the browser; false in Wix's server-side render, where nothing must happen. */
  isBrowser(): boolean | Promise<boolean>;
  /** Receives the element's `sitegpt-error` and `sitegpt-thread-mismatch` events. */
  log?(event: string, detail: unknown): void;
}

export interface MemberChatConnection {
  /** Settles once the environment check is done: true when connected, false when not in a browser. */
  readonly ready: Promise<boolean>;
  /** Stops listening to login changes and element events; pending answers are dropped. */
  dispose(): void;
}

/** Every code of the contract; a Record, so the compiler notices when the contract gains one. */
const ERROR_CODES: Record<ErrorCode, true> = {
  NOT_SIGNED_IN: true,
  RATE_LIMITED: true,
  UPSTREAM_UNAVAILABLE: true,
  MISCONFIGURED: true,
  INTERNAL: true,
  INVALID_INPUT: true,
  NOT_FOUND: true,
};

/** The member-scoped attributes page code sets (README: "A thread belongs to the member it was set for"). */
const MEMBER_SCOPED = ['thread', 'email', 'email-signature', 'error', 'notice'] as const;

/** The element's own errors about the widget; it retries those by itself. */
const WIDGET_CODES = new Set<unknown>(['WIDGET_TIMEOUT', 'WIDGET_FAILED']);

/** The backend calls that answer with the member's chat; a retry repeats the one that failed. */
type ChatAction = 'get' | 'new';

type Answer = { ok: true; memberId: string; threadId: string; email?: string; emailSignature?: string } | { ok: false; code: ErrorCode };

const connections = new WeakMap<MemberChatElement, MemberChatConnection>();

/**
 * Connects the element to the login state and the backend. Safe to call from every run of
 * `$w.onReady`: outside the browser it does nothing, and for an element that is already
 * connected it returns the existing connection.
 */
export function connectMemberChat(element: MemberChatElement, deps: MemberChatDeps): MemberChatConnection {
  const existing = connections.get(element);
  if (existing) return existing;

  let disposed = false;
  let token = 0;
  /** The `member-id` last set: undefined before the first, "" for a visitor. */
  let shownMember: string | undefined;
  /** The thread last set for `shownMember`: a failed new conversation keeps it on screen. */
  let shownThread = '';
  /** The action whose failure the error view shows, so *Try again* repeats that one. */
  let failedAction: ChatAction = 'get';
  /** True while a new conversation is being asked for: a second press sends nothing. */
  let starting = false;
  const unsubscribers: Array<() => void> = [];

  const set = (name: string, value: string) => {
    if (name === 'member-id' && value !== shownMember) shownThread = '';
    if (name === 'member-id') shownMember = value;
    if (name === 'thread') shownThread = value;
    element.setAttribute(name, value);
  };

  function signOut(): void {
    token++;
    starting = false;
    set('member-id', '');
    for (const name of MEMBER_SCOPED) set(name, '');
  }

  /** Asks the backend for the member's chat; the frontend's member ID shows `loading` meanwhile. */
  function signIn(action: ChatAction, options: { clearError?: boolean } = {}): void {
    const mine = ++token;
    const current = () => !disposed && mine === token;
    let answered = false;
    let frontMember: string | undefined;
    if (options.clearError) set('error', '');
    starting = action === 'new';
    const answer = settle(action === 'new' ? deps.startNewConversation : deps.getMemberChat);
    Promise.resolve()
      .then(() => deps.currentMemberId())
      .then(
        (id) => {
          if (!current() || answered || !id) return;
          frontMember = id;
          set('member-id', id);
        },
        () => undefined,
      );
    void answer.then((result) => {
      if (!current()) return;
      answered = true;
      starting = false;
      if (result.ok) {
        set('member-id', result.memberId);
        set('email', result.email ?? '');
        set('email-signature', result.emailSignature ?? '');
        set('error', '');
        set('notice', '');
        set('thread', result.threadId);
        return;
      }
      // The member it is for, when known (the element shows an error whoever is signed in).
      const member = frontMember ?? shownMember;
      if (member !== undefined) set('member-id', member);
      if (action === 'new' && shownThread && result.code !== 'NOT_SIGNED_IN') {
        // The member keeps the conversation they had; the element says the new one failed.
        set('notice', result.code);
        return;
      }
      failedAction = action;
      set('error', result.code);
    });
  }

  /** Shows whatever the login state is now. */
  function refresh(): void {
    if (deps.loggedIn()) signIn('get');
    else signOut();
  }

  function wire(): void {
    element.on('sitegpt-login-request', () => {
      if (disposed) return;
      // Called at once, inside the click. A cancelled dialog rejects: nothing to do then; when
      // the visitor does sign in, onLogin does the rest.
      try {
        deps.promptLogin().catch(() => undefined);
      } catch {
        // Wix's login dialog could not open (e.g. in the editor): the sign-in view stays.
      }
    });
    element.on('sitegpt-retry', (event) => {
      if (disposed) return;
      // A widget that did not come up is remounted by the element itself; every other error is ours to redo.
      if (WIDGET_CODES.has(codeOf(event.detail))) return;
      if (deps.loggedIn()) signIn(failedAction, { clearError: true });
      else signOut();
    });
    element.on('sitegpt-new-conversation', () => {
      if (disposed || starting || !deps.loggedIn()) return;
      set('notice', '');
      signIn('new');
    });
    for (const name of ['sitegpt-error', 'sitegpt-thread-mismatch']) {
      element.on(name, (event) => {
        if (!disposed) deps.log?.(name, event.detail);
      });
    }
    const keep = (unsubscribe: unknown) => {
      if (typeof unsubscribe === 'function') unsubscribers.push(unsubscribe as () => void);
    };
    keep(
      deps.onLogin(() => {
        if (!disposed) signIn('get');
      }),
    );
    keep(
      deps.onLogout(() => {
        if (!disposed) signOut();
      }),
    );
    refresh();
  }

  const forget = () => {
    if (connections.get(element) === connection) connections.delete(element);
  };
  const connection: MemberChatConnection = {
    // A microtask later, so that even an isBrowser that throws at once only means "not here".
    ready: Promise.resolve()
      .then(() => deps.isBrowser())
      .then(
        (browser) => browser === true,
        () => false,
      )
      .then((browser) => {
        if (!browser || disposed) {
          forget();
          return false;
        }
        wire();
        return true;
      }),
    dispose() {
      if (disposed) return;
      disposed = true;
      token++;
      for (const unsubscribe of unsubscribers.splice(0)) unsubscribe();
      forget();
    },
  };
  connections.set(element, connection);
  return connection;
}

/** Calls a web method and turns every outcome, a rejection or a malformed answer included, into an Answer. */
async function settle(call: () => Promise<ChatResult>): Promise<Answer> {
  let result: unknown;
  try {
    result = await call();
  } catch (reason) {
    return { ok: false, code: rejectionCode(reason) };
  }
  return readResult(result);
}

/**
 * The contract's zod schemas (backend/contract.ts) would check this too, but page code runs on
 * every page of the site, and zod would add more to it than the whole controller weighs.
 */
function readResult(value: unknown): Answer {
  if (typeof value !== 'object' || value === null) return { ok: false, code: 'INTERNAL' };
  const r = value as Record<string, unknown>;
  if (r.ok === true && isText(r.memberId) && isText(r.threadId)) {
    const answer: Answer = { ok: true, memberId: r.memberId, threadId: r.threadId };
    if (isText(r.email)) answer.email = r.email;
    if (isText(r.emailSignature)) answer.emailSignature = r.emailSignature;
    return answer;
  }
  if (r.ok === false) {
    const code = codeOf(r.error);
    return { ok: false, code: typeof code === 'string' && Object.prototype.hasOwnProperty.call(ERROR_CODES, code) ? (code as ErrorCode) : 'INTERNAL' };
  }
  return { ok: false, code: 'INTERNAL' };
}

/**
 * A web-method call that rejected never reached an answer of ours: Wix's 504 after 14 s, a
 * network failure, its permission check (the session ended) or its request quota. Wix does
 * not document the rejection's shape, so this reads its status and message as best it can.
 */
export function rejectionCode(reason: unknown): ErrorCode {
  const parts: string[] = [];
  if (typeof reason === 'object' && reason !== null) {
    const r = reason as Record<string, unknown>;
    for (const key of ['status', 'statusCode', 'httpStatus', 'code', 'name', 'message']) {
      if (typeof r[key] === 'string' || typeof r[key] === 'number') parts.push(String(r[key]));
    }
  } else if (typeof reason === 'string' || typeof reason === 'number') {
    parts.push(String(reason));
  }
  const text = parts.join(' ');
  if (/\b429\b|throttl|too many requests|rate.?limit/i.test(text)) return 'RATE_LIMITED';
  if (/\b40[13]\b|permission|forbidden|unauthori[sz]ed|not (?:logged|signed) in/i.test(text)) return 'NOT_SIGNED_IN';
  return 'UPSTREAM_UNAVAILABLE';
}

function codeOf(detail: unknown): unknown {
  return typeof detail === 'object' && detail !== null ? (detail as { code?: unknown }).code : undefined;
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}
