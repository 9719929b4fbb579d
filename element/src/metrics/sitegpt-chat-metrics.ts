import { LitElement, html, nothing, type TemplateResult } from 'lit';
import type { ChatMetrics } from '../../../contract/metrics.js';
import { ERROR_CODE, LANG } from '../formats.js';
import { reflectState } from '../reflect-state.js';
import { csvName, metricsCsv } from './csv.js';
import { DEFAULT_PRESET, lastDays, presetOf, sameRange, type DateRange, type Preset } from './date-range.js';
import { formats } from './format.js';
import { metricsLabels } from './metrics-labels.js';
import { readMetrics } from './metrics-input.js';
import { metricsStyles } from './metrics.styles.js';
import { csvLink, headlineView, latencyView, moreView, unresolvedView } from './metrics-view.js';
import { rangePicker } from './range-picker.js';
import { deriveState, stateText, stateView, type MetricsState } from './state-view.js';

export type { MetricsState } from './state-view.js';

export interface SitegptChatMetricsEventMap {
  'sitegpt-metrics-request': CustomEvent<DateRange>;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HTMLElementEventMap extends SitegptChatMetricsEventMap {}
}

/**
 * The chat's figures for a site's admins (architecture.md §10), on an admin-only page: the three
 * headline figures with their trend, first-response times per day, the other rates, errors by
 * code, the top unresolved questions and a CSV of them all. Page code loads the figures with
 * the Admin web method `getChatMetrics` and sets them as JSON; the element asks for another
 * range with an event.
 *
 * @summary Chat metrics for the weekly review.
 * @tag sitegpt-chat-metrics
 *
 * @attr metrics - Page code: getChatMetrics' answer as JSON (≤ 256 KiB). An answer for another range than the one last asked for is ignored.
 * @attr error - Page code: an error code when the figures could not be loaded; `""` clears it.
 * @attr lang - `en` or `de`; defaults to the page's language.
 * @attr state - Read-only: `loading`, `ready`, `empty` or `error`.
 *
 * @fires sitegpt-metrics-request - The admin chose a range, or *Try again*. Detail `{from, to}`: ms, local midnight to local midnight.
 *
 * @csspart range - The range buttons.
 * @csspart range-button - One of them (`aria-pressed`).
 * @csspart custom-range - The custom range form.
 * @csspart apply-button - Its *Show*.
 * @csspart figure - A headline figure.
 * @csspart latency - The latency chart.
 * @csspart more - The other figures and the errors by code.
 * @csspart unresolved - The unresolved questions.
 * @csspart question - One of them.
 * @csspart csv-link - *Download CSV*.
 * @csspart retry-button - *Try again*.
 *
 * @cssprop [--sitegpt-chat-metrics-accent=#2563eb] - Lines, pressed buttons, links.
 * @cssprop [--sitegpt-chat-metrics-foreground=#1f2937] - Text.
 * @cssprop [--sitegpt-chat-metrics-muted=#4b5563] - Secondary text.
 * @cssprop [--sitegpt-chat-metrics-background=#fff] - Background.
 * @cssprop [--sitegpt-chat-metrics-font] - Font shorthand.
 * @cssprop [--sitegpt-chat-metrics-focus-ring=#f59e0b] - Focus outline.
 *
 * @cssstate loading - Waiting for figures.
 * @cssstate ready - Showing figures.
 * @cssstate empty - No conversations in the range.
 * @cssstate error - The figures could not be loaded or read.
 */
export class SitegptChatMetricsElement extends LitElement {
  static override styles = metricsStyles;

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'metrics', 'error', 'lang', 'state'];
  }

  readonly #internals = this.attachInternals();
  #metrics: ChatMetrics | undefined;
  #error: string | undefined;
  /** The range of the last request, until its figures or an error arrive. */
  #pending: DateRange | undefined;
  #range: DateRange = lastDays(DEFAULT_PRESET, Date.now());
  #editing = false;
  #invalid = false;
  #csv: { url: string; name: string } | undefined;
  #state: MetricsState = 'loading';

  get state(): MetricsState {
    return this.#state;
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'state') {
      if (value !== this.#state) this.setAttribute('state', this.#state);
      return;
    }
    // Handled even when the value repeats: a retry that fails again with the same code ends its loading too.
    if (name === 'metrics') this.#takeMetrics(value ?? '');
    if (name === 'error') this.#takeError(value ?? '');
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#setCsv(undefined);
  }

  #takeMetrics(value: string): void {
    if (value === '') return void (this.#metrics = undefined);
    const metrics = readMetrics(value);
    if (!metrics) {
      this.#pending = undefined;
      this.#error = 'INVALID_ATTRIBUTE';
      return;
    }
    // An answer for a range asked for before the last one: the admin has moved on.
    if (this.#pending && !sameRange(this.#pending, metrics)) return;
    this.#pending = undefined;
    this.#error = undefined;
    this.#metrics = metrics;
    this.#range = { from: metrics.from, to: metrics.to };
    this.#setCsv(metrics);
  }

  #takeError(value: string): void {
    this.#error = value === '' ? undefined : ERROR_CODE.test(value) ? value : 'INTERNAL';
    if (this.#error) this.#pending = undefined;
  }

  #request(range: DateRange): void {
    this.#pending = range;
    this.#range = range;
    this.#invalid = false;
    this.requestUpdate();
    this.dispatchEvent(new CustomEvent('sitegpt-metrics-request', { bubbles: true, composed: true, detail: { ...range } }));
  }

  #setCsv(metrics: ChatMetrics | undefined): void {
    if (this.#csv) URL.revokeObjectURL(this.#csv.url);
    this.#csv = metrics && { url: URL.createObjectURL(new Blob([metricsCsv(metrics)], { type: 'text/csv' })), name: csvName(metrics) };
  }

  protected override willUpdate(): void {
    this.#state = deriveState(this.#pending !== undefined, this.#error, this.#metrics);
    reflectState(this, this.#internals, this.#state);
  }

  protected override render(): TemplateResult {
    const lang = this.#lang();
    const t = metricsLabels(lang);
    const preset = presetOf(this.#range, Date.now());
    const picker = rangePicker({ selected: preset ?? 'custom', range: this.#range, editing: this.#editing, invalid: this.#invalid }, t, {
      preset: (days: Preset) => {
        this.#editing = false;
        this.#request(lastDays(days, Date.now()));
      },
      edit: () => {
        this.#editing = true;
        this.requestUpdate();
      },
      custom: (range) => (range ? this.#request(range) : ((this.#invalid = true), this.requestUpdate())),
    });
    const ready = this.#state === 'ready' && this.#metrics;
    const context = ready ? { metrics: this.#metrics!, t, f: formats(lang) } : undefined;
    return html`<div class="head">
        <h2>${t.title}</h2>
        ${picker} ${ready ? csvLink(this.#csv?.url, this.#csv?.name ?? '', t) : nothing}
      </div>
      ${context
        ? html`${headlineView(context)}${latencyView(context)}<div class="boxes">${moreView(context)}${unresolvedView(context)}</div>`
        : stateView(this.#state, this.#error, t, () => this.#request(this.#range))}
      <div class="sr-only" role="status">${this.#state === 'ready' ? '' : stateText(this.#state, this.#error, t)}</div>`;
  }

  #lang(): string {
    const lang = this.getAttribute('lang') || this.closest('[lang]')?.getAttribute('lang') || 'en';
    return LANG.test(lang) ? lang : 'en';
  }
}
