/**
 * The ranges an admin picks: the last 7 or 28 days up to the end of today, or whole days of
 * their choice, always from local midnight to local midnight, so the backend's 24-hour days are
 * the admin's own (a day with a clock change is an hour longer or shorter). Page code uses
 * `lastDays` for its first load, so both sides agree on the default.
 */
export interface DateRange {
  from: number;
  to: number;
}

export const PRESETS = [7, 28] as const;
export type Preset = (typeof PRESETS)[number];
export const DEFAULT_PRESET: Preset = 28;
/** What getChatMetrics accepts (contract/metrics.ts). */
export const MAX_DAYS = 92;

/** Local midnight of the day `now` falls in, moved by `days`. */
export function midnight(now: number, days = 0): number {
  const date = new Date(now);
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + days).getTime();
}

/** The last `days` days, today included. */
export function lastDays(days: number, now: number): DateRange {
  const to = midnight(now, 1);
  return { from: midnight(to, -days), to };
}

/** Which preset a range is, if any. */
export function presetOf(range: DateRange, now: number): Preset | undefined {
  return PRESETS.find((days) => sameRange(lastDays(days, now), range));
}

export function sameRange(a: DateRange | undefined, b: DateRange | undefined): boolean {
  return a !== undefined && b !== undefined && a.from === b.from && a.to === b.to;
}

/** `YYYY-MM-DD` of an `<input type="date">`, in local time. */
export function toDateInput(ms: number): string {
  const date = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * The whole days from `first` to `last` (both `YYYY-MM-DD`, both included), or undefined when
 * either is no date, the first comes after the last, or they span more than 92 days.
 */
export function customRange(first: string, last: string): DateRange | undefined {
  const day = (value: string) => {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    return match ? new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])).getTime() : NaN;
  };
  const from = day(first);
  const to = midnight(day(last), 1);
  if (!Number.isFinite(from) || !Number.isFinite(to) || from >= to) return undefined;
  return Math.round((to - from) / 86_400_000) > MAX_DAYS ? undefined : { from, to };
}
