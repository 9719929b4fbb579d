import { html, nothing, type TemplateResult } from 'lit';
import type { ChatView } from './chat-state.js';
import { errorLabel, type Labels } from './labels.js';
import { chatMenu } from './chat-menu.js';
import type { ToolbarFlow } from './toolbar-flow.js';

/**
 * The element's views as template helpers. Members read words only: error codes stay in
 * events, and on `data-code` for developers. Every value reaches the DOM through Lit's bindings,
 * so none becomes markup.
 */

export interface Actions {
  signIn: () => void;
  retry: () => void;
}

/** What a member can do about an error: most pass with a retry; a setup problem needs the site. */
export function errorAction(code: string): 'retry' | 'sign-in' | 'contact' {
  if (code === 'MISCONFIGURED' || code === 'INVALID_ATTRIBUTE') return 'contact';
  return code === 'NOT_SIGNED_IN' ? 'sign-in' : 'retry';
}

function signInButton(t: Labels, signIn: () => void): TemplateResult {
  return html`<button type="button" part="button sign-in-button" @click=${signIn}>${t['sign-in']}</button>`;
}

export function signedOutPanel(t: Labels, signIn: () => void): TemplateResult {
  return html`<div part="panel" class="panel">
    <h2 part="title">${t['signed-out-title']}</h2>
    <p part="text">${t['signed-out-text']}</p>
    ${signInButton(t, signIn)}
  </div>`;
}

export function loadingPanel(t: Labels): TemplateResult {
  return html`<div part="panel" class="panel">
    <div class="skeleton" aria-hidden="true"><span></span><span></span><span></span></div>
    <p part="text">${t.loading}</p>
  </div>`;
}

export function errorPanel(t: Labels, error: NonNullable<ChatView['error']>, actions: Actions): TemplateResult {
  const action = errorAction(error.code);
  return html`<div part="panel" class="panel" data-code=${error.code} data-attribute=${error.attribute ?? nothing}>
    <h2 part="title">${t['error-title']}</h2>
    <p part="text">${t[errorLabel(error.code)]}</p>
    ${action === 'contact'
      ? html`<p part="text">${t['contact-site']}</p>`
      : action === 'sign-in'
        ? signInButton(t, actions.signIn)
        : html`<button type="button" part="button retry-button" @click=${actions.retry}>${t.retry}</button>`}
  </div>`;
}

/**
 * The bar above the chat in the ready state: *New conversation* and the menu with *Delete my
 * chat*, an action's confirmation, or its busy state; `extra` (the pane's *Talk to a person*)
 * sits beside the button when nothing is under way, after a line saying the chat was just deleted.
 */
export function toolbarView(t: Labels, flow: ToolbarFlow, extra: TemplateResult | typeof nothing = nothing): TemplateResult {
  const deleting = flow.action === 'delete';
  if (flow.phase === 'confirming') {
    return html`<div part="toolbar" class="toolbar">
      <div part="confirm" class="confirm" role="group" aria-labelledby="confirm-text" data-action=${flow.action} @keydown=${flow.cancelOnEscape}>
        <span id="confirm-text" part="toolbar-text">${deleting ? t['confirm-delete-chat'] : t['confirm-new-conversation']}</span>
        <button type="button" part="button confirm-button" @click=${flow.start}>${deleting ? t.delete : t['start-new']}</button>
        <button type="button" part="button cancel-button" @click=${flow.cancel}>${t.cancel}</button>
      </div>
    </div>`;
  }
  const busy = flow.phase === 'busy';
  return html`<div part="toolbar" class="toolbar">
    ${busy
      ? html`<span part="toolbar-text busy-text" tabindex="-1">${deleting ? t['deleting-chat'] : t['starting-new-conversation']}</span>`
      : html`${flow.deleted() ? html`<span part="toolbar-text deleted-text" tabindex="-1">${t['chat-deleted']}</span>` : nothing}${extra}`}
    <button
      type="button"
      part="button new-conversation-button"
      ?disabled=${busy}
      aria-busy=${busy && !deleting ? 'true' : 'false'}
      @click=${flow.confirm}
    >
      ${t['new-conversation']}
    </button>
    ${chatMenu(t, flow, busy)}
  </div>`;
}

/** Above the old chat when a new conversation could not be started, or the chat could not be deleted. */
export function noticeView(t: Labels, code: string, flow: ToolbarFlow, signIn: () => void): TemplateResult {
  const action = errorAction(code);
  return html`<div part="notice" class="notice" role="alert">
    <p part="notice-text">
      <strong>${flow.action === 'delete' ? t['delete-failed'] : t['new-conversation-failed']}</strong> ${t[errorLabel(code)]}
      ${action === 'contact' ? t['contact-site'] : nothing}
    </p>
    <div class="actions">
      ${action === 'retry'
        ? html`<button type="button" part="button notice-retry-button" @click=${flow.start}>${t.retry}</button>`
        : action === 'sign-in'
          ? signInButton(t, signIn)
          : nothing}
      <button type="button" part="button dismiss-button" @click=${flow.dismiss}>${t.dismiss}</button>
    </div>
  </div>`;
}

/** What the live region says for the current view. */
export function announcement(t: Labels, view: ChatView, flow: ToolbarFlow): string {
  const { state, error } = view;
  if (state === 'error' && error) return t[errorLabel(error.code)];
  if (state === 'signed-out') return t['signed-out-title'];
  if (state === 'closed') return t['closed-title'];
  if (state === 'ready') {
    if (flow.phase === 'busy') return flow.action === 'delete' ? t['deleting-chat'] : t['starting-new-conversation'];
    return flow.deleted() ? t['chat-deleted'] : t.ready;
  }
  return state === 'loading' ? t.loading : '';
}
