/**
 * The page-side controller (architecture.md §5): drives `<sitegpt-member-chat>` from the
 * visitor's login state and the backend's answers. No Wix import: masterPage wires `$w`,
 * `@wix/authentication`, `@wix/site-members`, `@wix/site-window` and the web methods in.
 * Its other jobs are files beside it, named for them (the pane: chat-display.ts, native/).
 *
 * The element's rule it keeps (element-attributes.ts): for every answer `member-id` is set
 * first, then the service, the member's email, signature, error and thread. An answer for a
 * member who is no longer current is dropped: each request takes a token, and anything that
 * changes who is signed in takes a new one.
 */
import { askForChat, readChat, type Chat } from './chat-answer.js';
import { ChatDeletion } from './chat-deletion.js';
import { ChatDisplay } from './chat-display.js';
import type { MemberChatConnection, MemberChatDeps, MemberChatElement } from './controller-deps.js';
import { elementAttributes, type ChatAction } from './element-attributes.js';
import { connectOnce, type Connected } from './element-connection.js';
import { followLogin } from './login-events.js';
import { GLOBAL_TIMERS } from './native/live-updates.js';
import { ServiceWatch } from './service-watch.js';
import { codeOf, isRecord, settle } from './web-method-answers.js';

export { rejectionCode } from './web-method-answers.js';
export type { GetMemberChatArgs, MemberChatConnection, MemberChatDeps, MemberChatElement } from './controller-deps.js';
export type { RealtimeChannel, Scheduler, Subscribe } from './native/live-updates.js';

/** The element's own errors about the widget; it retries those by itself. */
const WIDGET_CODES = new Set<unknown>(['WIDGET_TIMEOUT', 'WIDGET_FAILED']);

/**
 * Connects the element to the login state and the backend. Safe to call from every run of
 * `$w.onReady`: outside the browser it does nothing, and for an element that is already
 * connected it returns the existing connection.
 */
export function connectMemberChat(element: MemberChatElement, deps: MemberChatDeps): MemberChatConnection {
  return connectOnce(element, deps, controller);
}

// One element's controller: wired once the browser check passed, disposed at most once.
function controller(element: MemberChatElement, deps: MemberChatDeps): Connected {
  const display = new ChatDisplay(element, deps, () => follow());
  const watch = new ServiceWatch({ subscribe: deps.subscribe, scheduler: deps.scheduler ?? GLOBAL_TIMERS, check: () => follow(), log: deps.log });

  let disposed = false;
  let token = 0;
  /** True while a new conversation is being asked for: a second press sends nothing. */
  let starting = false;
  /** True while getMemberChat or startNewConversation is on its way: its answer brings the service anyway. */
  let asking = false;
  let endLogin: (() => void) | undefined;
  const shown = elementAttributes(
    element,
    (member) => {
      deletion.reset();
      display.memberSet(member);
    },
    deps.log,
  );
  const set = shown.set;
  const deletion = new ChatDeletion({
    forgetMyChat: deps.forgetMyChat,
    member: () => shown.member,
    // The mapping and the mirrored messages are gone: the member's next chat is a new, empty one.
    deleted: () => signIn('get'),
    failed: (code) => shown.failed('get', code, true),
  });

  function signOut(): void {
    token++;
    starting = asking = false;
    watch.stop();
    shown.signOut();
  }

  /**
   * Sets the member's chat: member-id first, then the service and what belongs to the member, the
   * thread last. Widget mode shows the pane instead of the widget while the service is `fallback`.
   */
  function showChat(chat: Chat): void {
    set('member-id', chat.memberId);
    const service = chat.service;
    shown.service(service);
    watch.setMode(service?.mode ?? 'on');
    watch.start();
    const switched = display.choose(service?.mode === 'fallback');
    const pane = display.paneShown;
    // The pane mounts no widget, so nothing needs the identity: the email stays out of the DOM.
    set('email', pane ? '' : (chat.email ?? ''));
    set('email-signature', pane ? '' : (chat.emailSignature ?? ''));
    set('error', '');
    set('notice', '');
    if (!pane && (switched || chat.threadId !== shown.thread)) shown.context(chat);
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
      const member = frontMember ?? shown.member;
      if (member !== undefined) set('member-id', member);
      // A new conversation that failed leaves the member the conversation they had.
      shown.failed(action, result.code, action === 'new' && shown.thread !== '');
    });
  }

  /**
   * The member's chat, asked for again while it shows: their thread changed on another device, or
   * the service changed (a notice, a re-check, a send refused as CHAT_CLOSED). A call already on
   * its way brings the same; if this one fails, the chat on screen stays.
   */
  function follow(): void {
    if (disposed || asking || deletion.busy || !shown.thread || !deps.loggedIn()) return;
    signIn('get', { quiet: true });
  }

  /** Shows whatever the login state is now. */
  function refresh(): void {
    if (deps.loggedIn()) signIn('get');
    else signOut();
  }

  function wire(): void {
    display.wire(); // before anything else: the element is in native mode before it sees a member
    element.on('sitegpt-retry', (event) => {
      if (disposed) return;
      // A widget that did not come up is remounted by the element itself; every other error is ours to redo.
      if (WIDGET_CODES.has(codeOf(event.detail))) return;
      if (deps.loggedIn()) signIn(shown.retry, { clearError: true });
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
    endLogin = followLogin(element, deps, { disposed: () => disposed, signedIn: () => signIn('get'), signedOut: signOut });
    refresh();
  }

  return {
    wire,
    dispose() {
      disposed = true;
      token++;
      deletion.reset();
      display.dispose();
      watch.stop();
      endLogin?.();
    },
  };
}
