// dist/sitegpt-member-chat-wix.zip, as the build writes it and a site owner unzips it: the
// site tree under src/ exactly as in a Git-integration repo, page code apart, and
// WHAT-GOES-WHERE.txt saying for each file where it goes and why, then what to do next.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { unzipSync } from 'fflate';
import { writeWixZip } from '../../scripts/wix-zip.js';
import { defaultConfig } from '../../velo/backend/config.js';
import { builtPackage, type BuiltPackage } from './support/built-package.js';

let pkg: BuiltPackage;
let zip: Record<string, Uint8Array>;
let text: string;

before(async () => {
  pkg = await builtPackage();
  zip = unzipSync(await readFile(join(pkg.dist, 'sitegpt-member-chat-wix.zip')));
  text = new TextDecoder().decode(zip['WHAT-GOES-WHERE.txt']);
});

/** The paragraph of WHAT-GOES-WHERE.txt about one file of the zip: from its path to the next blank line. */
function paragraphOf(path: string): string {
  const start = text.split('\n').indexOf(path);
  assert.ok(start >= 0, `WHAT-GOES-WHERE.txt has a paragraph for ${path}`);
  const lines = text.split('\n').slice(start);
  return lines.slice(0, lines.indexOf('')).join('\n');
}

/** Wrapped text as one line, to look for a phrase wherever the lines broke. */
const oneLine = (wrapped: string) => wrapped.replace(/\s+/g, ' ');

describe('the Wix zip', () => {
  it('holds the site tree under src/, the page code to paste, and WHAT-GOES-WHERE.txt, nothing else', () => {
    assert.deepEqual(Object.keys(zip).sort(), [
      'WHAT-GOES-WHERE.txt',
      'page-code/chatMetrics.js',
      'src/backend/events.js',
      'src/backend/realtime-permissions.js',
      'src/backend/sitegpt-admin.web.js',
      'src/backend/sitegpt.web.js',
      'src/pages/masterPage.js',
      'src/public/chat-metrics.js',
      'src/public/custom-elements/sitegpt-chat-metrics.js',
      'src/public/custom-elements/sitegpt-member-chat.js',
      'src/public/sitegpt-member-chat.js',
    ]);
  });

  it('each file is the built one, byte for byte', async () => {
    for (const [path, bytes] of Object.entries(zip)) {
      if (path === 'WHAT-GOES-WHERE.txt') continue;
      const built = path.startsWith('src/') ? path.slice('src/'.length) : `pages/${path.slice('page-code/'.length)}`;
      assert.deepEqual(Buffer.from(bytes), await readFile(join(pkg.tree, built)), path);
    }
  });

  it('WHAT-GOES-WHERE.txt says for every file where it goes on the site and why', () => {
    for (const path of Object.keys(zip).filter((p) => p !== 'WHAT-GOES-WHERE.txt')) {
      const paragraph = paragraphOf(path);
      assert.match(paragraph, /^ {2}Where: \S/m, path);
      assert.match(paragraph, /^ {2}Why: {3}\S/m, path);
      assert.doesNotMatch(paragraph, /A file of the kit\./, `${path} has its own description, not the generic one`);
    }
    assert.match(paragraphOf('src/backend/sitegpt.web.js'), /Where: Backend, a file named sitegpt\.web\.js\./);
    assert.match(paragraphOf('src/pages/masterPage.js'), /Where: Page Code, Global \(masterPage\.js\)\./);
    assert.ok(oneLine(paragraphOf('src/pages/masterPage.js')).includes("keep it and add the kit's import lines"));
    assert.ok(oneLine(paragraphOf('page-code/chatMetrics.js')).includes("paste these lines into that page's code"));
    assert.match(paragraphOf('src/backend/events.js'), /Optional: needed only for the handoff to a person\./);
    assert.ok(oneLine(paragraphOf('src/backend/sitegpt-admin.web.js')).includes('the setup check (checkSetup)'));
  });

  it('WHAT-GOES-WHERE.txt names this version, the command, the secrets, collections, packages and the Server URL', () => {
    assert.ok(text.startsWith(`sitegpt-member-chat ${pkg.version}: the files for your Wix site\n`));
    assert.ok(text.includes(`npx sitegpt-member-chat@${pkg.version} wix-install`));
    const { secretNames, collection, chat, guardrails } = defaultConfig;
    for (const name of [secretNames.apiKey, secretNames.chatbotId, collection, chat.messagesCollection, guardrails.settingsCollection]) {
      assert.match(text, new RegExp(`^ +${name}\\b`, 'm'), name);
    }
    for (const name of ['@wix/data', '@wix/secrets', '@wix/members', '@wix/realtime', '@wix/web-methods']) {
      assert.ok(text.includes(`   wix install ${name}\n`), name);
    }
    assert.ok(text.includes(`https://cdn.jsdelivr.net/npm/sitegpt-member-chat@${pkg.version}/dist/sitegpt-member-chat.js`));
  });

  it('the packages it names are exactly those the files import', () => {
    const imported = new Set<string>();
    for (const [path, bytes] of Object.entries(zip)) {
      if (!path.endsWith('.js')) continue;
      for (const match of new TextDecoder().decode(bytes).matchAll(/from\s*["'](@wix\/[a-z0-9-]+)["']/g)) imported.add(match[1]!);
    }
    const named = [...text.matchAll(/wix install (@wix\/[a-z0-9-]+)/g)].map((match) => match[1]);
    assert.ok(imported.size > 0);
    assert.deepEqual(named, [...imported].sort());
  });

  it('is reproducible: the same tree zipped at another time is the same bytes', async (t) => {
    const dir = await mkdtemp(join(tmpdir(), 'wix-zip-'));
    t.after(() => rm(dir, { recursive: true, force: true }));
    // Years away from the build, so a zip that stamps its entries with the clock differs.
    t.mock.timers.enable({ apis: ['Date'], now: new Date(2031, 5, 15, 12, 34, 56) });
    await writeWixZip(pkg.tree, join(dir, 'again.zip'));
    t.mock.timers.reset();
    const again = await readFile(join(dir, 'again.zip'));
    assert.ok(again.equals(await readFile(join(pkg.dist, 'sitegpt-member-chat-wix.zip'))), 'the two zips differ');
  });
});
