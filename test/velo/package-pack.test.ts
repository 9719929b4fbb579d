// What a user gets from `npm install sitegpt-member-chat` (or npx, or a package CDN): the list
// of `npm pack --dry-run --json` for the package built as `npm run build` builds it, with
// decoys beside it (tests, sandbox data, an .env with a key, sources) that must stay out; the
// fields that point into it; and the element as a "Server URL" file: one self-contained script.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { promisify } from 'node:util';
import { Script } from 'node:vm';
import { after, before, describe, it } from 'node:test';
import { unzipSync } from 'fflate';
import { builtPackage, type BuiltPackage } from './support/built-package.js';
import { fakeSiteRepo, put } from './support/fake-site-repo.js';
import { moduleImports } from './support/module-imports.js';

interface PackageJson {
  private?: boolean;
  version: string;
  bin: Record<string, string>;
  exports: Record<string, string>;
  module: string;
  customElements: string;
  jsdelivr: string;
  unpkg: string;
  dependencies?: Record<string, string>;
}

const DECOYS = {
  '.env': 'SITEGPT_API_KEY=sk-decoy-0123456789\n',
  '.sandbox/member-threads.sqlite': 'SQLite format 3\0',
  'sandbox/server.ts': 'export {};\n',
  'test/velo/decoy.test.ts': 'export {};\n',
  'element/src/decoy.ts': 'export {};\n',
  'coverage/lcov.info': 'TN:\n',
};

let pkg: BuiltPackage;
let manifest: PackageJson;
let packed: string[];
let docs: string[];

/** Keys in the build's environment, as on a developer's machine with the sandbox set up for the real API. */
const KEYS_IN_ENV = {
  SITEGPT_API_KEY: 'sitegpt-env-key-7f3a9c',
  OPENAI_API_KEY: 'sk-env-key-5b8e1d',
  VITE_SITEGPT_API_KEY: 'vite-env-key-2c6f4a',
};

