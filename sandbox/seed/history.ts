/**
 * A few weeks of a web shop's help-desk chats, generated from a seed value, for the sandbox's
 * mirror (`npm run seed`) and the benchmark: several hundred members, each active on a few days
 * (fewer at weekends), in sessions of one to five questions at the hours people shop. Answers
 * take log-normally distributed seconds; some fail, some fall back, hard topics get poor answers,
 * which members thumb down, ask again (repeats) and, after two in a row, are handed to a person
 * who replies later. One day is an incident: SiteGPT slow and failing. Nothing here is a figure:
 * the metrics are computed from these turns like from any site's.
 */
import type { ErrorCode } from '../../contract/index.js';
import type { TurnRow } from '../../velo/backend/ports.js';
import { lowConfidenceReasons, RepeatRule } from './classify.js';
import { Random } from './random.js';
import { AGENT_REPLIES, FALLBACK_REPLY, HUMAN_REQUESTS, TOPICS, type Topic } from './topics.js';

export interface SeedOptions {
  seed: number;
  days: number;
  members: number;
  /** The history ends here (ms); nothing is asked later. */
  now: number;
}

/** Every seeded member's ID starts so: a new seed replaces exactly these. */
export const SEED_PREFIX = 'seed-';
const DAY = 86_400_000;
const MINUTE = 60_000;
const HOURS: ReadonlyArray<readonly [number, number]> = [[8, 2], [9, 4], [10, 6], [11, 6], [12, 7], [13, 6], [14, 5], [15, 5], [16, 4], [17, 4], [18, 5], [19, 7], [20, 7], [21, 5], [22, 3], [23, 1], [7, 1]];
const ERRORS: ReadonlyArray<readonly [ErrorCode, number]> = [['UPSTREAM_UNAVAILABLE', 7], ['RATE_LIMITED', 2], ['INTERNAL', 1]];

export function seedHistory(options: SeedOptions): TurnRow[] {
  const random = new Random(options.seed);
  const start = options.now - options.days * DAY;
  const incidentDay = Math.floor(start / DAY) + random.int(Math.min(3, options.days - 1), Math.max(0, options.days - 3));
  const rows: TurnRow[] = [];
  for (let m = 1; m <= options.members; m++) {
    const member = { memberId: `${SEED_PREFIX}member-${String(m).padStart(4, '0')}`, threadId: random.uuid() };
    const repeats = new RepeatRule();
    const sessions = activeDays(random, start, options.days).map((day) => start + day * DAY + random.weighted(HOURS) * 60 * MINUTE + random.int(0, 59) * MINUTE);
    for (let i = 0; i < sessions.length; i++) {
      const comeback = session(random, sessions[i]!, (row) => rows.push({ ...member, ...row } as TurnRow), repeats, Math.floor(sessions[i]! / DAY) === incidentDay);
      if (comeback !== undefined) sessions.splice(i + 1, 0, comeback);
      sessions.sort((a, b) => a - b);
    }
  }
  return rows.filter((row) => row.askedAt < options.now).sort((a, b) => a.askedAt - b.askedAt || (a._id < b._id ? -1 : 1));
}

/** Which days of the range a member chats on: a few, weekdays more often. */
function activeDays(random: Random, start: number, days: number): number[] {
  const wanted = Math.min(days, 1 + Math.floor(random.logNormal(2, 0.8)));
  const chosen = new Set<number>();
  for (let tries = 0; chosen.size < wanted && tries < wanted * 20; tries++) {
    const day = random.int(0, days - 1);
    const weekday = new Date(start + day * DAY).getUTCDay();
    if (weekday % 6 !== 0 || random.chance(0.6)) chosen.add(day);
  }
  return [...chosen].sort((a, b) => a - b);
}

type Row = Omit<TurnRow, 'memberId' | 'threadId'>;

