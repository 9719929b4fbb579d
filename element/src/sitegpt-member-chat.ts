import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { ATTRIBUTE_NAMES, parseAttributes } from './attributes.js';
import { deriveView, type ChatState, type ChatView, type WidgetStatus } from './chat-state.js';
import { emit, type WidgetEvent } from './events.js';
import { LABEL_KEYS, builtInLabels, errorLabel, type Labels } from './labels.js';
import { MemberScope } from './member-scope.js';
import { styles } from './sitegpt-member-chat.styles.js';
import { mountFrame } from './widget/frame-mount.js';
import { mountScript } from './widget/script-mount.js';
import type { WidgetMount, WidgetRequest } from './widget/widget-mount.js';

const DEFAULT_SIGNED_OUT_DELAY = 3000;
const DEFAULT_WIDGET_TIMEOUT = 20000;

interface ActiveWidget {
  key: string;
  thread: string;
  status: Exclude<WidgetStatus, 'none'>;
  mount?: WidgetMount;
  timer?: ReturnType<typeof setTimeout>;
  reportedThreads: Set<string>;
}

/**
 * One SiteGPT conversation per signed-in Wix member. Page code sets `member-id` and
 * `thread`; the element shows a signed-out, loading or error view, and mounts the SiteGPT
 * widget on that member's thread inside its shadow root once it arrives.
 *
 * @summary SiteGPT chat pinned to the signed-in member's own thread.
 * @tag sitegpt-member-chat
 *
 * @attr chatbot-id - SiteGPT chatbot ID (numeric or UUID). Required.
 * @attr member-id - Absent: not known yet. `""`: signed out. A value: the signed-in member.
 * @attr thread - The member's SiteGPT thread ID (UUID-shaped), set for the current `member-id`.
 * @attr email - The member's login email, for the widget's verified identity.
 * @attr email-signature - Hex HMAC-SHA256 of `email` from the backend.
 * @attr error - A backend error code; shows the error view with a retry button.
 * @attr widget-strategy - `frame` (default) or `script`.
 * @attr widget-url - `frame` URL template with `{chatbotId}`, `{thread}`, `{email}`, `{signature}`; https (http only on localhost).
 * @attr loader-url - `script` loader URL template. Default `https://sitegpt.ai/widget/{chatbotId}.js`.
 * @attr resume-command - `script`: JSON `$sitegpt` command that opens a thread, e.g. `["set","thread:id","{thread}"]`.
 * @attr widget-context - `script`: JSON `[prefix, suffix]` for `set context`.
 * @attr widget-css - `script`: CSS for `set css`.
 * @attr frame-css - `script`: stylesheet of the isolated frame hosting the loader.
 * @attr lang - Language of the built-in strings (`en`, `de`); defaults to the page's language.
 * @attr signed-out-delay - Milliseconds to wait for `member-id` before showing the signed-out view. Default 3000.
 * @attr widget-timeout - Milliseconds the widget may take to load before the error view. Default 20000.
 * @attr label-* - Override of any visible string, e.g. `label-sign-in`, `label-retry`, `label-error-title`.
 * @attr state - Read-only: `pending`, `signed-out`, `loading`, `ready` or `error`.
 *
 * @fires sitegpt-login-request - The visitor asked to sign in.
 * @fires sitegpt-retry - The member asked to retry after an error. Detail `{code}`.
 * @fires sitegpt-new-conversation - The member asked for a fresh conversation. Detail `{threadId}`.
 * @fires sitegpt-ready - The widget loaded on the stored thread. Detail `{threadId}`.
 * @fires sitegpt-error - An attribute is invalid or the widget did not load. Detail `{code, message, attribute?}`.
 * @fires sitegpt-widget-event - A SiteGPT tracking event. Detail `{name, threadId?}`.
 * @fires sitegpt-thread-mismatch - The widget reported another thread than the stored one. Detail `{expected, actual}`.
 *
 * @csspart base - The element's whole box.
 * @csspart toolbar - The bar above the widget in the ready state.
 * @csspart widget - The box the widget frame fills.
 * @csspart frame - The widget's iframe.
 * @csspart panel - The signed-out, loading and error views.
 * @csspart title - A view's heading.
 * @csspart text - A view's text.
 * @csspart code - The error code in the error view.
 * @csspart button - Every button.
 * @csspart sign-in-button - The sign-in button.
 * @csspart retry-button - The retry button.
 * @csspart new-conversation-button - The new-conversation button.
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
 * @cssstate ready - The widget is showing the member's thread.
 * @cssstate error - Something failed; a retry button is shown.
 */
