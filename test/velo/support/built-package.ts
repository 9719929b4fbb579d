/**
 * The package as a user gets it, built into a temporary folder: package.json, bin/, README,
 * LICENSE, docs/ copied from the project and dist/ built by the very function `npm run build`
 * runs (scripts/package-build.ts). The CLI, zip and pack tests run against it, never against
 * the project's own dist/ (which may be stale, or being rebuilt by someone else).
 */
import { cp, mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { buildPackage } from '../../../scripts/package-build.js';

export const PROJECT = new URL('../../../', import.meta.url).pathname;

export interface BuiltPackage {
  root: string;
  dist: string;
  /** dist/wix/src: the kit's Wix tree. */
  tree: string;
  bin: string;
  version: string;
}

let built: Promise<BuiltPackage> | undefined;
let builtRoot: string | undefined;
// Registered at the top level: an after() called inside a hook or test would run when that one ends.
after(() => (builtRoot ? rm(builtRoot, { recursive: true, force: true }) : undefined));

/** Builds the package once per test file; the folder is removed when the file's tests end. */
export function builtPackage(): Promise<BuiltPackage> {
  built ??= build();
  return built;
}

async function build(): Promise<BuiltPackage> {
  const root = await mkdtemp(join(tmpdir(), 'sitegpt-package-'));
  builtRoot = root;
  for (const entry of ['package.json', 'README.md', 'LICENSE', 'bin', 'docs']) {
    if (await stat(join(PROJECT, entry)).catch(() => null)) await cp(join(PROJECT, entry), join(root, entry), { recursive: true });
  }
  await mkdir(join(root, 'dist'));
  await buildPackage(join(root, 'dist'), true);
  const { version } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { version: string };
  return {
    root,
    dist: join(root, 'dist'),
    tree: join(root, 'dist', 'wix', 'src'),
    bin: join(root, 'bin', 'sitegpt-member-chat.mjs'),
    version,
  };
}
