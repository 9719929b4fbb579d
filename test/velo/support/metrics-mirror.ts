/**
 * A small mirror whose figures were worked out by hand (metrics-definitions.test.ts says how):
 * nine members over three days, each turn there to exercise one definition. `RANGE` is the
 * three days; `HAND` the figures a correct computation must give for it.
 */
import type { TurnRow } from '../../../velo/backend/ports.js';
import { turnRow } from './transcript-store-contract.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;
export const D0 = Date.UTC(2026, 2, 2);
export const RANGE = { from: D0, to: D0 + 3 * DAY };
/** Day `day` of the range at hh:mm. */
export const at = (day: number, hour: number, minute = 0) => D0 + day * DAY + hour * HOUR + minute * 60_000;

let n = 0;
/** A question turn of `member`, asked at `askedAt` and answered `latencyMs` later (null: not answered). */
function ask(member: string, askedAt: number, question: string, latencyMs: number | null, overrides: Partial<TurnRow> = {}): TurnRow {
  const clientMessageId = `${member}-${String(++n).padStart(4, '0')}`;
  return turnRow({
    _id: `row-${clientMessageId}`,
    memberId: `member-${member}`,
    threadId: `thread-${member}`,
    clientMessageId,
    question,
    askedAt,
    answeredAt: latencyMs === null ? null : askedAt + latencyMs,
    rev: askedAt + (latencyMs ?? 0),
    seq: `${String(askedAt).padStart(15, '0')}-${clientMessageId}`,
    ...(latencyMs === null ? { status: 'failed', answer: null, sources: [] } : {}),
    ...overrides,
  });
}

function handoff(member: string, askedAt: number, reason: 'low-confidence' | 'requested', question: string | null = null): TurnRow {
  return ask(member, askedAt, '', 0, { kind: 'system', question, answer: 'A person will reply here.', sources: [], handoff: { reason, targets: ['wix-inbox'] } });
}

export function handMirror(): TurnRow[] {
  n = 0;
  return [
    // Ada: day 0 solved (a substantive answer; her low-confidence one does not undo it); day 1 a repeat.
    ask('ada', at(0, 9), 'Where is my order?', 1000, { tokens: { prompt: 100, completion: 20 } }),
    ask('ada', at(0, 9, 5), 'Do you ship to Iceland?', 3000, { lowConfidence: ['no-sources'], sources: [] }),
    ask('ada', at(1, 12), 'where is my ORDER', 2000, { repeat: true, tokens: { prompt: 50, completion: 10 } }),
    // Bob: day 0 a fallback and a failure, nothing substantive, then a handoff; day 2 a good answer he thumbed down.
    ask('bob', at(0, 10), 'Opening hours?', 500, { kind: 'fallback', sources: [] }),
    ask('bob', at(0, 10, 2), 'Opening hours today', null, { errorCode: 'UPSTREAM_UNAVAILABLE' }),
    handoff('bob', at(0, 10, 3), 'low-confidence'),
    ask('bob', at(2, 11), 'Can I return shoes?', 4000, { reaction: 'NEGATIVE' }),
    // Cy: day 1 is solved by its answer, until the repeat 23 h later takes it back; a failure without a code.
    ask('cy', at(1, 20), 'How do I reset my password?', 6000),
    ask('cy', at(1, 20, 30), '???', null, { errorCode: null }),
    ask('cy', at(2, 19), 'how do I reset my password', 2500, { repeat: true }),
    // Dee: day 2 answered, then a repeat 3 h after the range ends takes it back; a rate-limited failure.
    ask('dee', at(2, 21), 'Do you have gift cards?', null, { errorCode: 'RATE_LIMITED' }),
    ask('dee', at(2, 22), 'do you have gift cards', 800),
    ask('dee', at(3, 1), 'gift cards?', 900, { repeat: true }),
    // Fay: day 1 solved, with a POSITIVE reaction; her low-confidence answer still lists its question.
    ask('fay', at(1, 14), 'Do you ship to Iceland?', 1500, { reaction: 'POSITIVE' }),
    ask('fay', at(1, 14, 5), 'Where is my order?', 1200, { lowConfidence: ['refusal'] }),
    // Gus: day 0 answered well, but he asked for a person: a handoff is never "solved". A system turn is no question.
    ask('gus', at(0, 15), 'Is there a student discount?', 2200),
    handoff('gus', at(0, 15, 10), 'requested', 'Talk to a person'),
    // Ivy: day 2 answered with no text, on a row written before the flags existed: not substantive.
    ask('ivy', at(2, 9), 'Hello?', 700, { answer: '', sources: [] }),
    // Jo: day 1's only answer is low confidence (a refusal): not substantive, so not solved.
    ask('jo', at(1, 16), 'Do you price match?', 1800, { lowConfidence: ['refusal'], answer: "I'm not sure about that.", sources: [] }),
    // Eve asks nothing: an agent's message and a requested handoff are turns, not questions.
    ask('eve', at(1, 9), '', 0, { kind: 'agent', question: null, clientMessageId: 'agent-eve-0001', _id: 'row-agent-eve' }),
    handoff('eve', at(1, 9, 30), 'requested'),
    // Never counted: a claim row, and a turn before the range.
    ask('ada', at(0, 9, 1), '', null, { kind: 'claim', status: 'pending', question: null, seq: '' }),
    ask('ada', at(-1, 23), 'Before the range?', 700),
  ];
}

