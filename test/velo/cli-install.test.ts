// `npx sitegpt-member-chat wix-install <site-repo>` as a site owner runs it, from the built
// package (bin → dist/cli.js) on a temporary fake site repo, with no terminal: what lands in
// the repo byte for byte, what is never overwritten, what it prints, and its exit codes.
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { defaultConfig } from '../../velo/backend/config.js';
import { builtPackage, type BuiltPackage } from './support/built-package.js';
import { fakeSiteRepo, OWNERS_MASTER_PAGE, put, runBin, snapshot, WIX_TEMPLATE_MASTER_PAGE } from './support/fake-site-repo.js';

/** The kit's files that are files of their own on a site, as they go under the repo's src/. */
const SITE_FILES = [
  'backend/events.js',
  'backend/realtime-permissions.js',
  'backend/sitegpt-admin.web.js',
  'backend/sitegpt.web.js',
  'pages/masterPage.js',
  'public/chat-metrics.js',
  'public/custom-elements/sitegpt-chat-metrics.js',
  'public/custom-elements/sitegpt-member-chat.js',
  'public/sitegpt-member-chat.js',
];
/** Page code named after a page Wix names itself: never written under src/pages/, set aside to paste. */
const PAGE_CODE = 'sitegpt-member-chat/page-code/chatMetrics.js';
const MANIFEST = 'sitegpt-member-chat/installed.json';
const MERGE_COPY = 'sitegpt-member-chat/to-merge/src/pages/masterPage.js';

let pkg: BuiltPackage;
const kit = (path: string) => readFile(join(pkg.tree, path));
const install = (repo: string, ...flags: string[]) => runBin(pkg.bin, ['wix-install', repo, ...flags]);
/** The outcome printed for one file, from its line `  <outcome>  <path>[  (<note>)]`. */
function outcomeOf(stdout: string, target: string): string | undefined {
  const escaped = target.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^ {2}(\\S+) +${escaped}(?: {2}\\(.*\\))?$`, 'm').exec(stdout)?.[1];
}

before(async () => {
  pkg = await builtPackage();
});

describe('wix-install into a fresh site repo', () => {
  let repo: string;
  let run: Awaited<ReturnType<typeof install>>;
  before(async () => {
    repo = await fakeSiteRepo();
    run = await install(repo);
  });

  it('writes every file of the kit, byte for byte, and exits 0', async () => {
    assert.equal(run.code, 0, run.stderr);
    for (const path of SITE_FILES) assert.deepEqual(await readFile(join(repo, 'src', path)), await kit(path), path);
    assert.deepEqual(await readFile(join(repo, PAGE_CODE)), await kit('pages/chatMetrics.js'));
    assert.deepEqual(
      [...(await snapshot(repo)).keys()],
      [...SITE_FILES.map((path) => `src/${path}`), MANIFEST, PAGE_CODE, 'wix.config.json'].sort(),
      'nothing else is written (in particular no src/pages/chatMetrics.js, which Wix would not attach to any page)',
    );
  });

  it('records what it wrote, so a later install knows which files are the kit\'s', async () => {
    const manifest = JSON.parse(await readFile(join(repo, MANIFEST), 'utf8')) as { version: string; files: Record<string, string> };
    assert.equal(manifest.version, pkg.version);
    assert.deepEqual(Object.keys(manifest.files).sort(), SITE_FILES.map((path) => `src/${path}`).sort());
  });

  it('reports each file and what the owner does next: secrets, collections, packages', () => {
    for (const path of SITE_FILES) assert.equal(outcomeOf(run.stdout, `src/${path}`), 'added', path);
    assert.equal(outcomeOf(run.stdout, PAGE_CODE), 'added');
    const { secretNames, collection, chat } = defaultConfig;
    for (const name of [secretNames.apiKey, secretNames.chatbotId, collection, chat.messagesCollection]) assert.match(run.stdout, new RegExp(`\\b${name}\\b`));
    for (const name of ['@wix/data', '@wix/secrets', '@wix/members', '@wix/web-methods', '@wix/site-realtime']) {
      assert.ok(run.stdout.includes(`wix install ${name}\n`), `tells the owner to run: wix install ${name}`);
    }
    assert.match(run.stdout, /docs\/install-on-wix\.md/);
  });

  it('a second run changes nothing, and says each file is unchanged', async () => {
    const before = await snapshot(repo);
    const again = await install(repo);
    assert.equal(again.code, 0, again.stderr);
    assert.deepEqual(await snapshot(repo), before);
    for (const path of SITE_FILES) assert.equal(outcomeOf(again.stdout, `src/${path}`), 'unchanged', path);
  });
});

describe("wix-install where the site has Wix's empty masterPage.js", () => {
  it('takes its place (it holds no code of the owner\'s) and exits 0', async () => {
    const repo = await fakeSiteRepo({ 'src/pages/masterPage.js': WIX_TEMPLATE_MASTER_PAGE });
    const run = await install(repo);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(await readFile(join(repo, 'src/pages/masterPage.js')), await kit('pages/masterPage.js'));
    assert.equal(outcomeOf(run.stdout, 'src/pages/masterPage.js'), 'replaced');
  });
});

describe("wix-install where the site has its own masterPage.js", () => {
  it('with no terminal and no --yes: leaves it alone, writes nothing for it, reports the conflict and exits 1', async () => {
    const repo = await fakeSiteRepo({ 'src/pages/masterPage.js': OWNERS_MASTER_PAGE });
    const run = await install(repo);
    assert.equal(run.code, 1);
    assert.equal(await readFile(join(repo, 'src/pages/masterPage.js'), 'utf8'), OWNERS_MASTER_PAGE);
    assert.equal((await snapshot(repo)).has(MERGE_COPY), false);
    assert.equal(outcomeOf(run.stdout, 'src/pages/masterPage.js'), 'KEPT');
    assert.match(run.stdout, /One file of your own was left as it is/);
    assert.match(run.stdout, /--yes/, 'says how to get the kit\'s version to merge');
    // The rest of the kit is installed all the same.
    assert.deepEqual(await readFile(join(repo, 'src/backend/sitegpt.web.js')), await kit('backend/sitegpt.web.js'));
    const manifest = JSON.parse(await readFile(join(repo, MANIFEST), 'utf8')) as { files: Record<string, string> };
    assert.equal('src/pages/masterPage.js' in manifest.files, false, 'the owner\'s file is not recorded as the kit\'s');
  });

  it("with --yes: still leaves it alone, writes the kit's version beside it to merge, exits 1", async () => {
    const repo = await fakeSiteRepo({ 'src/pages/masterPage.js': OWNERS_MASTER_PAGE });
    const run = await install(repo, '--yes');
    assert.equal(run.code, 1);
    assert.equal(await readFile(join(repo, 'src/pages/masterPage.js'), 'utf8'), OWNERS_MASTER_PAGE);
    assert.deepEqual(await readFile(join(repo, MERGE_COPY)), await kit('pages/masterPage.js'));
    assert.ok(run.stdout.includes(`The kit's version to merge from: ${MERGE_COPY}`), run.stdout);

    const before = await snapshot(repo);
    const again = await install(repo, '--yes');
    assert.equal(again.code, 1);
    assert.deepEqual(await snapshot(repo), before, 'a second run changes nothing');
  });

  it('once the owner merged the kit\'s lines into theirs, the next run takes it as merged and exits 0', async () => {
    const repo = await fakeSiteRepo({ 'src/pages/masterPage.js': OWNERS_MASTER_PAGE });
    await install(repo, '--yes');
    const merged = `${OWNERS_MASTER_PAGE}\n${await readFile(join(repo, MERGE_COPY), 'utf8')}`;
    await put(repo, 'src/pages/masterPage.js', merged);
    const run = await install(repo);
    assert.equal(run.code, 0, run.stdout);
    assert.equal(await readFile(join(repo, 'src/pages/masterPage.js'), 'utf8'), merged);
    assert.equal(outcomeOf(run.stdout, 'src/pages/masterPage.js'), 'merged');
  });
});

