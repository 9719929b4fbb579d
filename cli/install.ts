/**
 * `wix-install`: copies the kit's Wix tree into a site's Git-integration checkout without
 * overwriting the owner's own code (the rules are in plan.ts and resolve.ts), records what it
 * wrote, and says what to do next.
 */
import { readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Io } from './io.js';
import { contentHash, emptyManifest, MANIFEST, manifestText, readManifest, writeIfChanged, type Manifest } from './manifest.js';
import { wixPackages } from './next-steps.js';
import { mergeCopyOf, plan, type Step } from './plan.js';
import { closing, outcomeLine, type Kept, type Outcome } from './report.js';
import { resolveConflict } from './resolve.js';
import { keepOwnersCopy } from './saved-copy.js';

export interface Kit {
  version: string;
  /** The Wix tree (dist/wix/src): path → bytes. */
  tree: ReadonlyMap<string, Buffer>;
}

/** Whether `repo` is a site's Git-integration checkout: Wix puts wix.config.json at its root. */
export async function isSiteRepo(repo: string): Promise<boolean> {
  return (await stat(join(repo, 'wix.config.json')).catch(() => null))?.isFile() ?? false;
}

/** Installs `kit` into `repo` (already checked with isSiteRepo). Resolves with the exit code: 0 done, 1 a file of the owner's left to merge. */
export async function wixInstall(repo: string, kit: Kit, yes: boolean, io: Io): Promise<number> {
  const { manifest, problem } = await readManifest(repo);
  if (problem) io.error(`Note: ${problem}.`);
  const steps = await plan(kit.tree, manifest, (target) => readFile(join(repo, target)).catch(() => null));
  const next: Manifest = { ...emptyManifest(), ...structuredClone(manifest) };
  const kept: Kept[] = [];
  io.print(`sitegpt-member-chat ${kit.version}: installing into ${repo}`);
  io.print('');

  const write = (target: string, bytes: Uint8Array) => writeIfChanged(join(repo, target), bytes);
  /** The repo's file now holds the kit's version: the kit may update it later, and no merge is pending. */
  const own = async (step: Step) => {
    if (step.file.kind !== 'site') return;
    next.files[step.target] = contentHash(step.kit);
    delete next.merging[step.target];
    await rm(join(repo, mergeCopyOf(step.target)), { force: true });
  };

  for (const step of steps) {
    let outcome: Outcome;
    let savedAs: string | undefined;
    switch (step.decision) {
      case 'add':
      case 'update':
      case 'replace-empty':
        await write(step.target, step.kit);
        await own(step);
        outcome = step.decision === 'add' ? 'added' : step.decision === 'update' ? 'updated' : 'replaced';
        break;
      case 'same':
        await own(step);
        outcome = 'unchanged';
        break;
      case 'merged':
        outcome = 'merged';
        break;
      case 'conflict': {
        // Set aside before for this very kit version: the copy stays there, to merge.
        const setAsideBefore = manifest.merging[step.target]?.kit === contentHash(step.kit);
        const resolution = setAsideBefore && !io.interactive ? 'set-aside' : await resolveConflict(step, yes, io);
        if (resolution === 'replace') {
          savedAs = await keepOwnersCopy(repo, step.target, step.current!);
          await write(step.target, step.kit);
          await own(step);
          outcome = 'replaced';
        } else {
          if (resolution === 'set-aside') {
            await write(mergeCopyOf(step.target), step.kit);
            next.merging[step.target] = { kit: contentHash(step.kit), yours: contentHash(step.current!) };
          }
          kept.push({ step, setAside: resolution === 'set-aside' });
          outcome = 'kept';
        }
        break;
      }
    }
    io.print(outcomeLine(outcome, step, savedAs));
  }

  // The record changes only when what the kit owns changed, so a second run writes nothing.
  const recorded = (m: Manifest) => manifestText({ ...m, version: '' });
  if (recorded(next) !== recorded(manifest)) {
    next.version = kit.version;
    await write(MANIFEST, Buffer.from(manifestText(next)));
  }
  const packages = wixPackages([...kit.tree.values()].map(String));
  for (const line of closing(kit.version, kept, steps, packages)) io.print(line);
  return kept.length ? 1 : 0;
}
