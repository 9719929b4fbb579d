/**
 * dist/sitegpt-member-chat-wix.zip: the Wix tree (dist/wix/src) as a site owner downloads it,
 * site files under src/ as in a site's Git-integration repo, page code to paste under
 * page-code/, and WHAT-GOES-WHERE.txt. Zipped in-process with fflate (pure JS), so the build
 * needs no zip binary.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { zipSync, type Zippable } from 'fflate';
import { describe } from '../cli/kit-files.js';
import { wixPackages } from '../cli/next-steps.js';
import { readTree } from '../cli/tree.js';
import { WHAT_GOES_WHERE, whatGoesWhere, zipPathOf } from '../cli/what-goes-where.js';

export const WIX_ZIP = 'sitegpt-member-chat-wix.zip';

/**
 * Every entry's modification time, fixed so that the same tree zips to the same bytes (fflate
 * stamps the clock otherwise). The earliest a zip can hold (DOS time); given in local time
 * because fflate writes local date and time fields, and a UTC date would fall in 1979 west of
 * Greenwich, which it rejects.
 */
const ENTRY_MTIME = new Date(1980, 0, 1);

/** The zip's bytes for the tree in `treeDir`, with the text for this `version`. */
async function wixZip(treeDir: string, version: string): Promise<Uint8Array> {
  const tree = await readTree(treeDir);
  const text = whatGoesWhere(version, [...tree.keys()], wixPackages([...tree.values()].map(String)));
  const entries: Zippable = { [WHAT_GOES_WHERE]: new TextEncoder().encode(text) };
  for (const [path, bytes] of tree) entries[zipPathOf(describe(path))] = new Uint8Array(bytes);
  return zipSync(entries, { level: 9, mtime: ENTRY_MTIME });
}

/** Writes the zip of `treeDir` to `zipFile`, for the version in the project's package.json. */
export async function writeWixZip(treeDir: string, zipFile: string): Promise<void> {
  const { version } = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  await writeFile(zipFile, await wixZip(treeDir, version));
}