describe('wix-install over an earlier install', () => {
  it("updates a file the kit wrote and nobody changed, and never one the owner changed since", async () => {
    const repo = await fakeSiteRepo();
    await install(repo);
    // An earlier kit version: its file and its record, as that version's install left them.
    const earlier = '// sitegpt-member-chat 0.0.9\nexport function connectMemberChat() {}\n';
    await put(repo, 'src/public/sitegpt-member-chat.js', earlier);
    const manifestPath = join(repo, MANIFEST);
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as { files: Record<string, string> };
    const { createHash } = await import('node:crypto');
    manifest.files['src/public/sitegpt-member-chat.js'] = createHash('sha256').update(earlier).digest('hex');
    await put(repo, MANIFEST, JSON.stringify(manifest));
    // The owner changed a file the kit had written.
    const edited = `${await readFile(join(repo, 'src/backend/events.js'), 'utf8')}\nexport function wixStores_onOrderPaid() {}\n`;
    await put(repo, 'src/backend/events.js', edited);

    const run = await install(repo);
    assert.equal(run.code, 1);
    assert.deepEqual(await readFile(join(repo, 'src/public/sitegpt-member-chat.js')), await kit('public/sitegpt-member-chat.js'));
    assert.equal(outcomeOf(run.stdout, 'src/public/sitegpt-member-chat.js'), 'updated');
    assert.equal(await readFile(join(repo, 'src/backend/events.js'), 'utf8'), edited);
    assert.equal(outcomeOf(run.stdout, 'src/backend/events.js'), 'KEPT');
  });
});

/** The repo's files as a Windows checkout with core.autocrlf=true leaves them: every line ending CRLF. */
async function toCrlf(repo: string): Promise<void> {
  for (const [path, { bytes }] of await snapshot(repo)) await put(repo, path, bytes.toString('utf8').replace(/\r?\n/g, '\r\n'));
}

