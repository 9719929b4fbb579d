/**
 * Percentiles by the nearest-rank method: the p-th percentile of n sorted values is the value at
 * rank ⌈p/100 · n⌉, always one of the measured values (no interpolation), so p50 of [1, 2, 3, 4]
 * is 2 and p95 of 20 values is the 19th.
 */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** A share rounded to four places (0.1234 = 12.34 %), null when there was nothing to divide by. */
export function share(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000;
}

export function ascending(values: number[]): number[] {
  return values.sort((a, b) => a - b);
}
