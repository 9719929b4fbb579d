/**
 * How getChatMetrics reads the mirror. Kept beside the metrics rather than in config.ts: no
 * other capability reads it, and an admin call's budget differs from a member's.
 */
import { DAY_MS } from '../../../contract/metrics.js';

export interface MetricsConfig {
  /** Rows per scan page: Wix Data answers at most 1000 items per query. */
  pageSize: number;
  /** Slices of the range read at once, each paged on its own; the rest wait. */
  concurrency: number;
  /** The whole computation, inside Wix's 14 s: a range that takes longer is refused, never cut. */
  overallMs: number;
  /** A repeat question this soon after a member-day's question takes that day's "solved" away. */
  repeatWindowMs: number;
}

export const defaultMetricsConfig: MetricsConfig = {
  pageSize: 1000,
  concurrency: 6,
  overallMs: 12_000,
  repeatWindowMs: DAY_MS,
};

export function makeMetricsConfig(overrides: Partial<MetricsConfig> = {}): MetricsConfig {
  return { ...defaultMetricsConfig, ...overrides };
}
