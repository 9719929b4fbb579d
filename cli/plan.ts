/**
 * What `wix-install` does with each file of the kit, decided before anything is written: the
 * rules that keep a site owner's own code safe.
 */
import { describe, inKitOrder, type KitFile } from './kit-files.js';
import { sameText } from './line-endings.js';
import { contentHash, KIT_DIR, type Manifest } from './manifest.js';
import { holdsNoCode } from './no-code.js';

export type Decision =
  /** Nothing there yet: written. */
  | 'add'
  /** Already the kit's (line endings aside: a Windows checkout makes them CRLF): left as it is. */
  | 'same'
  /** The kit's earlier version, which nobody changed since the kit wrote it: replaced. */
  | 'update'
  /** The owner's file, but with no code in it (Wix's empty template): replaced. */
  | 'replace-empty'
  /** The owner's version of this kit version was already set aside, and they changed their file since: taken as merged. */
  | 'merged'
  /** The owner's own code (or a kit file they changed): never replaced without their yes. */
  | 'conflict';

export interface Step {
  file: KitFile;
  /** Where it goes, relative to the repo root. */
  target: string;
  kit: Buffer;
  /** What the repo holds there now, or null. */
  current: Buffer | null;
  decision: Decision;
}

/** Where the kit sets aside its version of a file the owner keeps, for them to merge by hand. */
export function mergeCopyOf(target: string): string {
  return `${KIT_DIR}/to-merge/${target}`;
}

/** Where a site file goes (under src/), or where page code to paste is set aside. */
function targetOf(file: KitFile): string {
  return file.kind === 'site' ? `src/${file.path}` : `${KIT_DIR}/page-code/${file.path.split('/').pop()}`;
}

export function decide(target: string, kit: Buffer, current: Buffer | null, manifest: Manifest, kind: KitFile['kind']): Decision {
  if (current === null) return 'add';
  if (sameText(current, kit)) return 'same';
  // Page code to paste sits in the kit's own folder: always the kit's to replace.
  if (kind === 'page-code') return 'update';
  const hash = contentHash(current);
  if (manifest.files[target] === hash) return 'update';
  if (holdsNoCode(current.toString('utf8'))) return 'replace-empty';
  const merging = manifest.merging[target];
  if (merging && merging.kit === contentHash(kit) && merging.yours !== hash) return 'merged';
  return 'conflict';
}

/** One step per file of the kit's tree, in the kit's order; `read` gives the repo's current bytes. */
export async function plan(
  tree: ReadonlyMap<string, Buffer>,
  manifest: Manifest,
  read: (target: string) => Promise<Buffer | null>,
): Promise<Step[]> {
  const steps: Step[] = [];
  for (const path of inKitOrder(tree.keys())) {
    const file = describe(path);
    const target = targetOf(file);
    const kit = tree.get(path)!;
    const current = await read(target);
    steps.push({ file, target, kit, current, decision: decide(target, kit, current, manifest, file.kind) });
  }
  return steps;
}
