/**
 * The member's question, checked and normalised before anything else happens (architecture.md
 * §8.4 step 1): NFKC (full-width and compatibility forms become their plain letters, so what is
 * stored, sent and compared is one spelling), line breaks as LF, invisible and control
 * characters removed (text.ts), trimmed, then 1 to `maxChars` code points. The first guardrail.
 */
import { Failure } from '../runtime/failure.js';
import { codePoints, stripInvisible } from './text.js';

export function normaliseQuestion(text: string, maxChars: number): string {
  // Removal before NFKC and again after it: NFKC can compose a character next to a removed one.
  const normalised = stripInvisible(stripInvisible(text).normalize('NFKC')).trim();
  if (normalised === '') {
    throw new Failure('INVALID_INPUT', 'text-empty', { message: 'The message is empty.' });
  }
  const length = codePoints(normalised);
  if (length > maxChars) {
    throw new Failure('INVALID_INPUT', 'text-too-long', {
      message: `The message is too long: ${length} characters, at most ${maxChars}.`,
    });
  }
  return normalised;
}
