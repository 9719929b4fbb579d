/**
 * The two small charts, drawn as inline SVG through Lit's `svg` templates (no chart library: a
 * line per series is all they show). Days without data leave a gap; a lone day is a dot. Each
 * chart is an image with a name that says what it shows; the figures themselves are also
 * printed as text beside it.
 */
import { svg, type SVGTemplateResult } from 'lit';

type Series = ReadonlyArray<number | null>;

interface Frame {
  width: number;
  height: number;
  /** Inner margins: left for the axis labels, bottom for the dates, top for the top label. */
  left: number;
  top: number;
  bottom: number;
  max: number;
}

/** The y of a value in a frame: 0 at the bottom of the plot, `max` at its top. */
const yOf = (frame: Frame, value: number) =>
  frame.top + (frame.height - frame.top - frame.bottom) * (1 - (frame.max > 0 ? Math.min(value, frame.max) / frame.max : 0));

/** The line (with gaps and dots) of one series inside a frame. */
function line(values: Series, frame: Frame, cls: string): SVGTemplateResult[] {
  const step = values.length > 1 ? (frame.width - frame.left - 4) / (values.length - 1) : 0;
  const x = (i: number) => frame.left + 2 + (values.length > 1 ? i * step : (frame.width - frame.left) / 2);
  const y = (v: number) => yOf(frame, v);
  const runs: Array<Array<[number, number]>> = [[]];
  values.forEach((value, i) => {
    if (value === null) runs.push([]);
    else runs.at(-1)!.push([x(i), y(value)]);
  });
  return runs
    .filter((run) => run.length > 0)
    .map((run) =>
      run.length === 1
        ? svg`<circle class=${cls} cx=${run[0]![0].toFixed(1)} cy=${run[0]![1].toFixed(1)} r="2.5"></circle>`
        : svg`<polyline class=${cls} fill="none" points=${run.map(([px, py]) => `${px.toFixed(1)},${py.toFixed(1)}`).join(' ')}></polyline>`,
    );
}

/** A sparkline of one daily figure, from 0 to its highest day, so its movement shows. */
export function sparkline(values: Series, label: string): SVGTemplateResult {
  const frame = { width: 160, height: 36, left: 0, top: 3, bottom: 3, max: Math.max(0, ...values.map((v) => v ?? 0)) };
  return svg`<svg class="spark" viewBox="0 0 160 36" preserveAspectRatio="none" role="img" aria-label=${label}>
    ${line(values, frame, 'line')}
  </svg>`;
}

/**
 * First-response time per day: p50 and p95 on one scale, gridlines at 0, half and the top
 * (a whole number of seconds), the first and last day under the axis.
 */
export function latencyChart(
  p50: Series,
  p95: Series,
  labels: { name: string; first: string; last: string; seconds: (ms: number) => string },
): SVGTemplateResult {
  const highest = Math.max(0, ...p95.map((v) => v ?? 0), ...p50.map((v) => v ?? 0));
  const max = Math.max(1000, Math.ceil(highest / 1000) * 1000);
  const frame = { width: 600, height: 180, left: 44, top: 8, bottom: 22, max };
  const grid = [0, 0.5, 1].map((share) => {
    const y = yOf(frame, max * share).toFixed(1);
    return svg`<line class="grid" x1=${frame.left} x2=${frame.width} y1=${y} y2=${y}></line>
      <text class="axis" x=${frame.left - 6} y=${y} text-anchor="end" dominant-baseline="middle">${labels.seconds(max * share)}</text>`;
  });
  return svg`<svg class="chart" viewBox="0 0 600 180" role="img" aria-label=${labels.name}>
    ${grid}
    ${line(p95, frame, 'line p95')}
    ${line(p50, frame, 'line p50')}
    <text class="axis" x=${frame.left} y=${frame.height - 4}>${labels.first}</text>
    <text class="axis" x=${frame.width} y=${frame.height - 4} text-anchor="end">${labels.last}</text>
  </svg>`;
}
