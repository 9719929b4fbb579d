/**
 * The record of what `wix-install` wrote into a site repo: sitegpt-member-chat/installed.json,
 * each file under src/ with the SHA-256 of the content the kit wrote (line endings as LF, so a
 * Windows checkout's CRLF copy has the same hash). A file whose content still has that hash is
 * the kit's and may be updated; any other file is the owner's.
 * Committed with the site, so every clone knows.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { asLf, sameText } from './line-endings.js';

/** The kit's own folder in a site repo, beside src/ (Wix reads only src/). */
export const KIT_DIR = 'sitegpt-member-chat';
export const MANIFEST = `${KIT_DIR}/installed.json`;

export interface Manifest {
  /** The kit version that last wrote a file. */
  version: string;
  /** Path in the repo (`src/…`) → contentHash of what the kit wrote. */
  files: Record<string, string>;
  /**
   * Files the owner keeps, whose kit version was set aside to merge: the hashes of that kit
   * version and of the owner's file then. Once the owner's file changes, it counts as merged.
   */
  merging: Record<string, { kit: string; yours: string }>;
}

/** SHA-256 (hex) of `bytes` with line endings as LF: the same for a file and its CRLF checkout. */
export function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(asLf(bytes)).digest('hex');
}

/** The repo's record; none (or one that cannot be read) records nothing, so nothing counts as the kit's. */
export async function readManifest(repo: string): Promise<{ manifest: Manifest; problem?: string }> {
  let text: string;
  try {
    text = await readFile(join(repo, MANIFEST), 'utf8');
  } catch {
    return { manifest: emptyManifest() };
  }
  try {
    const parsed = JSON.parse(text) as Partial<Manifest>;
    const files = Object.fromEntries(Object.entries(parsed.files ?? {}).filter(([path, hash]) => path.startsWith('src/') && isHash(hash)));
    const merging = Object.fromEntries(
      Object.entries(parsed.merging ?? {}).filter(([path, m]) => path.startsWith('src/') && isHash(m?.kit) && isHash(m?.yours)),
    );
    return { manifest: { version: typeof parsed.version === 'string' ? parsed.version : '', files, merging } };
  } catch {
    return { manifest: emptyManifest(), problem: `${MANIFEST} could not be read, so no file counts as written by the kit` };
  }
}

function isHash(value: unknown): value is string {
  return typeof value === 'string' && /^[0-9a-f]{64}$/.test(value);
}

export function emptyManifest(): Manifest {
  return { version: '', files: {}, merging: {} };
}

/** The manifest as stored: keys sorted, so the same record is the same bytes. */
export function manifestText(manifest: Manifest): string {
  const sorted = <T>(record: Record<string, T>) => Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
  return `${JSON.stringify({ version: manifest.version, files: sorted(manifest.files), merging: sorted(manifest.merging) }, null, 2)}\n`;
}

/** Writes `bytes` to `path` unless it already holds them (as text: a CRLF checkout of them counts); true when it wrote. */
export async function writeIfChanged(path: string, bytes: Uint8Array | string): Promise<boolean> {
  const wanted = typeof bytes === 'string' ? Buffer.from(bytes) : Buffer.from(bytes);
  const current = await readFile(path).catch(() => null);
  if (current && sameText(current, wanted)) return false;
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, wanted);
  return true;
}
