import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { emit } from '../events.js';
import { errorLabel, type Labels } from '../labels.js';
import { GIVE_UP_AFTER_MS } from '../toolbar-flow.js';

/** Where the member stands with a person: page code's `handoff` (`""` when neither). */
export type HandoffState = '' | 'offer' | 'active';

/** What the pane needs to draw the handoff: page code's state and error, and the member's request. */
export interface HandoffView {
  state: HandoffState;
  flow: HandoffFlow;
  /** `handoff-error`: why the last request for a person failed. */
  error?: string;
}

type Host = ReactiveControllerHost & HTMLElement;

/**
 * *Talk to a person*, from the member's press to page code's answer: one `sitegpt-request-human`,
 * then a busy state in which a second press sends nothing, until page code sets
 * `handoff="active"` or `handoff-error` (or another thread, which the request was not for).
 * Without an answer within 30 s it gives up as the new conversation does, so the button never
 * stays dead. A send result that merely repeats `offer` is not an answer: requestHuman is still
 * on its way.
 */
export class HandoffFlow implements ReactiveController {
  busy = false;
  // TypeScript-private rather than #private: the es2021 build turns each # field into a WeakMap.
  private gaveUp = false;
  private timer?: ReturnType<typeof setTimeout>;

  constructor(private readonly host: Host) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.reset();
  }

  /** A new member: nothing of the previous one's request stays. */
  reset(): void {
    clearTimeout(this.timer);
    this.busy = this.gaveUp = false;
  }

  /** The error code to show: none while asking, and none once handed off. */
  error(view: HandoffView): string | undefined {
    if (this.busy || view.state === 'active') return undefined;
    return this.gaveUp ? 'UPSTREAM_UNAVAILABLE' : view.error;
  }

  ask = (): void => {
    if (this.busy) return;
    this.busy = true;
    this.gaveUp = false;
    this.timer = setTimeout(() => this.answered(true), GIVE_UP_AFTER_MS);
    emit(this.host, 'sitegpt-request-human', {});
    this.host.requestUpdate();
  };

  /** Page code answered (`handoff="active"`, `handoff-error`, another thread), or `silence` after 30 s. */
  answered(silence = false): void {
    clearTimeout(this.timer);
    this.gaveUp = silence;
    if (!this.busy) return;
    this.busy = false;
    const root = this.host.shadowRoot!;
    const pressed = root.activeElement?.matches('[part~="handoff-button"]');
    this.host.requestUpdate();
    // Handed off, the button the member pressed is gone: the banner saying what happens now takes focus.
    if (pressed) void this.host.updateComplete.then(() => root.activeElement || root.querySelector<HTMLElement>('.handed-off')?.focus());
  }
}

/** *Talk to a person*, in the toolbar (always, until handed off) and under the offer. */
export function handoffButton(view: HandoffView, t: Labels): TemplateResult {
  const { busy, ask } = view.flow;
  // aria-disabled rather than disabled: a disabled button would drop the member's focus.
  return html`<button type="button" part="button handoff-button" aria-disabled=${busy} @click=${ask}>
    ${busy ? t['connecting-person'] : t['talk-to-person']}
  </button>`;
}

/** Above the log: handed off, or why the last request failed. */
export function handoffNote(view: HandoffView, t: Labels): TemplateResult | typeof nothing {
  if (view.state === 'active') return html`<p part="handoff-banner" class="note handed-off" tabindex="-1">${t['handed-off']}</p>`;
  const code = view.flow.error(view);
  return code ? html`<p part="handoff-error" class="note failed" role="alert">${t['handoff-failed']} ${t[errorLabel(code)]}</p>` : nothing;
}

/** Under the last answer, after answers that did not help: the offer of a person. */
export function handoffOffer(view: HandoffView, t: Labels): TemplateResult | typeof nothing {
  return view.state === 'offer' ? html`<p part="handoff-offer" class="offer">${t['offer-person']} ${handoffButton(view, t)}</p>` : nothing;
}
