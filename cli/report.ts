/** What `wix-install` prints: each file's outcome, then what the site owner does next. */
import { KIT_DIR, MANIFEST } from './manifest.js';
import { nextSteps } from './next-steps.js';
import { mergeCopyOf, type Step } from './plan.js';
import { wrap } from './what-goes-where.js';

export type Outcome = 'added' | 'unchanged' | 'updated' | 'replaced' | 'merged' | 'kept';

/** One kept file: the owner's own, left as it was; `setAside` when the kit's version was written beside, to merge. */
export interface Kept {
  step: Step;
  setAside: boolean;
}

/** Each outcome's note; `savedAs` is where the owner's replaced file was kept. */
const NOTES: Record<Outcome, (step: Step, savedAs?: string) => string> = {
  added: (step) => (step.file.kind === 'page-code' ? 'page code to paste, see below' : ''),
  unchanged: () => '',
  updated: (step) => (step.file.kind === 'page-code' ? 'page code to paste, see below' : "the kit's earlier version, which nobody had changed"),
  replaced: (step, savedAs) =>
    step.decision === 'replace-empty' ? "it held no code of yours, only Wix's empty template" : `you said yes; yours is saved in ${savedAs}`,
  merged: () => 'yours, changed since the kit set its version aside: taken as merged',
  kept: () => 'your own code, not overwritten',
};

export function outcomeLine(outcome: Outcome, step: Step, savedAs?: string): string {
  const note = NOTES[outcome](step, savedAs);
  return `  ${(outcome === 'kept' ? 'KEPT' : outcome).padEnd(10)} ${step.target}${note ? `  (${note})` : ''}`;
}

/** The closing text: the files left to merge, page code to paste, and the site's next steps. */
export function closing(version: string, kept: readonly Kept[], steps: readonly Step[], packages: readonly string[]): string[] {
  const lines: string[] = [''];
  if (kept.length) {
    lines.push(kept.length === 1 ? 'One file of your own was left as it is. To finish:' : `${kept.length} files of your own were left as they are. To finish:`);
    for (const { step, setAside } of kept) {
      lines.push(...wrap(`${step.target}: ${step.file.why}`, '- ', '  '));
      lines.push(
        ...wrap(
          setAside
            ? `The kit's version to merge from: ${mergeCopyOf(step.target)}. Once your file holds it, run this command again.`
            : "Nothing was written for it. Run this command again in a terminal to see the difference and decide, or with --yes to get the kit's version" +
                ` in ${mergeCopyOf(step.target)} to merge by hand.`,
          '  ',
        ),
      );
    }
    lines.push('');
  }
  for (const step of steps.filter((s) => s.file.kind === 'page-code')) {
    const only = step.file.optional ? ` Only for ${step.file.optional}.` : '';
    lines.push(...wrap(`Page code in ${step.target}, for ${step.file.where.replace(/^Page Code, /, '')}: ${step.file.why}${only}`, ''), '');
  }
  lines.push(
    ...wrap(`Commit and push src/ and ${KIT_DIR}/ (keep ${MANIFEST}: it tells the next install which files are the kit's).`, ''),
    '',
    'Then, on the site:',
    ...nextSteps(version, packages),
  );
  return lines;
}
