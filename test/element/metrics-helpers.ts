import { fixture, html, waitUntil } from '@open-wc/testing';
import '../../element/src/metrics/sitegpt-chat-metrics.bundle.js';
import type { ChatMetrics } from '../../contract/metrics.js';
import { lastDays } from '../../element/src/metrics/date-range.js';
import type { SitegptChatMetricsElement } from '../../element/src/metrics/sitegpt-chat-metrics.js';

export type Metrics = SitegptChatMetricsElement;
const DAY = 86_400_000;

/** Figures for the last `days` days (the element's own presets), every day with data. */
export function figures(days = 28, overrides: Partial<ChatMetrics> = {}): ChatMetrics {
  const range = lastDays(days, Date.now());
  return {
    ...range,
    turns: 1200,
    questions: 1000,
    members: 310,
    memberDays: 640,
    solvedMemberDays: 412,
    latency: { p50: 2400, p95: 7900, answered: 900 },
    rates: { solvedWithoutHandoff: 0.6438, repeatQuestion: 0.052, fallback: 0.041, lowConfidence: 0.123 },
    counts: { repeats: 52, fallbacks: 41, aiAnswered: 860, lowConfidence: 106, failed: 19 },
    handoffs: { total: 14, lowConfidence: 9, requested: 5 },
    errors: [
      { code: 'UPSTREAM_UNAVAILABLE', count: 15 },
      { code: 'RATE_LIMITED', count: 4 },
    ],
    tokens: { prompt: 0, completion: 0 },
    days: Array.from({ length: days }, (_, i) => ({
      start: range.from + i * DAY,
      questions: 30 + i,
      memberDays: 20,
      solved: 13,
      latencyP50: 2000 + i * 20,
      latencyP95: 7000 + i * 50,
      solvedRate: 0.65,
      repeatRate: 0.05,
      tokens: 0,
    })),
    unresolved: [
      { question: 'Where is my order?', count: 12, members: 9, lastAskedAt: range.to - DAY },
      { question: 'Do you ship to Iceland?', count: 5, members: 5, lastAskedAt: range.to - 2 * DAY },
    ],
    ...overrides,
  };
}

export async function metricsElement(attributes: Record<string, string> = {}): Promise<Metrics> {
  const el = await fixture<Metrics>(html`<sitegpt-chat-metrics></sitegpt-chat-metrics>`);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  await el.updateComplete;
  return el;
}

/** An element showing `metrics` (an object, or the attribute's raw value). */
export async function showing(metrics: ChatMetrics | string, attributes: Record<string, string> = {}): Promise<Metrics> {
  return metricsElement({ ...attributes, metrics: typeof metrics === 'string' ? metrics : JSON.stringify(metrics) });
}

export const root = (el: Metrics): ShadowRoot => el.shadowRoot!;
export const part = (el: Metrics, name: string) => [...root(el).querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
export const text = (el: Metrics): string => root(el).textContent!.replace(/\s+/g, ' ');

/** Every event of `name` the element fires from now on. */
export function record<T>(el: Metrics, name: string): T[] {
  const seen: T[] = [];
  el.addEventListener(name, (event) => seen.push((event as CustomEvent<T>).detail));
  return seen;
}

export async function until(check: () => boolean, message: string): Promise<void> {
  await waitUntil(check, message, { timeout: 4000 });
}
