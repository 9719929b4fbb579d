/**
 * The page-side controller (architecture.md §5): drives `<sitegpt-member-chat>` from the
 * visitor's login state and the backend's answers. No Wix import: masterPage wires `$w`,
 * `@wix/authentication`, `@wix/site-members`, `@wix/site-window` and the web methods in.
 * The pane (native mode, architecture.md §8, or widget mode while the operator's service is
 * `fallback`) adds its part from native/native-mode.ts through chat-display.ts; the service is
 * watched by service-watch.ts; *Delete my chat* runs in chat-deletion.ts.
 *
 * The element's rule it keeps: a thread belongs to the member that was current when it was
 * set, so for every answer `member-id` is set first, then the service, the member's email,
 * signature, error and thread. An answer for a member who is no longer current is dropped: each request
 * takes a token, and anything that changes who is signed in takes a new one.
 */
import { askForChat, readChat, widgetContextValue, type Chat } from './chat-answer.js';
import { ChatDeletion } from './chat-deletion.js';
import { ChatDisplay } from './chat-display.js';
import type { MemberChatConnection, MemberChatDeps, MemberChatElement } from './controller-deps.js';
import { GLOBAL_TIMERS } from './native/live-updates.js';
import { ServiceWatch } from './service-watch.js';
import { codeOf, isRecord, settle } from './web-method-answers.js';

export { rejectionCode } from './web-method-answers.js';
export type { GetMemberChatArgs, MemberChatConnection, MemberChatDeps, MemberChatElement } from './controller-deps.js';
export type { RealtimeChannel, Scheduler, Subscribe } from './native/live-updates.js';

/** The member-scoped attributes page code sets (README: "A thread belongs to the member it was set for"). */
const MEMBER_SCOPED = ['thread', 'email', 'email-signature', 'error', 'notice'] as const;

/** The element's own errors about the widget; it retries those by itself. */
const WIDGET_CODES = new Set<unknown>(['WIDGET_TIMEOUT', 'WIDGET_FAILED']);

/** The backend calls that answer with the member's chat; a retry repeats the one that failed. */
type ChatAction = 'get' | 'new';

const connections = new WeakMap<MemberChatElement, MemberChatConnection>();

/**
 * Connects the element to the login state and the backend. Safe to call from every run of
 * `$w.onReady`: outside the browser it does nothing, and for an element that is already
 * connected it returns the existing connection.
 */
export function connectMemberChat(element: MemberChatElement, deps: MemberChatDeps): MemberChatConnection {
  const existing = connections.get(element);
  if (existing) return existing;
  const display = new ChatDisplay(element, deps, () => follow());
  const watch = new ServiceWatch({ subscribe: deps.subscribe, scheduler: deps.scheduler ?? GLOBAL_TIMERS, check: () => follow(), log: deps.log });

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
  /** True while getMemberChat or startNewConversation is on its way: its answer brings the service anyway. */
  let asking = false;
  /** Page-code values that are not the member's own, set only once an answer had them, so they can be cleared. */
  let serviceSet = false;
  let contextSet = false;
  const unsubscribers: Array<() => void> = [];
  const deletion = new ChatDeletion({
    forgetMyChat: deps.forgetMyChat,
    member: () => shownMember,
    // The mapping and the mirrored messages are gone: the member's next chat is a new, empty one.
    deleted: () => signIn('get'),
    failed: (code) => {
      // A session that ended needs the sign-in view; anything else keeps the chat under a notice.
      if (code !== 'NOT_SIGNED_IN') return set('notice', code);
      failedAction = 'get';
      set('error', code);
    },
  });

  const set = (name: string, value: string) => {
    const newMember = name === 'member-id' && value !== shownMember;
    if (newMember) shownThread = '';
    if (name === 'member-id') shownMember = value;
    if (newMember) deletion.reset();
    if (name === 'thread') shownThread = value;
    element.setAttribute(name, value);
    if (newMember) display.memberSet(value);
  };

  function signOut(): void {
    token++;
    starting = asking = false;
    watch.stop();
    set('member-id', '');
    for (const name of MEMBER_SCOPED) set(name, '');
    if (serviceSet) set('service', '');
    if (contextSet) set('widget-context', '');
    serviceSet = contextSet = false;
  }

  /**
   * Sets the member's chat: member-id first, then the service and what belongs to the member, the
   * thread last. Widget mode shows the pane instead of the widget while the service is `fallback`.
   */
  function showChat(chat: Chat): void {
    set('member-id', chat.memberId);
    const service = chat.service;
    if (service || serviceSet) set('service', service ? JSON.stringify(service) : '');
    serviceSet = Boolean(service);
    watch.setMode(service?.mode ?? 'on');
    watch.start();
    const switched = display.choose(service?.mode === 'fallback');
    // The pane mounts no widget, so nothing needs the identity: the email stays out of the DOM.
    const pane = display.paneShown;
    set('email', pane ? '' : (chat.email ?? ''));
    set('email-signature', pane ? '' : (chat.emailSignature ?? ''));
    set('error', '');
    set('notice', '');
    // The typed context goes to the widget it mounts with: set before the thread, and only for a
    // new thread (or the widget coming back), so a widget already showing is never remounted.
    if (!pane && (switched || chat.threadId !== shownThread)) {
      const context = widgetContextValue(chat.context);
      if (chat.context && !context) deps.log?.('sitegpt-context', { what: 'context-too-long' });
      if (context || contextSet) set('widget-context', context ?? '');
      contextSet = Boolean(context);
    }
    set('thread', chat.threadId);
    // The pane, just put in the widget's place, needs the member's history: asked for now.
    if (switched === 'pane' && chat.history === undefined) return signIn('get');
    display.chatShown(chat);
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
    asking = true;
    const answer = settle(action === 'new' ? deps.startNewConversation : () => askForChat(deps, display.paneShown), readChat);
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
      starting = asking = false;
      if (result.ok) return showChat(result);
      if (options.quiet) return deps.log?.('sitegpt-member-chat', { what: 'refresh-failed', code: result.code });
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

  /**
   * The member's chat, asked for again while it shows: their thread changed on another device, or
   * the service changed (a notice, a re-check, a send refused as CHAT_CLOSED). A call already on
   * its way brings the same; if this one fails, the chat on screen stays.
   */
  function follow(): void {
    if (disposed || asking || deletion.busy || !shownThread || !deps.loggedIn()) return;
    signIn('get', { quiet: true });
  }

  /** Shows whatever the login state is now. */
  function refresh(): void {
    if (deps.loggedIn()) signIn('get');
    else signOut();
  }

  function wire(): void {
    display.wire(); // before anything else: the element is in native mode before it sees a member
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
    element.on('sitegpt-delete-chat', () => {
      if (disposed || starting || !deps.loggedIn()) return;
      set('notice', '');
      deletion.request();
    });
    // Without realtime the service is re-checked only while the chat can be seen.
    element.on('sitegpt-visibility', (event) => {
      const visible = isRecord(event.detail) ? event.detail.visible : undefined;
      if (!disposed && typeof visible === 'boolean') watch.setVisible(visible);
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
      deletion.reset();
      display.dispose();
      watch.stop();
      for (const unsubscribe of unsubscribers.splice(0)) unsubscribe();
      forget();
    },
  };
  connections.set(element, connection);
  return connection;
}
