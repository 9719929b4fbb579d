import { css } from 'lit';

/**
 * Native mode's pane; it fits a 360 px wide box without scrolling sideways. The log has no
 * scroll anchoring: the controller keeps the member's place itself, the same way in every
 * browser. Small text is darker than --_muted, so it keeps a 4.5:1 contrast on the bubbles.
 */
export const paneStyles = css`
  .pane {
    position: absolute;
    inset: 0;
    display: flex;
    flex-direction: column;
  }
  .log {
    flex: 1;
    overflow: hidden auto;
    overflow-anchor: none;
    overscroll-behavior: contain;
    display: flex;
    flex-direction: column;
    gap: 12px;
    padding: 12px;
  }
  .top {
    min-height: 1px;
  }
  .pane p {
    max-width: none;
    color: inherit;
  }
  .turn {
    display: flex;
    flex-direction: column;
    gap: 8px;
  }
  .msg {
    max-width: 85%;
    padding: 8px 12px;
    border-radius: var(--_radius);
    background: color-mix(in srgb, var(--_fg) 5%, var(--_bg));
    overflow-wrap: anywhere;
  }
  .me {
    align-self: flex-end;
    background: color-mix(in srgb, var(--_accent) 9%, var(--_bg));
  }
  .text,
  .md p {
    white-space: pre-wrap;
  }
  .md > * {
    margin: 0 0 6px;
  }
  .md ul,
  .md ol {
    padding-left: 1.4em;
  }
  pre {
    overflow-x: auto;
    padding: 8px;
    border-radius: 6px;
    background: color-mix(in srgb, var(--_fg) 8%, var(--_bg));
  }
  code {
    font: 0.9em ui-monospace, monospace;
  }
  a {
    color: var(--_accent);
  }
  .pane .meta,
  .sources,
  .counter,
  .typing,
  .older {
    font-size: 0.8em;
    color: color-mix(in srgb, var(--_fg) 70%, var(--_bg));
  }
  .meta {
    display: flex;
    gap: 8px;
  }
  .sources a {
    margin-left: 6px;
  }
  .pane .failed {
    color: #b42318;
  }
  .pane button:not([part~='send-button']) {
    padding: 4px 10px;
    font-size: 0.9em;
    background: transparent;
    color: var(--_accent);
    border: 1px solid currentColor;
  }
  .pane .votes button {
    border: 0;
    color: var(--_muted);
  }
  .pane .votes [aria-pressed='true'] {
    color: var(--_accent);
    background: color-mix(in srgb, var(--_accent) 12%, var(--_bg));
  }
  svg {
    width: 18px;
    height: 18px;
    fill: currentColor;
  }
  .NEGATIVE svg {
    transform: rotate(180deg);
  }
  .empty {
    margin: auto;
    display: flex;
    flex-wrap: wrap;
    justify-content: center;
    gap: 8px;
    text-align: center;
  }
  .empty p {
    width: 100%;
  }
  .typing i {
    display: inline-block;
    width: 6px;
    height: 6px;
    margin-right: 4px;
    border-radius: 50%;
    background: currentColor;
    animation: pulse 1.2s infinite;
  }
  .typing i:nth-child(2) {
    animation-delay: 0.2s;
  }
  .typing i:nth-child(3) {
    animation-delay: 0.4s;
  }
  .pane .jump {
    position: absolute;
    bottom: 72px;
    left: 50%;
    transform: translateX(-50%);
    background: var(--_bg);
  }
  .pane .note {
    padding: 6px 12px;
    font-size: 0.85em;
    background: color-mix(in srgb, var(--_accent) 9%, var(--_bg));
    border-bottom: 1px solid color-mix(in srgb, var(--_fg) 12%, transparent);
  }
  .offer {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px;
  }
  .pane .offer button {
    background: var(--_accent);
    color: var(--sitegpt-member-chat-accent-foreground, #fff);
  }
  .pane .handed-off {
    font-weight: 600;
    outline: none;
  }
  .composer {
    display: flex;
    align-items: flex-end;
    gap: 8px;
    padding: 8px;
    border-top: 1px solid color-mix(in srgb, var(--_fg) 12%, transparent);
  }
  textarea {
    flex: 1;
    min-width: 0;
    max-height: 8em;
    field-sizing: content;
    resize: none;
    padding: 7px 10px;
    font: inherit;
    color: inherit;
    background: var(--_bg);
    border: 1px solid color-mix(in srgb, var(--_fg) 30%, transparent);
    border-radius: calc(var(--_radius) / 1.5);
  }
  .log:focus-visible,
  textarea:focus-visible,
  a:focus-visible {
    outline: 3px solid var(--sitegpt-member-chat-focus-ring, #f59e0b);
    outline-offset: -3px;
  }
  @media (prefers-reduced-motion: reduce) {
    .typing i {
      animation: none;
    }
  }
`;
