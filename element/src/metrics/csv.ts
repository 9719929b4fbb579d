/**
 * The CSV for the weekly review, built in the browser from the figures the element shows:
 * the days, then the range's totals, then the unresolved questions. RFC 4180 (CRLF, quoted
 * text), with a byte-order mark so spreadsheet programs read it as UTF-8. The questions are
 * member text: a cell that starts like a formula (`=`, `+`, `-`, `@`, tab, CR) gets a leading
 * `'`, so a spreadsheet shows it and never runs it (OWASP "CSV injection").
 */
import type { ChatMetrics } from '../../../contract/metrics.js';
import { toDateInput } from './date-range.js';

type Cell = string | number | null;

function cell(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${text.replace(/"/g, '""')}"`;
}

const row = (...cells: Cell[]) => cells.map(cell).join(',');

export function metricsCsv(metrics: ChatMetrics): string {
  const { rates, latency, counts, handoffs } = metrics;
  const lines = [
    row('day', 'questions', 'member_days', 'solved_member_days', 'solved_rate', 'repeat_rate', 'latency_p50_ms', 'latency_p95_ms', 'tokens'),
    ...metrics.days.map((d) =>
      row(toDateInput(d.start), d.questions, d.memberDays, d.solved, d.solvedRate, d.repeatRate, d.latencyP50, d.latencyP95, d.tokens),
    ),
    row('all', metrics.questions, metrics.memberDays, metrics.solvedMemberDays, rates.solvedWithoutHandoff, rates.repeatQuestion, latency.p50, latency.p95, metrics.tokens.prompt + metrics.tokens.completion),
    '',
    row('metric', 'value'),
    row('first_day', toDateInput(metrics.from)),
    row('last_day', toDateInput(metrics.to - 1)),
    row('turns', metrics.turns),
    row('members', metrics.members),
    row('answered_questions_timed', latency.answered),
    row('fallback_rate', rates.fallback),
    row('fallbacks', counts.fallbacks),
    row('low_confidence_rate', rates.lowConfidence),
    row('low_confidence_answers', counts.lowConfidence),
    row('ai_answers', counts.aiAnswered),
    row('repeats', counts.repeats),
    row('handoffs', handoffs.total),
    row('handoffs_after_low_confidence', handoffs.lowConfidence),
    row('handoffs_requested', handoffs.requested),
    row('failed', counts.failed),
    ...metrics.errors.map((e) => row(`error_${e.code}`, e.count)),
    row('tokens_prompt', metrics.tokens.prompt),
    row('tokens_completion', metrics.tokens.completion),
    '',
    row('unresolved_question', 'times_asked', 'members', 'last_asked'),
    ...metrics.unresolved.map((u) => row(u.question, u.count, u.members, toDateInput(u.lastAskedAt))),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The file's name: the first and last day of the range. */
export function csvName(metrics: ChatMetrics): string {
  return `chat-metrics_${toDateInput(metrics.from)}_${toDateInput(metrics.to - 1)}.csv`;
}
