import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { ATTRIBUTE_NAMES, parseAttributes } from './attributes.js';
import { deriveView, type ChatState, type ChatView } from './chat-state.js';
import { emit } from './events.js';
import { LABEL_KEYS, builtInLabels, errorLabel, type Labels } from './labels.js';
import { MemberScope } from './member-scope.js';
import { HandoffFlow, handoffButton, type HandoffState, type HandoffView } from './pane/handoff.js';
import { PaneController } from './pane/pane-controller.js';
import { paneStyles } from './pane/pane.styles.js';
import { paneAnnouncement, paneView } from './pane/pane-view.js';
import { reflectState } from './reflect-state.js';
import { closedPanel, readService } from './service.js';
import { styles } from './sitegpt-member-chat.styles.js';
import { ToolbarFlow } from './toolbar-flow.js';
import { announcement, errorPanel, loadingPanel, noticeView, signedOutPanel, toolbarView } from './views.js';
import { WidgetHost } from './widget/widget-host.js';

const DEFAULT_SIGNED_OUT_DELAY = 3000;
const DEFAULT_WIDGET_TIMEOUT = 20000;
/** Member-scoped attributes the native pane takes as they are set, so two quick sets both count. */
const PANE_INPUTS = new Set(['thread', 'messages', 'send-error']);

