/**
 * What the kit knows about an answer when it arrives (architecture.md §10): whether it is low
 * confidence, whether its question repeats an earlier one. This first version keeps every
 * answer as it came; the handoff work fills it in.
 */
import type { Settings } from '../guardrails/settings-schema.js';
import type { TurnRow } from '../chat/ports.js';

export interface AnswerClassifier {
  /** The answered row with its classification flags set. Never throws: a flag it cannot decide stays unset. */
  classify(row: TurnRow, settings: Settings): Promise<TurnRow>;
}

export const keepAnswersAsTheyCame: AnswerClassifier = { classify: async (row) => row };