before(async () => {
  Object.assign(process.env, KEYS_IN_ENV);
  pkg = await builtPackage();
  for (const [path, text] of Object.entries(DECOYS)) await put(pkg.root, path, text);
  manifest = JSON.parse(await readFile(join(pkg.root, 'package.json'), 'utf8')) as PackageJson;
  const { stdout } = await promisify(execFile)('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: pkg.root, encoding: 'utf8' });
  const [result] = JSON.parse(stdout) as Array<{ files: Array<{ path: string }> }>;
  packed = result!.files.map((file) => file.path).sort();
  const entries = await readdir(join(pkg.root, 'docs'), { recursive: true, withFileTypes: true });
  docs = entries.filter((e) => e.isFile()).map((e) => relative(pkg.root, join(e.parentPath, e.name)).split(sep).join('/'));
});

describe('the published package', () => {
  it('holds exactly the built files, the command, the docs, README and LICENSE', () => {
    assert.deepEqual(
      packed,
      [
        'LICENSE',
        'README.md',
        'bin/sitegpt-member-chat.mjs',
        'dist/cli.js',
        'dist/custom-elements.json',
        'dist/sitegpt-chat-metrics.js',
        'dist/sitegpt-member-chat-wix.zip',
        'dist/sitegpt-member-chat.js',
        'dist/wix/src/backend/events.js',
        'dist/wix/src/backend/realtime-permissions.js',
        'dist/wix/src/backend/sitegpt-admin.web.js',
        'dist/wix/src/backend/sitegpt.web.js',
        'dist/wix/src/pages/chatMetrics.js',
        'dist/wix/src/pages/masterPage.js',
        'dist/wix/src/public/chat-metrics.js',
        'dist/wix/src/public/custom-elements/sitegpt-chat-metrics.js',
        'dist/wix/src/public/custom-elements/sitegpt-member-chat.js',
        'dist/wix/src/public/sitegpt-member-chat.js',
        ...docs,
        'package.json',
      ].sort(),
    );
    assert.ok(docs.includes('docs/install-on-wix.md'));
    for (const path of docs) assert.match(path, /^docs\/[\w/.-]+\.(?:md|png)$/, 'docs hold only the guides and their pictures');
  });

  it('carries no key: neither from the environment of the build nor from files beside it', async () => {
    const zip = unzipSync(await readFile(join(pkg.dist, 'sitegpt-member-chat-wix.zip')));
    const contents = [
      ...(await Promise.all(packed.map((path) => readFile(join(pkg.root, path))))),
      ...Object.values(zip).map((bytes) => Buffer.from(bytes)),
    ];
    for (const key of [...Object.values(KEYS_IN_ENV), 'sk-decoy-0123456789']) {
      assert.equal(contents.filter((bytes) => bytes.includes(key)).length, 0, key);
    }
  });

  it('is publishable, installs nothing else, and every field points at a packed file', () => {
    assert.equal(manifest.private, undefined);
    assert.equal(manifest.dependencies, undefined, 'lit, zod, jsdiff are bundled: npx fetches this one package');
    assert.deepEqual(manifest.bin, { 'sitegpt-member-chat': 'bin/sitegpt-member-chat.mjs' });
    const targets = [
      ...Object.values(manifest.bin),
      ...Object.values(manifest.exports),
      manifest.module,
      manifest.customElements,
      manifest.jsdelivr,
      manifest.unpkg,
    ];
    for (const target of targets) {
      const path = target.replace(/^\.\//, '');
      if (path.endsWith('*')) assert.ok(packed.some((p) => p.startsWith(path.slice(0, -1))), target);
      else assert.ok(packed.includes(path), `${target} is in the package`);
    }
    // The element's "Server URL" is https://cdn.jsdelivr.net/npm/sitegpt-member-chat@<version>/dist/sitegpt-member-chat.js;
    // the CDNs' own fields make the package's bare URL serve the same file.
    assert.equal(manifest.exports['./sitegpt-member-chat.js'], './dist/sitegpt-member-chat.js');
    assert.equal(manifest.jsdelivr, 'dist/sitegpt-member-chat.js');
    assert.equal(manifest.unpkg, 'dist/sitegpt-member-chat.js');
    assert.equal(manifest.customElements, 'dist/custom-elements.json');
  });

  it('the element at its CDN path is one self-contained classic script: it imports nothing', async () => {
    const source = await readFile(join(pkg.dist, 'sitegpt-member-chat.js'), 'utf8');
    assert.doesNotThrow(() => new Script(source), 'parses as a classic script, so it has no import or export statement');
    assert.deepEqual(moduleImports(source), [], 'and loads no other module');
    assert.match(source, /sitegpt-member-chat/);
  });

  it('the command\'s code runs without TypeScript or node_modules: only Node\'s own modules', async () => {
    const source = await readFile(join(pkg.dist, 'cli.js'), 'utf8');
    const outside = moduleImports(source).filter(({ specifier }) => !specifier?.startsWith('node:'));
    assert.deepEqual(outside, []);
    const bin = await readFile(pkg.bin, 'utf8');
    assert.ok(bin.startsWith('#!/usr/bin/env node\n'));
    assert.deepEqual(
      moduleImports(bin).map(({ specifier }) => specifier),
      ['node:url', '../dist/cli.js'],
    );
  });

  it('installed from its tarball, as npx installs it, the command runs: nothing else to fetch, nothing to compile', async () => {
    const run = promisify(execFile);
    const scratch = await mkdtemp(join(tmpdir(), 'sitegpt-npx-'));
    after(() => rm(scratch, { recursive: true, force: true }));
    const [result] = JSON.parse(
      (await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', scratch], { cwd: pkg.root, encoding: 'utf8' })).stdout,
    ) as Array<{ filename: string }>;
    await writeFile(join(scratch, 'package.json'), JSON.stringify({ name: 'a-site-owners-folder', version: '1.0.0', private: true }));
    await run('npm', ['install', '--offline', '--no-audit', '--no-fund', join(scratch, result!.filename)], { cwd: scratch });
    const site = await fakeSiteRepo();
    const installed = await run(join(scratch, 'node_modules', '.bin', 'sitegpt-member-chat'), ['wix-install', site], { encoding: 'utf8' });
    assert.match(installed.stdout, new RegExp(`^sitegpt-member-chat ${pkg.version}: installing into `));
    assert.deepEqual(await readFile(join(site, 'src/backend/sitegpt.web.js')), await readFile(join(pkg.tree, 'backend/sitegpt.web.js')));
  });
});
