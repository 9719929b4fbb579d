import type { LitElement } from 'lit';
import { MemberScope } from './member-scope.js';
import type { HandoffFlow } from './pane/handoff.js';
import type { PaneController } from './pane/pane-controller.js';
import type { ToolbarFlow } from './toolbar-flow.js';
import type { WidgetHost } from './widget/widget-host.js';

/** Member-scoped attributes the native pane takes as they are set, so two quick sets both count. */
const PANE_INPUTS = new Set(['thread', 'messages', 'send-error']);

/** The parts that take page code's sets as they happen, not at the next render. */
export interface InputParts {
  widget: WidgetHost;
  pane: PaneController;
  handoff: HandoffFlow;
  flow: ToolbarFlow;
}

/**
 * Page code's attribute sets, as they happen: each member-scoped value is noted for the member
 * it was set for (MemberScope), and a change of member tears the previous member's widget,
 * turns and request for a person down before anything else runs.
 */
export class MemberInputs {
  // TypeScript-private rather than #private: the es2021 build turns each # field into a WeakMap.
  private readonly scope = new MemberScope();

  constructor(
    private readonly host: LitElement,
    private readonly parts: InputParts,
    /** Renders at once (the element's performUpdate, which is protected). */
    private readonly renderNow: () => void
  ) {}

  /** True when the attribute's current value was set for the current member. */
  owns = (name: string): boolean => this.scope.owns(name);

  /** A member-scoped attribute's value if it was set for the current member, else nothing. */
  owned = (name: string): string | undefined => (this.scope.owns(name) && this.host.getAttribute(name)) || undefined;

  changed(name: string, old: string | null, value: string | null): void {
    const { widget, pane, handoff, flow } = this.parts;
    // Synchronous on purpose: the previous member's widget must be gone before anything
    // else runs, not at the next render.
    if (name === 'member-id') {
      if (this.scope.setMember(value)) {
        widget.unmount();
        pane.input(name, this.owned);
        handoff.reset();
        // Likewise the previous member's turns leave the DOM now.
        if (this.host.hasUpdated && this.host.getAttribute('mode') === 'native') {
          this.host.requestUpdate();
          this.renderNow();
        }
      }
    } else {
      this.scope.noteSet(name);
      if (PANE_INPUTS.has(name)) pane.input(name, this.owned);
    }
    if (name === 'notice') flow.noticeSet();
    // Page code's answer to *Talk to a person*: handed off, or why not; or another thread, which the request was not for.
    if (name === 'handoff-error' || (name === 'handoff' && value === 'active') || (name === 'thread' && value !== old)) handoff.answered();
    this.host.requestUpdate();
  }
}
