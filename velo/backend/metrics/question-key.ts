/**
 * The key the unresolved questions are grouped by: the member's text NFKC-normalised, lower-cased,
 * punctuation and symbols dropped, whitespace collapsed, so "Where is my order?" and
 * "where is my order" count as one question.
 */
export function questionKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}
