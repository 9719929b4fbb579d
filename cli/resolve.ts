/**
 * A file the owner has their own version of: never replaced silently. With --yes the kit's
 * version goes beside it to merge by hand; in a terminal the owner sees the difference and
 * decides; with neither, nothing is written for it.
 */
import { diffView } from './diff-view.js';
import type { Io } from './io.js';
import { asLf } from './line-endings.js';
import type { Step } from './plan.js';

export type Resolution = 'replace' | 'set-aside' | 'leave';

export async function resolveConflict(step: Step, yes: boolean, io: Io): Promise<Resolution> {
  if (yes) return 'set-aside';
  if (!io.interactive) return 'leave';
  io.print('');
  io.print(`${step.target} is your own code and differs from the kit's version:`);
  // Line endings aside, or a CRLF checkout would show every line as changed.
  io.print(diffView(step.target, asLf(step.current!).toString('utf8'), step.kit.toString('utf8')));
  const answer = await io.ask(`Replace ${step.target} with the kit's version? (No: the kit's version is set aside for you to merge.) [y/N] `);
  return /^\s*y(?:es)?\s*$/i.test(answer) ? 'replace' : 'set-aside';
}
