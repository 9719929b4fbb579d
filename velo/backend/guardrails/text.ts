/**
 * The characters no chat text keeps, whoever wrote it: controls other than newline and tab
 * (C0, DEL, C1), zero-width and other invisible formatting characters, bidi controls (which
 * can make text read differently from how it is stored: "Trojan Source", CVE-2021-42574) and
 * Unicode tag characters (invisible ASCII look-alikes used to smuggle instructions to a model).
 */
const REMOVED = new RegExp(
  [
    String.raw`[\u0000-\u0008\u000B-\u001F\u007F-\u009F]`, // controls except \t (09) and \n (0A)
    String.raw`[\u00AD\u180E\u200B-\u200D\u2060-\u2064\uFEFF]`, // soft hyphen, zero-width, invisible operators
    String.raw`[\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]`, // bidi marks, embeddings, overrides, isolates
    String.raw`[\u{E0000}-\u{E007F}]`, // tag characters
  ].join('|'),
  'gu',
);

/** CRLF and lone CR become LF, then every removed character goes. */
export function stripInvisible(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(REMOVED, '');
}

/** Length in code points, as a person counts characters (an emoji is one, not two). */
export function codePoints(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/** The first `max` code points, never splitting a surrogate pair. */
export function firstCodePoints(text: string, max: number): string {
  let out = '';
  let count = 0;
  for (const char of text) {
    if (count++ === max) break;
    out += char;
  }
  return out;
}
