/**
 * The unified diff shown before asking whether to replace an owner's file: what would go
 * (theirs, `-`) and what would come (the kit's, `+`). Kept readable in a terminal: the kit's
 * element is one minified line of about 80 KB, so long lines are cut, and so is a long diff.
 */
import { createTwoFilesPatch } from 'diff';

const MAX_LINES = 80;
const MAX_LINE_CHARS = 160;
/** Past this many changed lines a diff says little and costs much to compute. */
const MAX_EDIT_LENGTH = 4000;

export function diffView(target: string, yours: string, kit: string): string {
  const patch = createTwoFilesPatch(`${target} (yours)`, `${target} (the kit's)`, yours, kit, undefined, undefined, {
    context: 3,
    maxEditLength: MAX_EDIT_LENGTH,
  });
  if (patch === undefined) {
    return `(${target}: the two versions differ in too many lines to show here; yours has ${lineCount(yours)}, the kit's ${lineCount(kit)})`;
  }
  // Drop the "=====" banner createTwoFilesPatch starts with when it names no index.
  const lines = patch.split('\n').filter((line, i) => !(i === 0 && /^=+$/.test(line)));
  while (lines.at(-1) === '') lines.pop();
  const shown = lines.slice(0, MAX_LINES).map((line) =>
    line.length > MAX_LINE_CHARS ? `${line.slice(0, MAX_LINE_CHARS)}… (${line.length - MAX_LINE_CHARS} more characters)` : line,
  );
  if (lines.length > MAX_LINES) shown.push(`… ${lines.length - MAX_LINES} more lines of difference`);
  return shown.join('\n');
}

function lineCount(text: string): number {
  return text.split('\n').length;
}
