/**
 * What the page-side controller (sitegpt-member-chat.ts) is given: the element as Wix page code
 * reaches it, and the services masterPage wires in (the sandbox wires its own, tests fakes).
 */
import type { NativeDeps } from './native/native-deps.js';

/** What Wix page code can do with a custom element (`$w('#memberChat')`). */
export interface MemberChatElement {
  setAttribute(name: string, value: string): void;
  on(event: string, handler: (event: { detail?: unknown }) => void): void;
}

/** getMemberChat's argument: the newest page (when the pane shows) and the page the member is on. */
export interface GetMemberChatArgs {
  history?: true;
  path?: string;
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
  /** The web methods of `backend/sitegpt.web`; the pane asks getMemberChat for `{history: true}`. */
  getMemberChat(args?: GetMemberChatArgs): Promise<unknown>;
  startNewConversation(): Promise<unknown>;
  /** *Delete my chat*: `forgetMyChat()` of `backend/sitegpt.web`; without it a press says the chat is not set up correctly. */
  forgetMyChat?(): Promise<unknown>;
  /**
   * The path of the page the member is on (`/pricing`), for the typed context the backend builds
   * (`@wix/site-location` on a site). Optional; a path that is not a plain site path of at most
   * 200 characters is not sent.
   */
  pagePath?(): string | undefined | Promise<string | undefined>;
  /** True in the browser; false in Wix's server-side render, where nothing must happen. */
  isBrowser(): boolean | Promise<boolean>;
  /** Receives the element's `sitegpt-error` and `sitegpt-thread-mismatch` events, and the controller's own notes. */
  log?(event: string, detail: unknown): void;
  /** `widget` (default): SiteGPT's widget talks to SiteGPT. `native`: the element's own pane, every message through the backend. */
  mode?: 'widget' | 'native';
  /**
   * The pane's web methods: required in native mode; in widget mode they let the pane stand in
   * for the widget while the operator's service is `fallback` (without them the widget stays).
   */
  sendChatMessage?: NativeDeps['sendChatMessage'];
  getChatMessages?: NativeDeps['getChatMessages'];
  rateAnswer?: NativeDeps['rateAnswer'];
  /** The pane's *Talk to a person*: `requestHuman()` of `backend/sitegpt.web`. */
  requestHuman?: NativeDeps['requestHuman'];
  /** Realtime (`@wix/site-realtime`): the member's notices (the pane) and the site's service notices (both modes); without it page code polls. */
  subscribe?: NativeDeps['subscribe'];
  /** The timers polling uses (tests); default the global ones. */
  scheduler?: NativeDeps['scheduler'];
}

export interface MemberChatConnection {
  /** Settles once the environment check is done: true when connected, false when not in a browser. */
  readonly ready: Promise<boolean>;
  /** Stops listening to login changes and element events; pending answers are dropped. */
  dispose(): void;
}
