/**
 * Every visible or announced string of `<sitegpt-chat-metrics>`, in English and German, chosen
 * by `lang` (or the page's language). `{a}`, `{b}` are filled in as text.
 */
const en = {
  title: 'Chat metrics',
  range: 'Date range',
  last7: 'Last 7 days',
  last28: 'Last 28 days',
  custom: 'Custom',
  from: 'From',
  to: 'To',
  apply: 'Show',
  'range-invalid': 'Choose a first day before the last, at most 92 days apart.',
  loading: 'Loading the figures…',
  empty: 'No conversations in this range.',
  'error-title': 'The figures could not be loaded.',
  'error-admin': "Only the site's admins can see these figures. Sign in as an admin.",
  'error-busy': 'This took too long or the data could not be reached. Try again, or choose a shorter range.',
  'error-invalid': 'These figures could not be read.',
  retry: 'Try again',
  latency: 'First response (median)',
  p95: 'p95 {a}',
  solved: 'Solved without a person',
  'solved-of': '{a} of {b} member-days',
  repeats: 'Repeat questions',
  'repeats-of': '{a} of {b} questions',
  trend: '{a} per day, from {b}',
  'latency-chart': 'Time to the first answer, per day',
  median: 'Median (p50)',
  slow: 'Slowest 5 % (p95)',
  more: 'More figures',
  questions: 'Questions',
  members: 'Members who asked',
  fallback: 'Automatic replies (fallback)',
  'low-confidence': 'Low-confidence answers',
  handoffs: 'Handoffs to a person',
  'handoffs-of': '{a} after poor answers, {b} asked for',
  failed: 'Failed messages',
  tokens: 'Tokens (prompt + answer)',
  errors: 'Errors by code',
  'no-errors': 'No errors.',
  unresolved: 'Top unresolved questions',
  'no-unresolved': 'None in this range.',
  asked: 'Asked {a}×, by {b} members',
  csv: 'Download CSV',
  'no-data': 'no data',
};

export type MetricsLabelKey = keyof typeof en;
export type MetricsLabels = Record<MetricsLabelKey, string>;

const de: MetricsLabels = {
  title: 'Chat-Kennzahlen',
  range: 'Zeitraum',
  last7: 'Letzte 7 Tage',
  last28: 'Letzte 28 Tage',
  custom: 'Eigener',
  from: 'Von',
  to: 'Bis',
  apply: 'Anzeigen',
  'range-invalid': 'Wählen Sie einen ersten Tag vor dem letzten, höchstens 92 Tage auseinander.',
  loading: 'Die Kennzahlen werden geladen…',
  empty: 'In diesem Zeitraum gab es keine Unterhaltungen.',
  'error-title': 'Die Kennzahlen konnten nicht geladen werden.',
  'error-admin': 'Nur Administratoren der Website sehen diese Kennzahlen. Melden Sie sich als Administrator an.',
  'error-busy': 'Das hat zu lange gedauert oder die Daten waren nicht erreichbar. Versuchen Sie es erneut oder wählen Sie einen kürzeren Zeitraum.',
  'error-invalid': 'Diese Kennzahlen konnten nicht gelesen werden.',
  retry: 'Erneut versuchen',
  latency: 'Erste Antwort (Median)',
  p95: 'p95 {a}',
  solved: 'Ohne Person gelöst',
  'solved-of': '{a} von {b} Mitglieder-Tagen',
  repeats: 'Wiederholte Fragen',
  'repeats-of': '{a} von {b} Fragen',
  trend: '{a} pro Tag, ab {b}',
  'latency-chart': 'Zeit bis zur ersten Antwort, pro Tag',
  median: 'Median (p50)',
  slow: 'Langsamste 5 % (p95)',
  more: 'Weitere Kennzahlen',
  questions: 'Fragen',
  members: 'Mitglieder mit Fragen',
  fallback: 'Automatische Antworten (Fallback)',
  'low-confidence': 'Unsichere Antworten',
  handoffs: 'Übergaben an eine Person',
  'handoffs-of': '{a} nach schwachen Antworten, {b} gewünscht',
  failed: 'Fehlgeschlagene Nachrichten',
  tokens: 'Tokens (Anfrage + Antwort)',
  errors: 'Fehler nach Code',
  'no-errors': 'Keine Fehler.',
  unresolved: 'Häufigste ungelöste Fragen',
  'no-unresolved': 'Keine in diesem Zeitraum.',
  asked: '{a}× gefragt, von {b} Mitgliedern',
  csv: 'CSV herunterladen',
  'no-data': 'keine Daten',
};

/** German for `de` and `de-*`, English for everything else. */
export function metricsLabels(lang: string | undefined): MetricsLabels {
  return /^de(?:-|$)/i.test(lang ?? '') ? de : en;
}

/** A label with its `{a}` and `{b}` filled in. */
export function fill(label: string, a: string | number, b: string | number = ''): string {
  return label.replace('{a}', String(a)).replace('{b}', String(b));
}
