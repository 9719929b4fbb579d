/**
 * The page-side controller (architecture.md §5): drives `<sitegpt-member-chat>` from the
 * visitor's login state and the backend's answers. No Wix import: masterPage wires `$w`,
 * `@wix/authentication`, `@wix/site-members`, `@wix/site-window` and the web methods in.
 * Native mode (architecture.md §8) adds its part from native/native-mode.ts; widget mode is
 * this file alone.
 *
 * The element's rule it keeps: a thread belongs to the member that was current when it was
 * set, so for every answer `member-id` is set first, then the member's email, signature,
 * error and thread. An answer for a member who is no longer current is dropped: each request
 * takes a token, and anything that changes who is signed in takes a new one.
 */
import { createNativeMode, type ChatMode, type NativeDeps } from './native/native-mode.js';
import { codeOf, isText, settle } from './web-method-answers.js';

export { rejectionCode } from './web-method-answers.js';
export type { RealtimeChannel, Scheduler, Subscribe } from './native/live-updates.js';

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
  /** The web methods of `backend/sitegpt.web`; native mode asks getMemberChat for `{history: true}`. */
  getMemberChat(args?: { history: true }): Promise<unknown>;
  startNewConversation(): Promise<unknown>;
  /** True in the browser; false in Wix's server-side render, where nothing must happen. */
  isBrowser(): boolean | Promise<boolean>;
  /** Receives the element's `sitegpt-error` and `sitegpt-thread-mismatch` events, and native mode's `sitegpt-native`. */
  log?(event: string, detail: unknown): void;
  /** `widget` (default): SiteGPT's widget talks to SiteGPT. `native`: the element's own pane, every message through the backend. */
  mode?: 'widget' | 'native';
  /** Native mode only (all three required there); see native/native-mode.ts. */
  sendChatMessage?: NativeDeps['sendChatMessage'];
  getChatMessages?: NativeDeps['getChatMessages'];
  rateAnswer?: NativeDeps['rateAnswer'];
  /** Native mode: realtime notices (`@wix/site-realtime`); without it page code polls. */
  subscribe?: NativeDeps['subscribe'];
  /** Native mode: the timers polling uses (tests); default the global ones. */
  scheduler?: NativeDeps['scheduler'];
}

export interface MemberChatConnection {
  /** Settles once the environment check is done: true when connected, false when not in a browser. */
  readonly ready: Promise<boolean>;
  /** Stops listening to login changes and element events; pending answers are dropped. */
  dispose(): void;
}

/** The member-scoped attributes page code sets (README: "A thread belongs to the member it was set for"). */
const MEMBER_SCOPED = ['thread', 'email', 'email-signature', 'error', 'notice'] as const;

/** The element's own errors about the widget; it retries those by itself. */
const WIDGET_CODES = new Set<unknown>(['WIDGET_TIMEOUT', 'WIDGET_FAILED']);

/** The backend calls that answer with the member's chat; a retry repeats the one that failed. */
type ChatAction = 'get' | 'new';

interface Chat {
  ok: true;
  memberId: string;
  threadId: string;
  email?: string;
  emailSignature?: string;
  /** Native mode's newest page, passed on unread (native-mode.ts checks it). */
  history?: unknown;
}

const connections = new WeakMap<MemberChatElement, MemberChatConnection>();

/**
 * Connects the element to the login state and the backend. Safe to call from every run of
 * `$w.onReady`: outside the browser it does nothing, and for an element that is already
 * connected it returns the existing connection.
 */
export function connectMemberChat(element: MemberChatElement, deps: MemberChatDeps): MemberChatConnection {
  const existing = connections.get(element);
  if (existing) return existing;
  const mode = deps.mode === 'native' ? nativeMode(element, deps, () => follow()) : undefined;

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
    const newMember = name === 'member-id' && value !== shownMember;
    if (newMember) shownThread = '';
    if (name === 'member-id') shownMember = value;
    if (name === 'thread') shownThread = value;
    element.setAttribute(name, value);
    if (newMember) mode?.memberSet(value);
  };

  function signOut(): void {
    token++;
    starting = false;
    set('member-id', '');
    for (const name of MEMBER_SCOPED) set(name, '');
  }

  /** Sets the member's chat: member-id first, then what belongs to them, the thread last. */
  function showChat(chat: Chat): void {
    set('member-id', chat.memberId);
    // Native mode mounts no widget, so nothing needs the identity: the email stays out of the DOM.
    set('email', mode ? '' : (chat.email ?? ''));
    set('email-signature', mode ? '' : (chat.emailSignature ?? ''));
    set('error', '');
    set('notice', '');
    set('thread', chat.threadId);
    mode?.chatShown(chat);
  }

  /**
   * Asks the backend for the member's chat; the frontend's member ID shows `loading` meanwhile.
   * `quiet` (native mode following a thread changed elsewhere): the chat on screen stays if it fails.
   */
  function signIn(action: ChatAction, options: { clearError?: boolean; quiet?: boolean } = {}): void {
    const mine = ++token;
    const current = () => !disposed && mine === token;
    let answered = false;
    let frontMember: string | undefined;
    if (options.clearError) set('error', '');
    starting = action === 'new';
    const ask = action === 'new' ? deps.startNewConversation : (mode?.getMemberChat ?? (() => deps.getMemberChat()));
    const answer = settle(ask, readChat);
    if (!options.quiet) {
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
    }
    void answer.then((result) => {
      if (!current()) return;
      answered = true;
      starting = false;
      if (result.ok) return showChat(result);
      if (options.quiet) return deps.log?.('sitegpt-native', { what: 'follow-failed', code: result.code });
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

  /** Native mode: the member's thread changed on another device; a pending new conversation brings it anyway. */
  function follow(): void {
    if (disposed || starting || !deps.loggedIn()) return;
    signIn('get', { quiet: true });
  }

  /** Shows whatever the login state is now. */
  function refresh(): void {
    if (deps.loggedIn()) signIn('get');
    else signOut();
  }

  function wire(): void {
    mode?.wire(); // before anything else: the element is in native mode before it sees a member
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
      mode?.dispose();
      for (const unsubscribe of unsubscribers.splice(0)) unsubscribe();
      forget();
    },
  };
  connections.set(element, connection);
  return connection;
}

/** `{ok: true, memberId, threadId, email?, emailSignature?, history?}` of getMemberChat and startNewConversation. */
function readChat(r: Record<string, unknown>): Chat | undefined {
  if (!isText(r.memberId) || !isText(r.threadId)) return undefined;
  const chat: Chat = { ok: true, memberId: r.memberId, threadId: r.threadId };
  if (isText(r.email)) chat.email = r.email;
  if (isText(r.emailSignature)) chat.emailSignature = r.emailSignature;
  if (r.history !== undefined) chat.history = r.history;
  return chat;
}

/** Native mode over the element and the native web methods, which it must have. */
function nativeMode(element: MemberChatElement, deps: MemberChatDeps, follow: () => void): ChatMode {
  const { sendChatMessage, getChatMessages, rateAnswer } = deps;
  if (!sendChatMessage || !getChatMessages || !rateAnswer) {
    throw new TypeError('connectMemberChat: mode "native" needs sendChatMessage, getChatMessages and rateAnswer');
  }
  return createNativeMode(
    { setAttribute: (name, value) => element.setAttribute(name, value), on: (name, handler) => element.on(name, handler), follow },
    { getMemberChat: (args) => deps.getMemberChat(args), sendChatMessage, getChatMessages, rateAnswer, subscribe: deps.subscribe, scheduler: deps.scheduler, log: deps.log },
  );
}
