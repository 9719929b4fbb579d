import { css } from 'lit';
import { srOnlyStyles } from '../sr-only.styles.js';

/** What both admin elements share: the host's colours and font (one set of custom properties
 * for the admins' page), box sizing, headings and the visually hidden text. */
export const adminBaseStyles = css`
  :host {
    --_accent: var(--sitegpt-chat-metrics-accent, #2563eb);
    --_fg: var(--sitegpt-chat-metrics-foreground, #1f2937);
    --_muted: var(--sitegpt-chat-metrics-muted, #4b5563);
    --_bg: var(--sitegpt-chat-metrics-background, #fff);
    --_line: color-mix(in srgb, var(--_fg) 14%, transparent);
    display: block;
    box-sizing: border-box;
    color: var(--_fg);
    background: var(--_bg);
    font: var(--sitegpt-chat-metrics-font, 15px/1.45 system-ui, -apple-system, 'Segoe UI', sans-serif);
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  h2 {
    margin: 0;
    font-size: 1.25em;
  }
  p {
    margin: 0;
  }
  ${srOnlyStyles}
`;
