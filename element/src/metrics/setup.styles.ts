import { css } from 'lit';
import { adminBaseStyles } from './admin-base.styles.js';

/** The setup check: a list of rows, each with a status mark that also says its status in words. */
const rowStyles = css`
  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 8px 16px;
    margin-bottom: 12px;
  }
  .summary {
    font-weight: 600;
  }
  .when,
  .key,
  .status {
    color: var(--_muted);
    font-size: 0.85em;
  }
  .button {
    padding: 6px 12px;
    border: 1px solid var(--_accent);
    border-radius: 8px;
    background: var(--_bg);
    color: var(--_accent);
    font: inherit;
    font-size: 0.9em;
    cursor: pointer;
  }
  .button:disabled {
    opacity: 0.6;
    cursor: progress;
  }
  button:focus-visible {
    outline: 3px solid var(--sitegpt-chat-metrics-focus-ring, #f59e0b);
    outline-offset: 2px;
  }
  .checks {
    list-style: none;
    margin: 12px 0 0;
    padding: 0;
    display: grid;
    gap: 8px;
  }
  .check {
    display: flex;
    gap: 10px;
    border: 1px solid var(--_line);
    border-inline-start-width: 4px;
    border-radius: 8px;
    padding: 10px 12px;
  }
  .mark {
    flex: none;
    width: 1.6em;
    height: 1.6em;
    border-radius: 50%;
    display: grid;
    place-items: center;
    color: #fff;
    font-weight: 700;
  }
  .body {
    display: grid;
    gap: 4px;
    min-width: 0;
    overflow-wrap: anywhere;
  }
  [data-status='pass'] {
    border-inline-start-color: #15803d;
  }
  [data-status='pass'] .mark {
    background: #15803d;
  }
  [data-status='fail'] {
    border-inline-start-color: #b42318;
  }
  [data-status='fail'] .mark {
    background: #b42318;
  }
  [data-status='warn'] {
    border-inline-start-color: #b45309;
  }
  [data-status='warn'] .mark {
    background: #b45309;
  }
  [data-status='unchecked'] {
    border-inline-start-color: #6b7280;
  }
  [data-status='unchecked'] .mark {
    background: #6b7280;
  }
  .state {
    padding: 16px 0;
  }
`;

export const setupStyles = [adminBaseStyles, rowStyles];
