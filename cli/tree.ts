/** Reading a folder of files into memory: the kit's Wix tree is small (about a megabyte). */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/** Every file under `dir`, keyed by its path relative to `dir` with `/` separators, sorted. */
export async function readTree(dir: string): Promise<Map<string, Buffer>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const paths = entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
  const tree = new Map<string, Buffer>();
  for (const path of paths) tree.set(path, await readFile(join(dir, path)));
  return tree;
}