/**
 * One SiteGPT conversation per signed-in Wix member. Page code sets `member-id` and
 * `thread`; the element shows a signed-out, loading or error view, and mounts the SiteGPT
 * widget on that member's thread inside its shadow root once it arrives. With
 * `mode="native"` it renders the conversation itself from `messages`, and every message the
 * member sends goes out as an event for page code to pass to the backend.
 *
 * @summary SiteGPT chat pinned to the signed-in member's own thread.
 * @tag sitegpt-member-chat
 *
 * @attr chatbot-id - SiteGPT chatbot ID (numeric or UUID). Required.
 * @attr member-id - Absent: not known yet. `""`: signed out. A value: the signed-in member.
 * @attr thread - The member's SiteGPT thread ID (UUID-shaped), set for the current `member-id`.
 * @attr email - The member's login email, for the widget's verified identity.
 * @attr email-signature - Hex HMAC-SHA256 of `email` from the backend.
 * @attr error - A backend error code; shows the error view (with a retry button where a retry can help).
 * @attr notice - A backend error code after *New conversation* or *Delete my chat* failed: the old chat stays, under a notice. `""` clears it.
 * @attr widget-strategy - `frame` (default) or `script`.
 * @attr widget-url - `frame` URL template with `{chatbotId}`, `{thread}`, `{email}`, `{signature}`; https (http only on localhost); never the page's own origin.
 * @attr ready-on - `message` (default): ready on the widget's first message; `load`: once its frame loaded, which an error page also does.
 * @attr loader-url - `script` loader URL template. Default `https://sitegpt.ai/widget/{chatbotId}.js`.
 * @attr loader-isolation - `script`: `sandboxed` (default, an opaque-origin frame) or `same-origin` (the loader gets the page's rights).
 * @attr resume-command - `script`: JSON `$sitegpt` command that opens a thread, e.g. `["set","thread:id","{thread}"]`.
 * @attr widget-context - `script`: JSON `[prefix, suffix]` for `set context`.
 * @attr widget-css - `script`: CSS for `set css`.
 * @attr frame-css - `script`: stylesheet of the isolated frame hosting the loader.
 * @attr lang - Language of the built-in strings (`en`, `de`); defaults to the page's language.
 * @attr signed-out-delay - Milliseconds to wait for `member-id` before showing the signed-out view. Default 3000.
 * @attr widget-timeout - Milliseconds the widget may take to load before the error view. Default 20000.
 * @attr mode - `widget` (default): SiteGPT's widget; `native`: the element's own pane, every message through page code.
 * @attr messages - Native: JSON page of turns `{threadId, turns, older, cursor}` for `thread` (≤ 512 KiB), merged by turn `id`, higher `rev` wins. `""` clears.
 * @attr send-error - Native: JSON `{id, code, retryAfterMs?}`: the send of turn `id` failed (≤ 1 KiB). `""` clears.
 * @attr starters - Native: JSON array of up to 6 questions (≤ 120 characters) offered on an empty thread.
 * @attr handoff - Native, page code: `offer` (after poor answers the pane offers a person) or `active` (handed off: a person replies here). `""` for neither.
 * @attr handoff-error - Native, page code: a backend error code when the member's request for a person failed. `""` clears it.
 * @attr service - Page code: JSON `{mode, contactUrl, message?}` (≤ 4 KiB) from getMemberChat. `off`: the closed view; `fallback`: the pane says answers are automatic. `""` clears.
 * @attr label-* - Override of any visible string, e.g. `label-sign-in`, `label-retry`, `label-error-title`.
 * @attr state - Read-only: `pending`, `signed-out`, `loading`, `ready`, `error` or `closed`.
 *
 * @fires sitegpt-login-request - The visitor asked to sign in.
 * @fires sitegpt-retry - The member asked to retry after an error. Detail `{code}`.
 * @fires sitegpt-new-conversation - The member confirmed a fresh conversation (or tried again after a notice). Detail `{threadId}`.
 * @fires sitegpt-ready - The widget came alive on the stored thread (see `ready-on`). Detail `{threadId}`.
 * @fires sitegpt-error - An attribute is invalid, or the widget did not come alive or could not be mounted. Detail `{code, message, attribute?}`.
 * @fires sitegpt-widget-event - A SiteGPT tracking event. Detail `{name, threadId?}`.
 * @fires sitegpt-thread-mismatch - The widget reported another thread than the stored one. Detail `{expected, actual}`.
 * @fires sitegpt-send - Native: the member sent (or retried, with the same ID) a question. Detail `{clientMessageId, text}`.
 * @fires sitegpt-load-older - Native: the member reached the top of the history. Detail `{before}`, once per cursor.
 * @fires sitegpt-react - Native: thumbs on an answer. Detail `{messageId, reaction}`: `POSITIVE`, `NEGATIVE` or `NEUTRAL` (cleared).
 * @fires sitegpt-request-human - Native: the member pressed *Talk to a person* (once until page code answers with `handoff="active"` or `handoff-error`). Detail `{}`.
 * @fires sitegpt-delete-chat - The member confirmed *Delete my chat* in the toolbar's menu (once until page code answers with another `thread`, `notice` or `error`). Detail `{}`.
 * @fires sitegpt-visibility - The chat (pane, widget or closed view) came into or out of view; page code polls only while it is visible. Detail `{visible}`.
 *
 * @csspart base - The element's whole box.
 * @csspart toolbar - The bar above the widget in the ready state.
 * @csspart toolbar-text - The toolbar's question or busy text.
 * @csspart confirm - The inline confirmation of a new conversation.
 * @csspart busy-text - "Starting a new conversation…".
 * @csspart menu-button - The toolbar's menu button (*Chat options*), which shows *Delete my chat*.
 * @csspart menu - The menu's box.
 * @csspart delete-chat-button - *Delete my chat* in the menu.
 * @csspart deleted-text - "Your chat was deleted.", beside the fresh chat that replaced it.
 * @csspart notice - The alert above the old chat when a new conversation could not be started.
 * @csspart notice-text - The notice's words.
 * @csspart widget - The box the widget frame fills.
 * @csspart frame - The widget's iframe.
 * @csspart panel - The signed-out, loading, error and closed views (the error view has `data-code`, the closed view `data-code="CHAT_CLOSED"`).
 * @csspart title - A view's heading.
 * @csspart text - A view's text.
 * @csspart button - Every button.
 * @csspart sign-in-button - The sign-in button.
 * @csspart retry-button - The retry button of the error view.
 * @csspart new-conversation-button - The new-conversation button.
 * @csspart confirm-button - *Start new* in the confirmation.
 * @csspart cancel-button - *Cancel* in the confirmation.
 * @csspart notice-retry-button - *Try again* in the notice.
 * @csspart dismiss-button - *Dismiss* in the notice.
 * @csspart contact - The closed view's contact line.
 * @csspart contact-link - The closed view's link to the site's contact path.
 * @csspart pane - Native: the conversation with its composer.
 * @csspart service-note - Native: the line saying answers are automatic right now (`service` mode `fallback`).
 * @csspart log - Native: the scrolling history.
 * @csspart turn - Native: one question and its answer.
 * @csspart question - Native: the member's message.
 * @csspart answer - Native: an answer (`data-kind` says who gave it).
 * @csspart markdown - Native: an answer's text.
 * @csspart sources - Native: an answer's sources.
 * @csspart vote-button - Native: thumbs up or down (`aria-pressed`).
 * @csspart send-error - Native: why a message was not sent.
 * @csspart retry-send-button - Native: *Retry* on a message that was not sent.
 * @csspart older-button - Native: *Show earlier messages*.
 * @csspart starter-button - Native: a suggested first question.
 * @csspart typing - Native: the typing indicator.
 * @csspart jump-button - Native: *Jump to latest*.
 * @csspart composer - Native: the message form.
 * @csspart input - Native: the message field.
 * @csspart counter - Native: characters used, near the limit.
 * @csspart send-button - Native: *Send*.
 * @csspart handoff-offer - Native: the offer of a person under the last answer (`handoff="offer"`).
 * @csspart handoff-button - Native: *Talk to a person*, in the offer and in the toolbar (`aria-disabled` while asking).
 * @csspart handoff-banner - Native: the line saying the member is talking to the site's team (`handoff="active"`).
 * @csspart handoff-error - Native: why the request for a person failed.
 *
 * @cssprop [--sitegpt-member-chat-accent=#2563eb] - Buttons and links.
 * @cssprop [--sitegpt-member-chat-accent-foreground=#fff] - Text on accent buttons.
 * @cssprop [--sitegpt-member-chat-background=#fff] - Background of the views.
 * @cssprop [--sitegpt-member-chat-foreground=#1f2937] - Text colour.
 * @cssprop [--sitegpt-member-chat-muted=#6b7280] - Secondary text colour.
 * @cssprop [--sitegpt-member-chat-radius=12px] - Corner radius.
 * @cssprop [--sitegpt-member-chat-font] - Font shorthand.
 * @cssprop [--sitegpt-member-chat-focus-ring=#f59e0b] - Focus outline colour.
 * @cssprop [--sitegpt-member-chat-min-height=320px] - Height when the page gives the element none.
 *
 * @cssstate pending - Waiting to learn whether a member is signed in.
 * @cssstate signed-out - No member is signed in.
 * @cssstate loading - Waiting for the member's thread or the widget.
 * @cssstate ready - The widget (native: the member's history) is showing the member's thread.
 * @cssstate error - Something failed; the view says what the member can do.
 * @cssstate closed - The site closed the chat (`service` mode `off`): the view says how to reach the team.
 */