/** The figures of `handMirror()` over `RANGE`, computed by hand. */
export const HAND = {
  turns: 20,
  questions: 16,
  members: 8,
  memberDays: 11,
  solvedMemberDays: 2,
  latency: { p50: 1800, p95: 6000, answered: 13 },
  rates: { solvedWithoutHandoff: 0.1818, repeatQuestion: 0.125, fallback: 0.0625, lowConfidence: 0.25 },
  counts: { repeats: 2, fallbacks: 1, aiAnswered: 12, lowConfidence: 3, failed: 3 },
  handoffs: { total: 3, lowConfidence: 1, requested: 2 },
  errors: [
    { code: 'RATE_LIMITED', count: 1 },
    { code: 'UNKNOWN', count: 1 },
    { code: 'UPSTREAM_UNAVAILABLE', count: 1 },
  ],
  tokens: { prompt: 150, completion: 30 },
  days: [
    { start: D0, questions: 5, memberDays: 3, solved: 1, latencyP50: 1000, latencyP95: 3000, solvedRate: 0.3333, repeatRate: 0, tokens: 120 },
    { start: D0 + DAY, questions: 6, memberDays: 4, solved: 1, latencyP50: 1800, latencyP95: 6000, solvedRate: 0.25, repeatRate: 0.1667, tokens: 60 },
    { start: D0 + 2 * DAY, questions: 5, memberDays: 4, solved: 0, latencyP50: 800, latencyP95: 4000, solvedRate: 0, repeatRate: 0.2, tokens: 0 },
  ],
  unresolved: [
    { question: 'Where is my order?', count: 2, members: 2, lastAskedAt: at(1, 14, 5) },
    { question: 'do you have gift cards', count: 2, members: 1, lastAskedAt: at(2, 22) },
    { question: 'how do I reset my password', count: 2, members: 1, lastAskedAt: at(2, 19) },
    { question: 'Can I return shoes?', count: 1, members: 1, lastAskedAt: at(2, 11) },
    { question: 'Hello?', count: 1, members: 1, lastAskedAt: at(2, 9) },
    { question: '???', count: 1, members: 1, lastAskedAt: at(1, 20, 30) },
    { question: 'Do you price match?', count: 1, members: 1, lastAskedAt: at(1, 16) },
    { question: 'Is there a student discount?', count: 1, members: 1, lastAskedAt: at(0, 15) },
    { question: 'Opening hours today', count: 1, members: 1, lastAskedAt: at(0, 10, 2) },
    { question: 'Opening hours?', count: 1, members: 1, lastAskedAt: at(0, 10) },
    // Eleventh, so not listed: 'Do you ship to Iceland?' (Ada's low-confidence answer, asked first of all).
  ],
} as const;
