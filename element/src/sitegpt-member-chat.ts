import { LitElement, type TemplateResult } from 'lit';
import { ATTRIBUTE_NAMES } from './attributes.js';
import { ChatController } from './chat-controller.js';
import type { ChatState } from './chat-state.js';
import { chatTemplate } from './chat-template.js';
import { paneStyles } from './pane/pane.styles.js';
import { styles } from './sitegpt-member-chat.styles.js';

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

  // The element is a shell: its parts, the view they derive and the actions live in the controller.
  readonly #chat = new ChatController(this, () => this.performUpdate());

  /** The current state; also reflected as the read-only `state` attribute. */
  get state(): ChatState {
    return this.#chat.view.state;
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'state') {
      // Read-only: a value page code writes is put back.
      if (value !== this.state) this.setAttribute('state', this.state);
    } else this.#chat.inputs.changed(name, old, value);
  }

  protected override willUpdate(): void {
    this.#chat.derive();
  }

  protected override updated(): void {
    this.#chat.settle();
  }

  protected override render(): TemplateResult {
    return chatTemplate(this.#chat);
  }
}
