/**
 * Where an owner's file the kit replaced (after their yes) is kept: sitegpt-member-chat/replaced/
 * and its path under the repo. An owner may say yes more than once over the years (each time
 * they had put code of their own back), so a copy is never overwritten by a different one:
 * the next goes beside it with a number (`masterPage.1.js`, `masterPage.2.js`, …).
 */
import { readFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { sameText } from './line-endings.js';
import { KIT_DIR, writeIfChanged } from './manifest.js';

/** The `n`th place for a copy of `target`: the plain path first, then numbered beside it. */
function copyPath(target: string, n: number): string {
  const path = `${KIT_DIR}/replaced/${target}`;
  if (n === 0) return path;
  const ext = posix.extname(path);
  return `${path.slice(0, path.length - ext.length)}.${n}${ext}`;
}

/** Keeps `bytes`, the owner's file at `target`, in the first copy that already holds them or is free; resolves with its path in the repo. */
export async function keepOwnersCopy(repo: string, target: string, bytes: Buffer): Promise<string> {
  for (let n = 0; ; n++) {
    const path = copyPath(target, n);
    const existing = await readFile(join(repo, path)).catch((error: NodeJS.ErrnoException) =>
      error.code === 'ENOENT' ? null : Promise.reject(error),
    );
    if (existing === null) {
      await writeIfChanged(join(repo, path), bytes);
      return path;
    }
    if (sameText(existing, bytes)) return path;
  }
}
