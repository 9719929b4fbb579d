/**
 * The seed's turns carry the flags the live path will set (architecture.md §10), decided by the
 * same rules, so the history reads as a real site's would: low confidence for no answer, no
 * sources, a refusal phrase or a NEGATIVE reaction; a repeat when the normalised question equals,
 * or has token Jaccard ≥ 0.8 with, one of the member's questions of the 24 h before it.
 */
import { questionKey } from '../../velo/backend/metrics/question-key.js';

const REFUSALS = ["i'm sorry, i couldn't", "i'm not sure", "i can't", "i don't know", 'could not find'];
const DAY = 86_400_000;

export function lowConfidenceReasons(answer: string | null, sources: readonly string[], reaction: string | null): string[] {
  const reasons: string[] = [];
  if (!answer?.trim()) reasons.push('no-answer');
  if (answer?.trim() && sources.length === 0) reasons.push('no-sources');
  if (answer && REFUSALS.some((phrase) => answer.toLowerCase().includes(phrase))) reasons.push('refusal');
  if (reaction === 'NEGATIVE') reasons.push('negative-reaction');
  return reasons;
}

export class RepeatRule {
  readonly #asked: Array<{ at: number; tokens: Set<string>; key: string }> = [];

  /** Whether `question` at `at` repeats an earlier one; then remembers it. */
  check(question: string, at: number): boolean {
    const key = questionKey(question);
    const tokens = new Set(key.split(' ').filter(Boolean));
    const repeat = this.#asked.some((earlier) => at - earlier.at <= DAY && at > earlier.at && (earlier.key === key || jaccard(earlier.tokens, tokens) >= 0.8));
    this.#asked.push({ at, tokens, key });
    return repeat;
  }
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let both = 0;
  for (const token of a) if (b.has(token)) both++;
  const either = a.size + b.size - both;
  return either === 0 ? 0 : both / either;
}
