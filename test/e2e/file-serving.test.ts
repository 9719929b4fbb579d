/**
 * The sandbox serves the page's sources and what they import, nothing else: its data folder
 * (the session key that signs every member's cookie, the thread database) is unreachable in
 * every URL form Vite understands, even when it lies inside the repository (the default
 * `.sandbox/`). Over HTTP against a started sandbox; the browser tests show the page works.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmdirSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { rawRequest, startQuietSandbox, type QuietSandbox } from './http.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url)).replace(/\/$/, '');

let bed: QuietSandbox;
let secret: string;
let madeDataFolder = false;
before(async () => {
  // Inside the repository's own (git-ignored) data folder, where `npm start` keeps it.
  madeDataFolder = !existsSync(join(REPO, '.sandbox'));
  mkdirSync(join(REPO, '.sandbox'), { recursive: true });
  bed = await startQuietSandbox({ dir: mkdtempSync(join(REPO, '.sandbox', 'e2e-')) });
  secret = readFileSync(join(bed.dir, 'session-secret'), 'utf8').trim();
});
after(async () => {
  await bed?.close();
  if (madeDataFolder) rmdirSync(join(REPO, '.sandbox'));
});

const get = (path: string) => rawRequest(bed.sandbox.port, { path });

test('the session key and the database are not served, whatever the URL form', async () => {
  const abs = bed.dir; // /…/repo/.sandbox/e2e-XXXX
  const fromRepo = relative(REPO, abs); // .sandbox/e2e-XXXX
  const name = basename(abs);
  const paths = [
    `/@fs${abs}/session-secret?raw`,
    `/@fs${abs}/session-secret`,
    `/@fs${abs}/session-secret?import`,
    `/@fs${abs}/session-secret?import&raw`,
    `/@fs${abs}/session-secret?url`,
    `/@fs${abs}/session-secret?inline`,
    `/@fs${abs}/member-threads.sqlite`,
    `/@fs${abs}/member-threads.sqlite?raw`,
    `/@fs${abs}/`,
    `/@fs${REPO}/%2esandbox/${name}/session-secret?raw`,
    `/@fs${REPO}/.sandbox/./${name}/session-secret?raw`,
    `/@fs${REPO}/sandbox/page/../../${fromRepo}/session-secret?raw`,
    `/@fs${REPO}/sandbox/page/%2e%2e/%2e%2e/${fromRepo}/session-secret?raw`,
    `/@fs${REPO}/sandbox/page/%2E%2E%2F%2E%2E%2F${fromRepo.replace(/\//g, '%2F')}%2Fsession-secret?raw`,
    `/${fromRepo}/session-secret?raw`,
    `/../../${fromRepo}/session-secret?raw`,
    `/%2e%2e/%2e%2e/${fromRepo}/session-secret?raw`,
    `/@id${abs}/session-secret?raw`,
    `/@id/@fs${abs}/session-secret?raw`,
    `/node_modules/../${fromRepo}/session-secret?raw`,
  ];
  for (const path of paths) {
    const reply = await get(path);
    assert.ok(!reply.body.includes(secret), `${path} served the session key (HTTP ${reply.status})`);
    assert.ok(!reply.body.includes('SQLite format'), `${path} served the database (HTTP ${reply.status})`);
    assert.ok(reply.status === 403 || reply.status === 404, `${path}: HTTP ${reply.status}`);
  }
});

test('files the page does not import are not served: the server, the backend, the fixtures, the package', async () => {
  for (const path of [
    `/@fs${REPO}/sandbox/server.ts`,
    `/@fs${REPO}/sandbox/session.ts?raw`,
    `/@fs${REPO}/velo/backend/config.ts`,
    `/@fs${REPO}/velo/backend/member-chat.core.ts?raw`,
    `/@fs${REPO}/test/fixtures/sitegpt-standin/store.ts`,
    `/@fs${REPO}/package.json?raw`,
    `/@fs${REPO}/.git/config`,
    '/@fs/etc/passwd',
  ]) {
    const reply = await get(path);
    assert.ok(reply.status === 403 || reply.status === 404, `${path}: HTTP ${reply.status}`);
  }
});

test('the page and every module it imports are served', async () => {
  const html = await get('/');
  assert.equal(html.status, 200);
  assert.match(html.body, /<sitegpt-member-chat\b/);
  const pending = [...html.body.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => new URL(m[1]!, 'http://x/').pathname);
  assert.ok(pending.length > 0, 'the page has a module script');
  const seen = new Set<string>();
  while (pending.length > 0) {
    const path = pending.shift()!;
    if (seen.has(path)) continue;
    seen.add(path);
    const reply = await get(path);
    assert.equal(reply.status, 200, `${path} is part of the page and must be served`);
    for (const m of reply.body.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["']([^"']+)["']/g)) {
      const specifier = m[1]!;
      if (!specifier.startsWith('/') && !specifier.startsWith('.')) continue;
      const target = new URL(specifier, `http://x${path}`);
      pending.push(target.pathname + target.search);
    }
  }
  const modules = [...seen].join('\n');
  assert.match(modules, /element\/src\/sitegpt-member-chat/, 'the element runs from its source');
  assert.match(modules, /velo\/public\//, 'the page-code controller runs from its source');
  assert.match(modules, /node_modules\/lit/, 'lit comes from node_modules');
});
