/**
 * What the element shows while it has no figures to show: which state it is in, and that state
 * in words (with *Try again* where asking again can help).
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { ChatMetrics } from '../../../contract/metrics.js';
import type { MetricsLabels } from './metrics-labels.js';

export type MetricsState = 'loading' | 'ready' | 'empty' | 'error';

/** A request on its way wins; then an error; then the figures, which may hold no turns at all. */
export function deriveState(pending: boolean, error: string | undefined, metrics: ChatMetrics | undefined): MetricsState {
  return pending ? 'loading' : error ? 'error' : !metrics ? 'loading' : metrics.turns === 0 ? 'empty' : 'ready';
}

export function stateText(state: MetricsState, error: string | undefined, t: MetricsLabels): string {
  if (state === 'loading') return t.loading;
  if (state === 'empty') return t.empty;
  if (error === 'NOT_SIGNED_IN') return t['error-admin'];
  if (error === 'INVALID_ATTRIBUTE') return t['error-invalid'];
  if (error === 'UPSTREAM_UNAVAILABLE' || error === 'RATE_LIMITED') return `${t['error-title']} ${t['error-busy']}`;
  return t['error-title'];
}

export function stateView(state: MetricsState, error: string | undefined, t: MetricsLabels, retry: () => void): TemplateResult {
  // Figures that could not be read come back the same when asked again.
  const retryable = state === 'error' && error !== 'INVALID_ATTRIBUTE';
  return html`<div class="state" data-state=${state} data-code=${error ?? nothing}>
    <p>${stateText(state, error, t)}</p>
    ${retryable ? html`<button part="retry-button" class="button" @click=${retry}>${t.retry}</button>` : nothing}
  </div>`;
}
