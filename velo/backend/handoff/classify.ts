/**
 * What the kit knows about an answer when it arrives (architecture.md §10), stored on its turn:
 *
 * - `lowConfidence`, the reasons an AI answer (`ai` turn) counts as poor: `no-answer` (none, or
 *   only whitespace), `no-sources` (an answer without sources from a provider that cites them:
 *   SiteGPT; the OpenAI-compatible provider never cites, so it is never flagged for it),
 *   `refusal` (a built-in or operator's refusal phrase, text-match.ts), and
 *   `negative-reaction` (set and cleared by rateAnswer, withReaction). Empty: a good answer.
 * - `repeat`, on any question: it repeats one of the member's own questions of the 24 h before
 *   it. Those come from the rate limits' one read of the member's last day (no read of its own).
 */
import type { QuestionStamp, TurnRow } from '../chat/ports.js';
import type { Settings } from '../guardrails/settings-schema.js';
import { repeatsOneOf, saysRefusal } from './text-match.js';

const DAY = 24 * 60 * 60_000;

export type LowConfidenceReason = 'no-answer' | 'no-sources' | 'refusal' | 'negative-reaction';

/** What the send saw before this answer: the rate limits' read of the member's recent questions. */
export interface ClassifyContext {
  earlier?: readonly QuestionStamp[];
}

export interface AnswerClassifier {
  /** The answered row with its classification flags set. Never throws: a flag it cannot decide stays unset. */
  classify(row: TurnRow, settings: Settings, context?: ClassifyContext): Promise<TurnRow>;
}

/** Sets nothing (benches of the path without the handoff). */
export const keepAnswersAsTheyCame: AnswerClassifier = { classify: async (row) => row };

export const classifyAnswers: AnswerClassifier = {
  async classify(row, settings, context = {}) {
    const flagged: TurnRow = { ...row };
    if (row.kind === 'ai' && row.status === 'answered') {
      flagged.lowConfidence = lowConfidenceReasons(row, settings);
    }
    if (context.earlier && row.question !== null) flagged.repeat = isRepeat(row, context.earlier);
    return flagged;
  },
};

/** Why an answered `ai` turn is poor (its reaction included); empty when it is not. */
export function lowConfidenceReasons(row: Pick<TurnRow, 'answer' | 'sources' | 'reaction'>, settings: Pick<Settings, 'provider' | 'refusalPhrases'>): LowConfidenceReason[] {
  const reasons: LowConfidenceReason[] = [];
  const answer = row.answer?.trim() ?? '';
  if (answer === '') reasons.push('no-answer');
  else {
    if (citesSources(settings.provider) && row.sources.length === 0) reasons.push('no-sources');
    if (saysRefusal(answer, settings.refusalPhrases)) reasons.push('refusal');
  }
  if (row.reaction === 'NEGATIVE') reasons.push('negative-reaction');
  return reasons;
}

/** SiteGPT answers from the site's pages and cites them; an OpenAI-compatible model cites nothing. */
function citesSources(provider: Settings['provider']): boolean {
  return provider === 'sitegpt';
}

/** The member's own questions of the 24 h before this one (never the turn itself, on a retry). */
function isRepeat(row: TurnRow, earlier: readonly QuestionStamp[]): boolean {
  const texts = earlier
    .filter((stamp) => stamp.memberId === row.memberId && stamp._id !== row._id && stamp.askedAt < row.askedAt && stamp.askedAt >= row.askedAt - DAY)
    .flatMap((stamp) => (stamp.details?.question ? [stamp.details.question] : []));
  return repeatsOneOf(row.question ?? '', texts);
}

/**
 * The reasons after the member's thumbs: NEGATIVE adds `negative-reaction`, POSITIVE or NEUTRAL
 * takes it away; the other reasons stay. Only AI answers carry reasons; a row written before the
 * flags existed keeps none unless the member thumbs it down now.
 */
export function withReaction(row: TurnRow, reaction: TurnRow['reaction']): Pick<TurnRow, 'lowConfidence'> {
  if (row.kind !== 'ai' || (row.lowConfidence === undefined && reaction !== 'NEGATIVE')) return {};
  const kept = (row.lowConfidence ?? []).filter((reason) => reason !== 'negative-reaction');
  return { lowConfidence: reaction === 'NEGATIVE' ? [...kept, 'negative-reaction'] : kept };
}

/** Whether a row counts as a poor answer (it has a reason). */
export function isPoor(row: Pick<TurnRow, 'lowConfidence'>): boolean {
  return (row.lowConfidence?.length ?? 0) > 0;
}