export class SitegptMemberChatElement extends LitElement {
  static override styles = styles;

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, ...ATTRIBUTE_NAMES, 'state'];
  }

  readonly #internals = this.attachInternals();
  readonly #scope = new MemberScope();
  #view: ChatView = { state: 'pending' };
  #labels: Labels = builtInLabels(undefined);
  #graceOver = false;
  #graceTimer?: ReturnType<typeof setTimeout>;
  #widget?: ActiveWidget;
  #reported = '';

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
    this.#unmount();
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
      if (this.#scope.setMember(value)) this.#unmount();
    } else {
      this.#scope.noteSet(name);
    }
    this.requestUpdate();
  }

  protected override willUpdate(): void {
    const view = deriveView({
      parsed: parseAttributes((name) => this.getAttribute(name)),
      owns: (name) => this.#scope.owns(name),
      graceOver: this.#graceOver,
      widget: (request) => (this.#widget?.key === keyOf(request) ? this.#widget.status : 'none'),
    });
    const config = view.config;
    const base = builtInLabels(config?.lang ?? (this.closest('[lang]')?.getAttribute('lang') || undefined));
    this.#labels = config
      ? (Object.fromEntries(LABEL_KEYS.map((key) => [key, config[`label-${key}`] ?? base[key]])) as Labels)
      : base;
    this.#view = view;
    if (this.getAttribute('state') !== view.state) this.setAttribute('state', view.state);
    const states = this.#internals.states;
    states.clear();
    states.add(view.state);
  }

  protected override updated(): void {
    const request = this.#view.widget;
    if (!request) this.#unmount();
    else if (this.#widget?.key !== keyOf(request)) this.#mount(request);
    this.#reportOutcome();
  }

  protected override render(): TemplateResult {
    const { state } = this.#view;
    const busy = state === 'pending' || state === 'loading';
    return html`<div part="base" class="base" aria-busy=${busy ? 'true' : 'false'}>
      ${state === 'ready'
        ? html`<div part="toolbar" class="toolbar">
            <button type="button" part="button new-conversation-button" @click=${this.#askNewConversation}>
              ${this.#labels['new-conversation']}
            </button>
          </div>`
        : nothing}
      <div class="stage">
        <div part="widget" class=${state === 'ready' ? 'widget' : 'widget behind'}></div>
        ${this.#panel()}
      </div>
      <div class="sr-only" role="status">${this.#announcement()}</div>
    </div>`;
  }

  #panel(): TemplateResult | typeof nothing {
    const t = this.#labels;
    const { state, error } = this.#view;
    if (state === 'ready') return nothing;
    if (state === 'signed-out') {
      return html`<div part="panel" class="panel">
        <h2 part="title">${t['signed-out-title']}</h2>
        <p part="text">${t['signed-out-text']}</p>
        <button type="button" part="button sign-in-button" @click=${this.#askSignIn}>${t['sign-in']}</button>
      </div>`;
    }
    if (state === 'error' && error) {
      return html`<div part="panel" class="panel">
        <h2 part="title">${t['error-title']}</h2>
        <p part="text">${t[errorLabel(error.code)]}</p>
        <p part="code" class="code">${error.attribute ? `${error.code} · ${error.attribute}` : error.code}</p>
        <button type="button" part="button retry-button" @click=${this.#retry}>${t.retry}</button>
      </div>`;
    }
    return html`<div part="panel" class="panel">
      <div class="skeleton" aria-hidden="true"><span></span><span></span><span></span></div>
      <p part="text">${t.loading}</p>
    </div>`;
  }

  #announcement(): string {
    const t = this.#labels;
    const { state, error } = this.#view;
    if (state === 'error' && error) return t[errorLabel(error.code)];
    if (state === 'signed-out') return t['signed-out-title'];
    if (state === 'ready') return t.ready;
    return state === 'loading' ? t.loading : '';
  }

  #mount(request: WidgetRequest): void {
    this.#unmount();
    const container = this.renderRoot.querySelector<HTMLElement>('.widget');
    if (!container) return;
    const active: ActiveWidget = { key: keyOf(request), thread: request.thread, status: 'loading', reportedThreads: new Set() };
    this.#widget = active;
    const strategy = request.strategy === 'script' ? mountScript : mountFrame;
    active.mount = strategy(container, {
      ...request,
      title: this.#labels['widget-title'],
      onEvent: (event) => this.#forwardWidgetEvent(active, event),
    });
    const timeout = Number(this.#view.config?.['widget-timeout'] ?? DEFAULT_WIDGET_TIMEOUT);
    active.timer = setTimeout(() => {
      active.mount?.destroy();
      active.mount = undefined;
      active.status = 'timeout';
      this.requestUpdate();
    }, timeout);
    void active.mount.loaded.then(() => {
      if (this.#widget !== active || active.status !== 'loading') return;
      clearTimeout(active.timer);
      active.status = 'loaded';
      this.requestUpdate();
    });
  }

  #unmount(): void {
    const active = this.#widget;
    if (!active) return;
    this.#widget = undefined;
    clearTimeout(active.timer);
    active.mount?.destroy();
  }

  #forwardWidgetEvent(active: ActiveWidget, event: WidgetEvent): void {
    if (this.#widget !== active) return;
    emit(this, 'sitegpt-widget-event', event);
    const actual = event.threadId;
    if (actual && actual !== active.thread && !active.reportedThreads.has(actual)) {
      active.reportedThreads.add(actual);
      emit(this, 'sitegpt-thread-mismatch', { expected: active.thread, actual });
    }
  }

  /** Fires sitegpt-ready / sitegpt-error once per transition, never to echo page code's own `error`. */
  #reportOutcome(): void {
    const { state, error, widget } = this.#view;
    const outcome = state === 'error' ? `error:${error?.code}:${error?.attribute}` : `${state}:${widget?.thread}`;
    if (outcome === this.#reported) return;
    this.#reported = outcome;
    if (state === 'ready' && widget) emit(this, 'sitegpt-ready', { threadId: widget.thread });
    if (state === 'error' && error && !error.fromPage) {
      const message = this.#labels[errorLabel(error.code)];
      emit(this, 'sitegpt-error', error.attribute ? { code: error.code, message, attribute: error.attribute } : { code: error.code, message });
    }
  }

  #askSignIn = (): void => emit(this, 'sitegpt-login-request', {});

  #askNewConversation = (): void => emit(this, 'sitegpt-new-conversation', { threadId: this.#view.widget?.thread ?? '' });

  #retry = (): void => {
    const code = this.#view.error?.code ?? 'INTERNAL';
    // A widget that timed out is ours to reload; a backend error is page code's to redo.
    if (code === 'WIDGET_TIMEOUT') {
      this.#unmount();
      this.requestUpdate();
    }
    emit(this, 'sitegpt-retry', { code });
  };
}

function keyOf(request: WidgetRequest): string {
  return JSON.stringify(request);
}
