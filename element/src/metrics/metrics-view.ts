/**
 * The figures' templates: the three headline figures with their daily trend, the latency chart,
 * the other rates and counts, errors by code and the unresolved questions. Every value, the
 * members' questions included, goes in as text through Lit bindings, never as markup.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { ChatMetrics } from '../../../contract/metrics.js';
import { latencyChart, sparkline } from './charts.js';
import type { Formats } from './format.js';
import { fill, type MetricsLabels } from './metrics-labels.js';

export interface FiguresContext {
  metrics: ChatMetrics;
  t: MetricsLabels;
  f: Formats;
}

function card(name: string, value: string, detail: string, trend: TemplateResult): TemplateResult {
  return html`<section part="figure" class="figure">
    <h3>${name}</h3>
    <p class="value">${value}</p>
    <p class="detail">${detail}</p>
    ${trend}
  </section>`;
}

export function headlineView({ metrics: m, t, f }: FiguresContext): TemplateResult {
  const first = f.day(m.from);
  const trend = (name: string) => fill(t.trend, name, first);
  return html`<div class="figures">
    ${card(t.latency, f.seconds(m.latency.p50), fill(t.p95, f.seconds(m.latency.p95)), sparkline(m.days.map((d) => d.latencyP50), trend(t.latency)))}
    ${card(
      t.solved,
      f.percent(m.rates.solvedWithoutHandoff),
      fill(t['solved-of'], f.count(m.solvedMemberDays), f.count(m.memberDays)),
      sparkline(m.days.map((d) => d.solvedRate), trend(t.solved)),
    )}
    ${card(
      t.repeats,
      f.percent(m.rates.repeatQuestion),
      fill(t['repeats-of'], f.count(m.counts.repeats), f.count(m.questions)),
      sparkline(m.days.map((d) => d.repeatRate), trend(t.repeats)),
    )}
  </div>`;
}

export function latencyView({ metrics: m, t, f }: FiguresContext): TemplateResult {
  return html`<section part="latency" class="panel-box latency">
    <h3>${t['latency-chart']}</h3>
    ${latencyChart(
      m.days.map((d) => d.latencyP50),
      m.days.map((d) => d.latencyP95),
      { name: t['latency-chart'], first: f.day(m.from), last: f.day(m.days.at(-1)?.start ?? m.from), seconds: (ms) => f.seconds(ms) },
    )}
    <p class="legend"><span class="key p50"></span>${t.median} <span class="key p95"></span>${t.slow}</p>
  </section>`;
}

export function moreView({ metrics: m, t, f }: FiguresContext): TemplateResult {
  const rows: Array<[string, string]> = [
    [t.questions, f.count(m.questions)],
    [t.members, f.count(m.members)],
    [t.fallback, `${f.percent(m.rates.fallback)} (${f.count(m.counts.fallbacks)})`],
    [t['low-confidence'], `${f.percent(m.rates.lowConfidence)} (${f.count(m.counts.lowConfidence)})`],
    [t.handoffs, `${f.count(m.handoffs.total)} · ${fill(t['handoffs-of'], f.count(m.handoffs.lowConfidence), f.count(m.handoffs.requested))}`],
    [t.failed, f.count(m.counts.failed)],
  ];
  const tokens = m.tokens.prompt + m.tokens.completion;
  if (tokens > 0) rows.push([t.tokens, f.count(tokens)]);
  return html`<section part="more" class="panel-box">
    <h3>${t.more}</h3>
    <dl class="rates">${rows.map(([name, value]) => html`<div><dt>${name}</dt><dd>${value}</dd></div>`)}</dl>
    <h3>${t.errors}</h3>
    ${m.errors.length === 0
      ? html`<p class="detail">${t['no-errors']}</p>`
      : html`<dl class="rates errors">${m.errors.map((e) => html`<div><dt><code>${e.code}</code></dt><dd>${f.count(e.count)}</dd></div>`)}</dl>`}
  </section>`;
}

export function unresolvedView({ metrics: m, t, f }: FiguresContext): TemplateResult {
  return html`<section part="unresolved" class="panel-box">
    <h3>${t.unresolved}</h3>
    ${m.unresolved.length === 0
      ? html`<p class="detail">${t['no-unresolved']}</p>`
      : html`<ol class="questions">
          ${m.unresolved.map(
            (u) => html`<li part="question"><span class="text">${u.question}</span>
              <span class="detail">${fill(t.asked, f.count(u.count), f.count(u.members))} · ${f.day(u.lastAskedAt)}</span></li>`,
          )}
        </ol>`}
  </section>`;
}

/** The figures' link to their CSV (a Blob URL the element made from these figures). */
export function csvLink(url: string | undefined, name: string, t: MetricsLabels): TemplateResult | typeof nothing {
  return url ? html`<a part="csv-link" class="button" href=${url} download=${name}>${t.csv}</a>` : nothing;
}
