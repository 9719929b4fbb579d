import { LitElement, html, nothing, type TemplateResult } from 'lit';
import type { SetupReport } from '../../../contract/setup.js';
import { ERROR_CODE, LANG } from '../formats.js';
import { reflectState } from '../reflect-state.js';
import { readSetupReport } from './setup-input.js';
import { setupStyles } from './setup.styles.js';
import { checkedText, errorText, reportView, summaryText } from './setup-view.js';

export type SetupCheckState = 'loading' | 'ready' | 'error';

export interface SitegptSetupCheckEventMap {
  'sitegpt-setup-request': CustomEvent<Record<string, never>>;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HTMLElementEventMap extends SitegptSetupCheckEventMap {}
}

/**
 * The setup check for a site's admins: every requirement of the install guide with its status in
 * words, what was found and what to do, worst first. Page code runs the Admin web method
 * `checkSetup` and sets its answer as JSON; *Check again* asks for a new one with an event.
 *
 * @summary Is the chat set up right? Each requirement, with the fix in plain words.
 * @tag sitegpt-setup-check
 *
 * @attr report - Page code: checkSetup's answer as JSON (≤ 64 KiB).
 * @attr error - Page code: an error code when the check could not run; `""` clears it.
 * @attr state - Read-only: `loading`, `ready` or `error`.
 *
 * @fires sitegpt-setup-request - *Check again* (or *Try again*) was pressed. Detail `{}`.
 *
 * @csspart checks - The list of requirements.
 * @csspart check - One requirement (`data-id`, `data-status`: `pass`, `warn`, `fail`, `unchecked`).
 * @csspart check-button - *Check again*.
 *
 * @cssprop [--sitegpt-chat-metrics-accent=#2563eb] - Buttons.
 * @cssprop [--sitegpt-chat-metrics-foreground=#1f2937] - Text.
 * @cssprop [--sitegpt-chat-metrics-muted=#4b5563] - Secondary text.
 * @cssprop [--sitegpt-chat-metrics-background=#fff] - Background.
 * @cssprop [--sitegpt-chat-metrics-font] - Font shorthand.
 *
 * @cssstate loading - A check is running.
 * @cssstate ready - Showing a report.
 * @cssstate error - The check could not run, or its answer could not be read.
 */
export class SitegptSetupCheckElement extends LitElement {
  static override styles = setupStyles;

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'report', 'error', 'state'];
  }

  readonly #internals = this.attachInternals();
  #report: SetupReport | undefined;
  #error: string | undefined;
  /** Until a report or an error answers *Check again*. */
  #asking = false;
  #state: SetupCheckState = 'loading';

  get state(): SetupCheckState {
    return this.#state;
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'state') {
      if (value !== this.#state) this.setAttribute('state', this.#state);
      return;
    }
    if (name === 'report' && value) {
      this.#asking = false;
      this.#report = readSetupReport(value);
      this.#error = this.#report ? undefined : 'INVALID_ATTRIBUTE';
    }
    if (name === 'error') {
      this.#error = !value ? undefined : ERROR_CODE.test(value) ? value : 'INTERNAL';
      if (this.#error) this.#asking = false;
    }
    this.requestUpdate();
  }

  #ask(): void {
    this.#asking = true;
    this.requestUpdate();
    this.dispatchEvent(new CustomEvent('sitegpt-setup-request', { bubbles: true, composed: true, detail: {} }));
  }

  protected override willUpdate(): void {
    this.#state = this.#asking || (!this.#error && !this.#report) ? 'loading' : this.#error ? 'error' : 'ready';
    reflectState(this, this.#internals, this.#state);
  }

  protected override render(): TemplateResult {
    const loading = this.#state === 'loading';
    const status = loading ? 'Checking the setup…' : this.#state === 'error' ? errorText(this.#error!) : summaryText(this.#report!);
    return html`<div class="head">
        <h2>Setup check</h2>
        <button part="check-button" class="button" ?disabled=${loading} @click=${() => this.#ask()}>
          ${this.#state === 'error' ? 'Try again' : 'Check again'}
        </button>
      </div>
      <p class="summary" role="status" data-state=${this.#state} data-code=${this.#error ?? nothing}>${status}</p>
      ${this.#report && this.#state !== 'error' ? html`<p class="when">${checkedText(this.#report, this.#lang())}</p>${reportView(this.#report)}` : nothing}`;
  }

  #lang(): string {
    const lang = this.closest('[lang]')?.getAttribute('lang') || 'en';
    return LANG.test(lang) ? lang : 'en';
  }
}
