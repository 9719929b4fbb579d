import { css } from 'lit';
import { srOnlyStyles } from './sr-only.styles.js';

export const styles = css`
  :host {
    --_accent: var(--sitegpt-member-chat-accent, #2563eb);
    --_fg: var(--sitegpt-member-chat-foreground, #1f2937);
    --_muted: var(--sitegpt-member-chat-muted, #6b7280);
    --_bg: var(--sitegpt-member-chat-background, #fff);
    --_radius: var(--sitegpt-member-chat-radius, 12px);
    /* A flex box, so the views fill the 320px minimum too when the page gives no height. */
    display: flex;
    flex-direction: column;
    position: relative;
    box-sizing: border-box;
    width: 100%;
    height: 100%;
    min-height: var(--sitegpt-member-chat-min-height, 320px);
    overflow: hidden;
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_fg);
    font: var(--sitegpt-member-chat-font, 15px/1.45 system-ui, -apple-system, 'Segoe UI', sans-serif);
  }
  :host([hidden]) {
    display: none;
  }
  .base {
    display: flex;
    flex-direction: column;
    flex: 1;
    min-height: 0;
    height: 100%;
  }
  .toolbar,
  .confirm,
  .notice,
  .notice .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: flex-end;
    gap: 8px;
  }
  .toolbar,
  .notice {
    padding: 6px 8px;
    border-bottom: 1px solid color-mix(in srgb, var(--_fg) 12%, transparent);
  }
  .toolbar [part~='toolbar-text'] {
    font-size: 0.9em;
  }
  .toolbar span:focus {
    outline: none;
  }
  /* The toolbar's menu: its one item opens under the button, over the chat. */
  .menu {
    position: relative;
  }
  .items {
    position: absolute;
    right: 0;
    top: calc(100% + 4px);
    z-index: 1;
    padding: 6px;
    white-space: nowrap;
    border-radius: calc(var(--_radius) / 1.5);
    background: var(--_bg);
    box-shadow: 0 4px 16px color-mix(in srgb, var(--_fg) 25%, transparent);
  }
  .notice {
    justify-content: space-between;
    padding: 10px 12px;
    background: color-mix(in srgb, #b42318 7%, var(--_bg));
  }
  .notice p {
    color: var(--_fg);
    font-size: 0.9em;
  }
  .stage {
    position: relative;
    flex: 1;
    min-height: 0;
  }
  .widget,
  .panel {
    position: absolute;
    inset: 0;
  }
  .widget.behind {
    visibility: hidden;
  }
  iframe {
    display: block;
    width: 100%;
    height: 100%;
    border: 0;
  }
  .panel {
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    gap: 12px;
    padding: 24px;
    text-align: center;
    background: var(--_bg);
  }
  h2 {
    margin: 0;
    font-size: 1.15em;
  }
  p {
    margin: 0;
    max-width: 32em;
    color: var(--_muted);
  }
  button {
    font: inherit;
    cursor: pointer;
    border: 0;
    border-radius: calc(var(--_radius) / 1.5);
    padding: 8px 18px;
    background: var(--_accent);
    color: var(--sitegpt-member-chat-accent-foreground, #fff);
  }
  .toolbar button,
  .notice button {
    padding: 4px 12px;
    font-size: 0.9em;
  }
  .toolbar button:not([part~='confirm-button']),
  [part~='dismiss-button'] {
    background: transparent;
    color: var(--_accent);
    border: 1px solid currentColor;
  }
  button:disabled,
  button[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.6;
  }
  button:focus-visible {
    outline: 3px solid var(--sitegpt-member-chat-focus-ring, #f59e0b);
    outline-offset: 2px;
  }
  .skeleton {
    width: min(80%, 360px);
    display: grid;
    gap: 10px;
  }
  .skeleton span {
    height: 14px;
    border-radius: 7px;
    background: color-mix(in srgb, var(--_fg) 10%, transparent);
    animation: pulse 1.4s ease-in-out infinite;
  }
  .skeleton span:nth-child(2) {
    width: 70%;
  }
  @keyframes pulse {
    50% {
      opacity: 0.45;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton span {
      animation: none;
    }
  }
  ${srOnlyStyles}
`;
