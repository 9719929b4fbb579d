import { css } from 'lit';

/** The sparklines and the latency chart: lines in the accent colour, p95 dashed in amber. */
export const chartStyles = css`
  .spark {
    display: block;
    width: 100%;
    height: 36px;
    margin-top: 8px;
  }
  .chart {
    display: block;
    width: 100%;
    height: auto;
  }
  .line {
    fill: none;
    stroke: var(--_accent);
    stroke-width: 2;
    vector-effect: non-scaling-stroke;
  }
  circle.line {
    fill: var(--_accent);
  }
  .line.p95 {
    stroke: #d97706;
    stroke-dasharray: 5 4;
  }
  circle.line.p95 {
    fill: #d97706;
  }
  .grid {
    stroke: var(--_line);
  }
  .axis {
    fill: var(--_muted);
    font-size: 10px;
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 6px;
    margin-top: 6px;
  }
  .key {
    display: inline-block;
    width: 18px;
    border-top: 3px solid var(--_accent);
  }
  .key.p95 {
    margin-inline-start: 10px;
    border-top: 3px dashed #d97706;
  }
`;
