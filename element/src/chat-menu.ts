import { html, nothing, type TemplateResult } from 'lit';
import type { Labels } from './labels.js';
import type { ToolbarFlow } from './toolbar-flow.js';

/**
 * The toolbar's small menu, in both modes: a button that shows or hides *Delete my chat*. A
 * disclosure rather than an ARIA menu: one item needs no arrow keys, and a plain button in the
 * tab order is what every screen reader expects. Escape or focus leaving it closes it. While an
 * action is under way the button is disabled (and busy while the chat is being deleted).
 */
export function chatMenu(t: Labels, flow: ToolbarFlow, busy: boolean): TemplateResult {
  const open = flow.menuOpen;
  return html`<div class="menu" @keydown=${flow.menuKey} @focusout=${flow.menuLeft}>
    <button
      type="button"
      part="button menu-button"
      aria-label=${t['chat-menu']}
      title=${t['chat-menu']}
      aria-expanded=${open ? 'true' : 'false'}
      aria-controls="chat-menu"
      ?disabled=${busy}
      aria-busy=${busy && flow.action === 'delete' ? 'true' : 'false'}
      @click=${flow.toggleMenu}
    >
      <span aria-hidden="true">⋯</span>
    </button>
    <div id="chat-menu" part="menu" class="items" ?hidden=${!open}>
      ${open ? html`<button type="button" part="button delete-chat-button" @click=${flow.confirmDelete}>${t['delete-chat']}</button>` : nothing}
    </div>
  </div>`;
}
