import { html, nothing, type TemplateResult } from 'lit';
import { ServiceSchema, type Service } from '../../contract/member-chat.js';
import type { Labels } from './labels.js';
import { jsonReader } from './pane/pane-input.js';

export type { Service };

export const SERVICE_MAX = 4096;
/** `service`: `{mode, contactUrl, message?}` from getMemberChat (contract/member-chat.ts), ≤ 4 KiB. */
export const readService = jsonReader(ServiceSchema, SERVICE_MAX);

/**
 * Where a contact path may lead as a link: a path on this site (never `//host`, which leaves
 * it), an https URL or a mailto: address. Anything else is shown as text, never as a link.
 */
export function contactHref(value: string): { href: string; away: boolean } | undefined {
  if (/^\/(?![/\\])\S*$/.test(value) || /^mailto:[^\s@/?#]+@[^\s@/?#]+(?:\?\S*)?$/.test(value)) return { href: value, away: false };
  try {
    const url = new URL(value);
    if (url.protocol === 'https:' && !/\s/.test(value)) return { href: url.href, away: true };
  } catch {
    // not a URL: shown as text
  }
}

function contact(t: Labels, value: string): TemplateResult | typeof nothing {
  if (!value) return nothing;
  const link = contactHref(value);
  if (!link) return html`<p part="text contact">${value}</p>`;
  return html`<p part="text contact">
    <a part="contact-link" href=${link.href} target=${link.away ? '_blank' : nothing} rel=${link.away ? 'noopener noreferrer' : nothing}
      >${t['contact-us']}</a
    >
  </p>`;
}

/** `off`: the chat is closed. The operator's message is text, the contact path a link only where safe. */
export function closedPanel(t: Labels, service: Service): TemplateResult {
  return html`<div part="panel" class="panel" data-code="CHAT_CLOSED">
    <h2 part="title">${t['closed-title']}</h2>
    <p part="text">${service.message || t['error-chat-closed']}</p>
    ${contact(t, service.contactUrl)}
  </div>`;
}
