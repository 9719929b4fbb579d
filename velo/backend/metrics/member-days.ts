/**
 * Member-days, the unit of "solved without handoff", and the unresolved questions they leave.
 *
 * - A **member-day** is one member's questions in one 24-hour day of the range (days start at
 *   `from`). Only member-days with at least one question count.
 * - It is **solved without handoff** when it has at least one substantive AI answer, no handoff,
 *   no NEGATIVE reaction on any of its turns, and no repeat within 24 h: none of its questions is a
 *   repeat, and no repeat of the member follows one of its questions within 24 h (the range is
 *   read 24 h past `to` for those).
 * - The **unresolved questions** are the questions of member-days that were not solved, and any
 *   question whose answer was low confidence or got a NEGATIVE reaction, grouped by their
 *   normalised text (question-key.ts), most often asked first (then by how many members asked,
 *   then the latest). Member text: the answer is Admin-only and nothing here is logged.
 */
import { METRICS_LIMITS, type UnresolvedQuestion } from '../../../contract/metrics.js';
import { firstCodePoints } from '../guardrails/text.js';
import { questionKey } from './question-key.js';
import type { TurnFacts } from './turn-facts.js';

interface MemberDay {
  questions: number;
  substantive: boolean;
  handoff: boolean;
  negative: boolean;
  repeat: boolean;
}

interface Asked {
  at: number;
  day: number;
  text: string;
  /** Its own answer was low confidence or got a NEGATIVE reaction. */
  poor: boolean;
}

interface Trail {
  days: Map<number, MemberDay>;
  asked: Asked[];
  repeatsAt: number[];
}

export interface MemberDayFigures {
  members: number;
  memberDaysByDay: number[];
  solvedByDay: number[];
  unresolved: UnresolvedQuestion[];
}

export class MemberDays {
  readonly #trails = new Map<string, Trail>();

  constructor(
    private readonly dayCount: number,
    private readonly repeatWindowMs: number,
  ) {}

  /** A turn asked inside the range, on day `day`. */
  add(memberId: string, askedAt: number, question: string | null, facts: TurnFacts, day: number): void {
    const trail = this.#trail(memberId);
    let memberDay = trail.days.get(day);
    if (!memberDay) trail.days.set(day, (memberDay = { questions: 0, substantive: false, handoff: false, negative: false, repeat: false }));
    memberDay.substantive ||= facts.substantive;
    memberDay.handoff ||= facts.handoff !== null;
    memberDay.negative ||= facts.negative;
    if (!facts.question) return;
    memberDay.questions++;
    memberDay.repeat ||= facts.repeat;
    if (facts.repeat) trail.repeatsAt.push(askedAt);
    trail.asked.push({ at: askedAt, day, text: question ?? '', poor: facts.lowConfidence || facts.negative });
  }

  /** A repeat asked in the 24 h after the range: it can still take a day's "solved" away. */
  addLaterRepeat(memberId: string, askedAt: number): void {
    this.#trail(memberId).repeatsAt.push(askedAt);
  }

  finish(): MemberDayFigures {
    const memberDaysByDay = new Array<number>(this.dayCount).fill(0);
    const solvedByDay = new Array<number>(this.dayCount).fill(0);
    const groups = new Map<string, { text: string; count: number; members: Set<string>; lastAskedAt: number }>();
    let members = 0;
    for (const [memberId, trail] of this.#trails) {
      if (trail.asked.length === 0) continue;
      members++;
      const repeats = trail.repeatsAt.sort((a, b) => a - b);
      for (const asked of trail.asked) {
        if (repeatFollows(repeats, asked.at, this.repeatWindowMs)) trail.days.get(asked.day)!.repeat = true;
      }
      for (const [day, memberDay] of trail.days) {
        if (memberDay.questions === 0) continue;
        memberDaysByDay[day]!++;
        if (isSolved(memberDay)) solvedByDay[day]!++;
      }
      for (const asked of trail.asked) {
        if (!asked.poor && isSolved(trail.days.get(asked.day)!)) continue;
        const key = questionKey(asked.text) || asked.text.trim();
        const group = groups.get(key) ?? { text: asked.text, count: 0, members: new Set<string>(), lastAskedAt: 0 };
        group.count++;
        group.members.add(memberId);
        if (asked.at >= group.lastAskedAt) Object.assign(group, { text: asked.text, lastAskedAt: asked.at });
        groups.set(key, group);
      }
    }
    const unresolved = [...groups.values()]
      .sort((a, b) => b.count - a.count || b.members.size - a.members.size || b.lastAskedAt - a.lastAskedAt || (a.text < b.text ? -1 : 1))
      .slice(0, METRICS_LIMITS.unresolved)
      .map((group) => ({
        question: firstCodePoints(group.text.trim(), METRICS_LIMITS.questionChars),
        count: group.count,
        members: group.members.size,
        lastAskedAt: group.lastAskedAt,
      }));
    return { members, memberDaysByDay, solvedByDay, unresolved };
  }

  #trail(memberId: string): Trail {
    let trail = this.#trails.get(memberId);
    if (!trail) this.#trails.set(memberId, (trail = { days: new Map(), asked: [], repeatsAt: [] }));
    return trail;
  }
}

function isSolved(day: MemberDay): boolean {
  return day.substantive && !day.handoff && !day.negative && !day.repeat;
}

/** Whether a repeat comes after `at` and no later than `at + windowMs` (`repeats` sorted). */
function repeatFollows(repeats: readonly number[], at: number, windowMs: number): boolean {
  let low = 0;
  let high = repeats.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (repeats[mid]! <= at) low = mid + 1;
    else high = mid;
  }
  return low < repeats.length && repeats[low]! <= at + windowMs;
}