/** One sitting: questions until satisfied or handed over. Answers when the member comes back within a day. */
function session(random: Random, startAt: number, write: (row: Row) => void, repeats: RepeatRule, incident: boolean): number | undefined {
  let at = startAt;
  let topic = random.weighted(TOPICS.map((t) => [t, t.weight] as const));
  let poorStreak = 0;
  let comeback: number | undefined;
  const questions = 1 + Math.min(4, Math.floor(random.logNormal(0.8, 0.9)));
  for (let q = 0; q < questions; q++) {
    if (random.chance(0.012)) return handoff(random, at, 'requested', random.pick(HUMAN_REQUESTS), write);
    const text = random.pick(topic.questions);
    const answer = answerTurn(random, at, text, topic, incident, repeats.check(text, at));
    write(answer.row);
    at = (answer.row.answeredAt ?? at + 4000) + random.int(15, 240) * 1000;
    poorStreak = answer.poor ? poorStreak + 1 : 0;
    // Two poor answers in a row: the pane offers a person; about half take it, the rest give up.
    if (poorStreak === 2) return random.chance(0.45) ? handoff(random, at, 'low-confidence', null, write) : comeback;
    // After a poor answer many members ask the same again (not counted against the sitting),
    // some come back to it within the day; otherwise they move on to another topic.
    if (answer.poor && random.chance(0.4)) q--;
    else if (answer.poor && random.chance(0.2)) comeback = at + random.int(2 * 60, 20 * 60) * MINUTE;
    else topic = random.weighted(TOPICS.map((t) => [t, t.weight] as const));
  }
  return comeback;
}

function answerTurn(random: Random, at: number, question: string, topic: Topic, incident: boolean, repeat: boolean): { row: Row; poor: boolean } {
  const id = random.uuid();
  const base = { _id: random.hex(64), clientMessageId: id, question, askedAt: at, seq: `${String(at).padStart(15, '0')}-${id}`, upstreamMessageId: null, upstreamLatencyMs: null, errorCode: null, uncertain: false, attempt: 1, reaction: null, repeat, tokens: null } as const;
  if (random.chance(incident ? 0.18 : 0.025)) {
    const errorCode = random.weighted(ERRORS);
    return { row: { ...base, kind: 'ai', status: 'failed', answer: null, sources: [], answeredAt: null, rev: at + 10_000, errorCode, uncertain: errorCode === 'UPSTREAM_UNAVAILABLE' }, poor: true };
  }
  if (random.chance(incident ? 0.3 : 0.04)) {
    const answeredAt = at + random.int(40, 250);
    return { row: { ...base, kind: 'fallback', status: 'answered', answer: FALLBACK_REPLY, sources: [], answeredAt, rev: answeredAt }, poor: true };
  }
  const latency = Math.round(Math.max(450, random.logNormal(topic.hard ? 2900 : 2200, 0.45) * (incident ? 2.4 : 1)));
  const sources = topic.hard ? (random.chance(0.45) ? [...topic.sources] : []) : random.chance(0.06) ? [] : [...topic.sources];
  const answer = topic.hard && random.chance(0.25) ? "I'm sorry, I couldn't find that in our help pages." : topic.answer;
  const poorAnswer = lowConfidenceReasons(answer, sources, null).length > 0;
  const reaction = random.chance(poorAnswer ? 0.3 : 0.02) ? 'NEGATIVE' : random.chance(poorAnswer ? 0.03 : 0.16) ? 'POSITIVE' : null;
  const lowConfidence = lowConfidenceReasons(answer, sources, reaction);
  const answeredAt = at + latency;
  return {
    row: { ...base, kind: 'ai', status: 'answered', answer, sources, answeredAt, rev: answeredAt, reaction, lowConfidence, upstreamMessageId: String(random.int(1e17, 9e17)), upstreamLatencyMs: latency - random.int(20, 120) },
    poor: lowConfidence.length > 0,
  };
}

/** The conversation goes to a person: a system turn, then (mostly) a reply from the team later. */
function handoff(random: Random, at: number, reason: 'low-confidence' | 'requested', question: string | null, write: (row: Row) => void): undefined {
  const id = random.uuid();
  const common = { reaction: null, upstreamMessageId: null, upstreamLatencyMs: null, errorCode: null, uncertain: false, attempt: 1 } as const;
  write({ ...common, _id: random.hex(64), clientMessageId: id, kind: 'system', status: 'answered', question, answer: 'A person from our team will reply here.', sources: [], askedAt: at, answeredAt: at, rev: at, seq: `${String(at).padStart(15, '0')}-${id}`, handoff: { reason, targets: ['wix-inbox'] } });
  if (!random.chance(0.8)) return undefined;
  const replyAt = at + random.int(6, 180) * MINUTE;
  const agentId = `agent-${random.int(1e17, 9e17)}`;
  write({ ...common, _id: random.hex(64), clientMessageId: agentId, kind: 'agent', status: 'answered', question: null, answer: random.pick(AGENT_REPLIES), sources: [], askedAt: replyAt, answeredAt: replyAt, rev: replyAt, seq: `${String(replyAt).padStart(15, '0')}-${agentId}` });
  return undefined;
}
