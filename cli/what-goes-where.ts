/**
 * WHAT-GOES-WHERE.txt, the plain-text guide inside dist/sitegpt-member-chat-wix.zip: file by
 * file, where it goes on a Wix site and why, then what to do after copying. Written for a
 * site owner who opens the zip without reading anything else first.
 */
import { describe, inKitOrder, type KitFile } from './kit-files.js';
import { nextSteps } from './next-steps.js';

export const WHAT_GOES_WHERE = 'WHAT-GOES-WHERE.txt';

/** Where a tree file sits in the zip: site files under src/ as in a site repo, page code apart. */
export function zipPathOf(file: KitFile): string {
  return file.kind === 'site' ? `src/${file.path}` : `page-code/${file.path.split('/').pop()}`;
}

/**
 * Splits `text` into lines of at most `width` characters: the first starts with `indent`, the
 * others with `hanging` (so a label's text lines up under itself).
 */
export function wrap(text: string, indent: string, hanging = indent, width = 92): string[] {
  const lines: string[] = [];
  let line = '';
  const prefix = () => (lines.length ? hanging : indent);
  for (const word of text.split(/\s+/)) {
    if (line && prefix().length + line.length + 1 + word.length > width) {
      lines.push(prefix() + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(prefix() + line);
  return lines;
}

export function whatGoesWhere(version: string, treePaths: readonly string[], packages: readonly string[]): string {
  const files = inKitOrder(treePaths).map(describe);
  const title = `sitegpt-member-chat ${version}: the files for your Wix site`;
  const lines = [
    title,
    '='.repeat(title.length),
    '',
    ...wrap(
      'This zip holds the code a Wix site needs for sitegpt-member-chat: one SiteGPT conversation for each logged-in member, the same on every device.',
      '',
    ),
    '',
    'Two ways to put the files on your site:',
    '',
    ...wrap(
      `A. With Git Integration (your site's code in a GitHub repository): the easiest is to run "npx sitegpt-member-chat@${version} wix-install <folder of your site repository>". It copies the files for you, never overwrites code of your own, and says what to do next. By hand: copy the folder src/ of this zip into your site repository, except where your site already has a file of the same name (see each file below), then commit and push.`,
      '',
    ),
    '',
    ...wrap(
      'B. In the editor (Wix Studio or Wix Editor, with code turned on): for each file below, create a file with exactly the name given, in the place given, and paste in the content of the file from this zip.',
      '',
    ),
    '',
    'The files',
    '---------',
  ];
  for (const file of files) {
    const label = (name: string, text: string) => wrap(text, `  ${name.padEnd(7)}`, ' '.repeat(9));
    lines.push('', zipPathOf(file), ...label('Where:', `${file.where}.`), ...label('Why:', file.why));
    if (file.optional) lines.push(...label('', `Optional: needed only for ${file.optional}.`));
  }
  lines.push('', 'After the files', '---------------', '', ...nextSteps(version, packages), '');
  return lines.join('\n');
}
