/**
 * A temporary stand-in for a Wix site's Git-integration checkout (wix.config.json at its root,
 * code under src/), and the `sitegpt-member-chat` command run on it as a user runs it: the
 * package's bin through Node, stdin and stdout pipes (so no terminal), exit code and output.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { after } from 'node:test';

/** What Wix writes into every new site's masterPage.js. */
export const WIX_TEMPLATE_MASTER_PAGE = `// The code in this file will load on every page of your site

$w.onReady(function () {
	// Write your code here
});
`;

/** An owner's own masterPage.js: code the kit must never overwrite. */
export const OWNERS_MASTER_PAGE = `import wixLocationFrontend from 'wix-location-frontend';

$w.onReady(function () {
  $w('#promoBanner').text = 'Spring sale: ' + wixLocationFrontend.path.join('/');
});
`;

const repos: string[] = [];
// Registered at the top level: an after() called inside a hook or test would run when that one ends.
after(() => Promise.all(repos.map((repo) => rm(repo, { recursive: true, force: true }))));

/** A fresh fake site repo with `files` (path → text) besides wix.config.json; removed after the test file. */
export async function fakeSiteRepo(files: Record<string, string> = {}): Promise<string> {
  const repo = await mkdtemp(join(tmpdir(), 'fake-wix-site-'));
  repos.push(repo);
  await writeFile(join(repo, 'wix.config.json'), JSON.stringify({ siteId: '0b0e5a4e-1a9c-4d5e-9f5c-3c6e2a1b7d10', uiVersion: '6' }, null, 2));
  for (const [path, text] of Object.entries(files)) await put(repo, path, text);
  return repo;
}

export async function put(repo: string, path: string, text: string | Uint8Array): Promise<void> {
  await mkdir(dirname(join(repo, path)), { recursive: true });
  await writeFile(join(repo, path), text);
}

/** Every file under `dir`: `/`-separated path → its bytes and modification time (to see that nothing was written). */
export async function snapshot(dir: string): Promise<Map<string, { bytes: Buffer; mtimeMs: number }>> {
  const files = new Map<string, { bytes: Buffer; mtimeMs: number }>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(relative(dir, path).split(sep).join('/'), { bytes: await readFile(path), mtimeMs: (await stat(path)).mtimeMs });
  }
  return new Map([...files].sort(([a], [b]) => a.localeCompare(b)));
}

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the package's bin with `args`; stdin is a pipe that ends at once, as under CI or a script. */
export function runBin(bin: string, args: readonly string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, [bin, ...args], { encoding: 'utf8' }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
      if (code === null) reject(error);
      else resolve({ code, stdout, stderr });
    });
    child.stdin?.end();
  });
}
