import { css } from 'lit';
import { adminBaseStyles } from './admin-base.styles.js';
import { chartStyles } from './charts.styles.js';

/** The admin page's figures: cards that wrap from three across to one on a 360 px phone. */
const layoutStyles = css`
  :host {
    container-type: inline-size;
  }
  h3 {
    margin: 0 0 6px;
    font-size: 0.95em;
    font-weight: 600;
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 10px 16px;
    margin-bottom: 16px;
  }
  .range {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px;
  }
  .segments {
    display: inline-flex;
    border: 1px solid var(--_line);
    border-radius: 8px;
    overflow: hidden;
  }
  .segments button {
    border: 0;
    border-inline-start: 1px solid var(--_line);
    padding: 6px 10px;
    background: var(--_bg);
    color: var(--_fg);
    font: inherit;
    font-size: 0.9em;
    cursor: pointer;
  }
  .segments button:first-child {
    border-inline-start: 0;
  }
  .segments button[aria-pressed='true'] {
    background: var(--_accent);
    color: #fff;
  }
  .custom {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px;
    font-size: 0.9em;
  }
  .custom input {
    font: inherit;
  }
  .invalid {
    flex-basis: 100%;
    color: #b42318;
  }
  .button {
    display: inline-block;
    padding: 6px 12px;
    border: 1px solid var(--_accent);
    border-radius: 8px;
    background: var(--_bg);
    color: var(--_accent);
    font: inherit;
    font-size: 0.9em;
    text-decoration: none;
    cursor: pointer;
  }
  button:focus-visible,
  a:focus-visible,
  input:focus-visible {
    outline: 3px solid var(--sitegpt-chat-metrics-focus-ring, #f59e0b);
    outline-offset: 2px;
  }
  .figures,
  .boxes {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(220px, 100%), 1fr));
    gap: 12px;
    margin-bottom: 12px;
  }
  .boxes {
    grid-template-columns: repeat(auto-fit, minmax(min(300px, 100%), 1fr));
    align-items: start;
  }
  .figure,
  .panel-box {
    border: 1px solid var(--_line);
    border-radius: 10px;
    padding: 12px 14px;
    min-width: 0;
  }
  .latency {
    margin-bottom: 12px;
  }
  .value {
    font-size: 1.9em;
    font-weight: 650;
    line-height: 1.2;
  }
  .detail,
  .legend,
  .axis {
    color: var(--_muted);
    font-size: 0.85em;
  }
  .rates {
    margin: 0 0 12px;
  }
  .rates div {
    display: flex;
    justify-content: space-between;
    gap: 12px;
    padding: 4px 0;
    border-bottom: 1px solid var(--_line);
  }
  .rates dd {
    margin: 0;
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .questions {
    margin: 0;
    padding-inline-start: 1.4em;
  }
  .questions li {
    padding: 4px 0;
  }
  .questions .text {
    display: block;
    overflow-wrap: anywhere;
    white-space: pre-wrap;
  }
  .state {
    padding: 28px 12px;
    text-align: center;
  }
  .state .button {
    margin-top: 12px;
  }
  @media (prefers-reduced-motion: no-preference) {
    .segments button {
      transition: background 0.15s;
    }
  }
`;

export const metricsStyles = [adminBaseStyles, layoutStyles, chartStyles];