describe('wix-install after a Windows checkout (core.autocrlf=true turns every file CRLF)', () => {
  it("takes the kit's files as the kit's: each unchanged, nothing rewritten, exit 0", async () => {
    const repo = await fakeSiteRepo();
    await install(repo);
    await toCrlf(repo);
    const before = await snapshot(repo);
    const run = await install(repo);
    assert.equal(run.code, 0, run.stdout);
    for (const path of SITE_FILES) assert.equal(outcomeOf(run.stdout, `src/${path}`), 'unchanged', path);
    assert.equal(outcomeOf(run.stdout, PAGE_CODE), 'unchanged');
    assert.deepEqual(await snapshot(repo), before, 'no file rewritten, not even the record');
  });

  it("updates the kit's earlier version, and keeps a file the owner changed", async () => {
    const repo = await fakeSiteRepo();
    await install(repo);
    const earlier = '// sitegpt-member-chat 0.0.9\nexport function connectMemberChat() {}\n';
    await put(repo, 'src/public/sitegpt-member-chat.js', earlier);
    const manifest = JSON.parse(await readFile(join(repo, MANIFEST), 'utf8')) as { files: Record<string, string> };
    const { createHash } = await import('node:crypto');
    manifest.files['src/public/sitegpt-member-chat.js'] = createHash('sha256').update(earlier).digest('hex');
    await put(repo, MANIFEST, JSON.stringify(manifest));
    await toCrlf(repo);
    // The owner's edit, made on Windows: CRLF like the rest.
    const edited = `${await readFile(join(repo, 'src/backend/events.js'), 'utf8')}export function wixStores_onOrderPaid() {}\r\n`;
    await put(repo, 'src/backend/events.js', edited);

    const run = await install(repo);
    assert.equal(run.code, 1, run.stdout);
    assert.equal(outcomeOf(run.stdout, 'src/public/sitegpt-member-chat.js'), 'updated');
    assert.deepEqual(await readFile(join(repo, 'src/public/sitegpt-member-chat.js')), await kit('public/sitegpt-member-chat.js'), 'written with LF');
    assert.equal(outcomeOf(run.stdout, 'src/backend/events.js'), 'KEPT');
    assert.equal(await readFile(join(repo, 'src/backend/events.js'), 'utf8'), edited);
    assert.equal(outcomeOf(run.stdout, 'src/backend/sitegpt.web.js'), 'unchanged');
  });

  it("a file set aside to merge stays to merge when only its line endings changed, and its copy is not rewritten", async () => {
    const repo = await fakeSiteRepo({ 'src/pages/masterPage.js': OWNERS_MASTER_PAGE });
    await install(repo, '--yes');
    await toCrlf(repo);
    const before = await snapshot(repo);
    const run = await install(repo, '--yes');
    assert.equal(run.code, 1, run.stdout);
    assert.equal(outcomeOf(run.stdout, 'src/pages/masterPage.js'), 'KEPT', 'not taken as merged: the owner merged nothing');
    assert.deepEqual(await snapshot(repo), before);
  });
});

describe('bad usage', () => {
  let notARepo: string;
  before(async () => {
    notARepo = await mkdtemp(join(tmpdir(), 'not-a-site-'));
    await put(notARepo, 'src/pages/masterPage.js', OWNERS_MASTER_PAGE);
  });
  after(() => rm(notARepo, { recursive: true, force: true }));

  it('a folder without wix.config.json: exit 2, nothing written, and says why', async () => {
    const before = await snapshot(notARepo);
    const run = await install(notARepo, '--yes');
    assert.equal(run.code, 2);
    assert.match(run.stderr, /wix\.config\.json/);
    assert.match(run.stderr, /Nothing was written/);
    assert.deepEqual(await snapshot(notARepo), before);
  });

  it('a folder that does not exist: exit 2, and nothing is created', async () => {
    const missing = join(notARepo, 'no-such-site');
    const run = await install(missing);
    assert.equal(run.code, 2);
    assert.equal((await readdir(notARepo)).includes('no-such-site'), false);
  });

  it('no site repo, an unknown command or an unknown option: exit 2 with the usage', async () => {
    const repo = await fakeSiteRepo();
    for (const args of [['wix-install'], ['install', repo], ['wix-install', repo, '--force'], ['wix-install', repo, 'extra'], []]) {
      const run = await runBin(pkg.bin, args);
      assert.equal(run.code, 2, args.join(' '));
      assert.match(run.stderr, /Usage: npx sitegpt-member-chat wix-install <site-repo>/, args.join(' '));
    }
    assert.deepEqual([...(await snapshot(repo)).keys()], ['wix.config.json'], 'nothing written');
  });

  it('--help prints the usage and exits 0', async () => {
    const run = await runBin(pkg.bin, ['--help']);
    assert.equal(run.code, 0);
    assert.match(run.stdout, /Exit codes: 0 done; 1 .*; 2 bad usage/);
  });
});