export class SitegptMemberChatElement extends LitElement {
  static override styles = [styles, paneStyles];

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, ...ATTRIBUTE_NAMES, 'state'];
  }

  readonly #internals = this.attachInternals();
  readonly #scope = new MemberScope();
  readonly #widget = new WidgetHost(this);
  readonly #flow = new ToolbarFlow(this, (action, threadId) =>
    action === 'delete' ? emit(this, 'sitegpt-delete-chat', {}) : emit(this, 'sitegpt-new-conversation', { threadId })
  );
  readonly #pane = new PaneController(this);
  readonly #handoff = new HandoffFlow(this);
  #view: ChatView = { state: 'pending' };
  #labels: Labels = builtInLabels(undefined);
  #graceOver = false;
  #graceTimer?: ReturnType<typeof setTimeout>;
  #reported = '';
  #lang?: string;

  constructor() {
    super();
    // The member wrote in the fresh chat: the toolbar stops saying the old one was deleted.
    this.addEventListener('sitegpt-send', () => this.#flow.moveOn());
  }

  /** The current state; also reflected as the read-only `state` attribute. */
  get state(): ChatState {
    return this.#view.state;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.#graceOver && !this.#graceTimer) {
      const parsed = parseAttributes((name) => this.getAttribute(name));
      const delay = Number((parsed.ok && parsed.value['signed-out-delay']) || DEFAULT_SIGNED_OUT_DELAY);
      this.#graceTimer = setTimeout(() => {
        this.#graceOver = true;
        this.requestUpdate();
      }, delay);
    }
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#graceTimer);
    this.#graceTimer = undefined;
    this.#widget.unmount();
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'state') {
      if (value !== this.#view.state) this.setAttribute('state', this.#view.state);
      return;
    }
    // Synchronous on purpose: the previous member's widget must be gone before anything
    // else runs, not at the next render.
    if (name === 'member-id') {
      if (this.#scope.setMember(value)) {
        this.#widget.unmount();
        this.#pane.input(name, this.#owned);
        this.#handoff.reset();
        // Likewise the previous member's turns leave the DOM now.
        if (this.hasUpdated && this.getAttribute('mode') === 'native') {
          this.requestUpdate();
          this.performUpdate();
        }
      }
    } else {
      this.#scope.noteSet(name);
      if (PANE_INPUTS.has(name)) this.#pane.input(name, this.#owned);
    }
    if (name === 'notice') this.#flow.noticeSet();
    // Page code's answer to *Talk to a person*: handed off, or why not; or another thread, which the request was not for.
    if (name === 'handoff-error' || (name === 'handoff' && value === 'active') || (name === 'thread' && value !== old)) this.#handoff.answered();
    this.requestUpdate();
  }

  protected override willUpdate(): void {
    const view = deriveView({
      parsed: parseAttributes((name) => this.getAttribute(name)),
      owns: (name) => this.#scope.owns(name),
      graceOver: this.#graceOver,
      widget: (request) => this.#widget.status(request),
      pageOrigin: (this.ownerDocument.defaultView ?? window).location.origin,
      paneReady: (thread) => this.#pane.turns.thread === thread && this.#pane.turns.loaded,
    });
    const config = view.config;
    this.#lang = config?.lang ?? (this.closest('[lang]')?.getAttribute('lang') || undefined);
    const base = builtInLabels(this.#lang);
    this.#labels = config
      ? (Object.fromEntries(LABEL_KEYS.map((key) => [key, config[`label-${key}`] ?? base[key]])) as Labels)
      : base;
    this.#view = view;
    this.#flow.sync({ state: view.state, member: config?.['member-id'], thread: config?.thread, notice: config?.notice });
    reflectState(this, this.#internals, view.state);
  }

  protected override updated(): void {
    const timeout = Number(this.#view.config?.['widget-timeout'] ?? DEFAULT_WIDGET_TIMEOUT);
    const container = this.renderRoot.querySelector<HTMLElement>('.widget');
    this.#widget.sync(this.#view.widget, container, this.#labels['widget-title'], timeout);
    this.#reportOutcome();
  }

  protected override render(): TemplateResult {
    const t = this.#labels;
    const { state } = this.#view;
    const busy = state === 'pending' || state === 'loading';
    const code = this.#flow.notice();
    const config = this.#view.config;
    const native = config?.mode === 'native';
    const ready = state === 'ready';
    const said = native && ready && this.#flow.phase !== 'busy' && paneAnnouncement(this.#pane, t);
    const handoff: HandoffView = { state: (config?.handoff ?? '') as HandoffState, flow: this.#handoff, error: config?.['handoff-error'] };
    return html`<div part="base" class="base" aria-busy=${busy ? 'true' : 'false'}>
      ${ready ? toolbarView(t, this.#flow, native && handoff.state !== 'active' ? handoffButton(handoff, t) : nothing) : nothing}
      ${code ? noticeView(t, code, this.#flow, this.#askSignIn) : nothing}
      <div class="stage">
        ${native
          ? ready
            ? paneView(this.#pane, t, JSON.parse(config.starters ?? '[]') as string[], handoff, this.#lang, this.#service()?.mode === 'fallback')
            : nothing
          : html`<div part="widget" class=${ready ? 'widget' : 'widget behind'}></div>`}
        ${this.#panel()}
      </div>
      <div class="sr-only" role="status">${said || announcement(t, this.#view, this.#flow)}</div>
    </div>`;
  }

  #panel(): TemplateResult | typeof nothing {
    const { state, error } = this.#view;
    if (state === 'ready') return nothing;
    if (state === 'signed-out') return signedOutPanel(this.#labels, this.#askSignIn);
    if (state === 'closed') return closedPanel(this.#labels, this.#service()!);
    if (state === 'error' && error) return errorPanel(this.#labels, error, { signIn: this.#askSignIn, retry: this.#retry });
    return loadingPanel(this.#labels);
  }

  /** Fires sitegpt-ready / sitegpt-error once per transition, never to echo page code's own `error`. */
  #reportOutcome(): void {
    const { state, error, widget, config } = this.#view;
    const thread = widget?.thread ?? config?.thread;
    const outcome = state === 'error' ? `error:${error?.code}:${error?.attribute}` : `${state}:${thread}`;
    if (outcome === this.#reported) return;
    this.#reported = outcome;
    if (state === 'ready' && thread) emit(this, 'sitegpt-ready', { threadId: thread });
    if (state === 'error' && error && !error.fromPage) {
      const message = this.#labels[errorLabel(error.code)];
      emit(this, 'sitegpt-error', error.attribute ? { code: error.code, message, attribute: error.attribute } : { code: error.code, message });
    }
  }

  #service = () => readService(this.#view.config?.service ?? '');

  #askSignIn = (): void => emit(this, 'sitegpt-login-request', {});

  /** A member-scoped attribute's value if it was set for the current member, else nothing. */
  #owned = (name: string): string | undefined => (this.#scope.owns(name) && this.getAttribute(name)) || undefined;

  #retry = (): void => {
    const code = this.#view.error?.code ?? 'INTERNAL';
    // A widget that timed out or failed to mount is ours to reload; a backend error is page code's to redo.
    if (code === 'WIDGET_TIMEOUT' || code === 'WIDGET_FAILED') {
      this.#widget.unmount();
      this.requestUpdate();
    }
    emit(this, 'sitegpt-retry', { code });
  };
}
