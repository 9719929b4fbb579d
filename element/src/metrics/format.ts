/** Numbers, shares, durations and days as the admin reads them, in the element's language. */
export interface Formats {
  count(value: number): string;
  /** A share from 0 to 1 as a percentage; `–` for none. */
  percent(value: number | null): string;
  /** Milliseconds as seconds with one decimal; `–` for none. */
  seconds(value: number | null): string;
  /** A day of the range, e.g. "2 Mar". */
  day(ms: number): string;
}

export function formats(lang: string): Formats {
  const counts = new Intl.NumberFormat(lang);
  const percents = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 });
  const seconds = new Intl.NumberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const days = new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'short' });
  return {
    count: (value) => counts.format(value),
    percent: (value) => (value === null ? '–' : percents.format(value)),
    seconds: (value) => (value === null ? '–' : `${seconds.format(value / 1000)} s`),
    day: (ms) => days.format(ms),
  };
}
