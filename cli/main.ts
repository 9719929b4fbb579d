/**
 * The `sitegpt-member-chat` command (bin/sitegpt-member-chat.mjs runs the build of this file,
 * dist/cli.js). Exit codes: 0 done; 1 refused, or a file of the owner's left to merge; 2 bad
 * usage (unknown command or option, no site repo given, or not a site's Git-integration checkout).
 */
import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Io } from './io.js';
import { isSiteRepo, wixInstall } from './install.js';
import { KIT_DIR, MANIFEST } from './manifest.js';
import { readTree } from './tree.js';

export { processIo } from './io.js';

const USAGE = `Usage: npx sitegpt-member-chat wix-install <site-repo> [--yes]

Copies the files a Wix site needs for sitegpt-member-chat into <site-repo>/src/, the checkout
of a site connected with Wix's Git Integration (it has wix.config.json at its root).

- A file the site does not have yet is written; one that is already the kit's is left alone.
- A file of your own (for example your masterPage.js) is never overwritten without your yes:
  in a terminal you see the difference and are asked; otherwise it is left as it is.
- --yes: answer without asking. Your own files are still never overwritten: the kit's version
  goes to ${KIT_DIR}/to-merge/ for you to merge by hand.
- What the kit wrote is recorded in ${MANIFEST}, so a later version
  updates only its own files, and only those you did not change.

Exit codes: 0 done; 1 a file of yours left to merge (or the kit's files are missing); 2 bad usage.`;

/** Runs the command for `argv` (without node and the script). `packageRoot` holds package.json and dist/wix/src. */
export async function run(argv: readonly string[], io: Io, packageRoot: string): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { yes: { type: 'boolean', short: 'y' }, help: { type: 'boolean', short: 'h' }, version: { type: 'boolean', short: 'v' } },
    });
  } catch (error) {
    io.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.print(USAGE);
    return 0;
  }
  const { version } = JSON.parse(await readFile(join(packageRoot, 'package.json'), 'utf8')) as { version: string };
  if (values.version) {
    io.print(version);
    return 0;
  }
  const [command, repoArg, ...extra] = positionals;
  if (command !== 'wix-install' || !repoArg || extra.length) {
    io.error(`${command && command !== 'wix-install' ? `Unknown command: ${command}\n\n` : ''}${USAGE}`);
    return 2;
  }
  const repo = resolve(repoArg);
  if (!(await isSiteRepo(repo))) {
    io.error(
      `${repo} is not a Wix site's Git-integration checkout: it has no wix.config.json at its root. Nothing was written.\n` +
        "Connect the site to GitHub (Wix Studio: the code sidebar's GitHub; Wix Editor: the GitHub Integration icon), clone the repository, and give its folder.",
    );
    return 2;
  }
  const treeDir = join(packageRoot, 'dist', 'wix', 'src');
  if (!(await stat(treeDir).catch(() => null))?.isDirectory()) {
    io.error(`The kit's files are missing (${treeDir}). In a clone of sitegpt-member-chat, run npm run build first.`);
    return 1;
  }
  return wixInstall(repo, { version, tree: await readTree(treeDir) }, values.yes ?? false, io);
}
