/**
 * The text rules of the classification (architecture.md §10), on one normal form: the metrics'
 * question key (NFKC, lower case, punctuation and symbols as spaces, whitespace collapsed), so
 * "I don't know", "I DON’T KNOW!" and "i don t know" are one phrase, and a question the metrics
 * group together is one question here too.
 *
 * - A **refusal**: the answer contains one of the refusal phrases as whole words.
 * - A **repeat**: the question's key equals an earlier one's, or their token sets (the key's
 *   words) have a Jaccard index of at least 0.8 (|A ∩ B| ÷ |A ∪ B|).
 */
import { questionKey } from '../metrics/question-key.js';

/** What SiteGPT and common chat models say when they have no answer, in English and German. */
export const BUILT_IN_REFUSALS: readonly string[] = [
  "I don't know",
  'I do not know',
  "I'm not sure",
  'I am not sure',
  "I couldn't find",
  'I could not find',
  "I can't help with that",
  'I cannot help with that',
  'Ich weiß es nicht',
  'Ich weiß nicht',
  'Das weiß ich nicht',
  'Ich bin mir nicht sicher',
  'Ich konnte nichts finden',
  'Ich konnte keine',
  'Dabei kann ich nicht helfen',
  'Damit kann ich nicht helfen',
  'Ich kann dabei nicht helfen',
  'Ich kann damit nicht helfen',
];

/** Token Jaccard at or above this makes a question a repeat. */
export const REPEAT_JACCARD = 0.8;

/** Whether the answer says one of the phrases (built-in and the operator's), as whole words. */
export function saysRefusal(answer: string, extraPhrases: readonly string[]): boolean {
  const said = ` ${questionKey(answer)} `;
  return [...BUILT_IN_REFUSALS, ...extraPhrases].some((phrase) => {
    const key = questionKey(phrase);
    return key.length > 0 && said.includes(` ${key} `);
  });
}

/** The question as the repeat rule compares it: its key and the set of its words. */
export interface QuestionForm {
  key: string;
  tokens: ReadonlySet<string>;
}

export function questionForm(text: string): QuestionForm {
  const key = questionKey(text);
  return { key, tokens: new Set(key.split(' ').filter(Boolean)) };
}

/** |A ∩ B| ÷ |A ∪ B|; 0 for two empty sets (a question of punctuation only repeats nothing). */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let both = 0;
  for (const token of a) if (b.has(token)) both++;
  const either = a.size + b.size - both;
  return either === 0 ? 0 : both / either;
}

/** Whether `question` repeats one of `earlier` (texts). */
export function repeatsOneOf(question: string, earlier: readonly string[]): boolean {
  const asked = questionForm(question);
  if (asked.key === '') return false;
  return earlier.some((text) => {
    const before = questionForm(text);
    return before.key === asked.key || jaccard(before.tokens, asked.tokens) >= REPEAT_JACCARD;
  });
}
