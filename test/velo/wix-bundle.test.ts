// The files a Wix site gets (vite.wix.config.ts), built afresh into test-output/: the import
// rule (only @wix/*, wix-*, backend/*, public/*), the web methods the page code imports really
// exist in the emitted backend as SiteMember web methods, the realtime permissions file admits
// only a member to their own notices, and the install guide names what the files expect of the
// site.
import assert from 'node:assert/strict';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { Permissions } from '@wix/web-methods';
import { defaultConfig } from '../../velo/backend/config.js';
import { buildWix, WIX_FILES, WIX_IMPORT } from '../../vite.wix.config.js';
import ts from 'typescript';
import { moduleExports, moduleImports } from './support/module-imports.js';

const root = join('test-output', `wix-bundle-${process.pid}`);
const src = join(root, 'src');
const emitted = new Map<string, string>();

before(async () => {
  await buildWix(src);
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else emitted.set(relative(src, path), await readFile(path, 'utf8'));
    }
  };
  await walk(src);
});
after(() => rm(root, { recursive: true, force: true }));

/** Where a Wix import of a site file points in the tree (`backend/x.web` → backend/x.web.js). */
function siteFile(specifier: string): string {
  return specifier.endsWith('.js') ? specifier : `${specifier}.js`;
}

function violations(source: string): string[] {
  return moduleImports(source)
    .filter(({ specifier }) => specifier === null || !WIX_IMPORT.test(specifier))
    .map(({ kind, specifier }) => `${kind} ${specifier ?? '(computed)'}`);
}

describe('the Wix site bundle', () => {
  it("is exactly the tree of a site's Git-integration repo, JavaScript only", () => {
    assert.deepEqual(
      [...emitted.keys()].sort(),
      [
        'backend/events.js',
        'backend/realtime-permissions.js',
        'backend/sitegpt-admin.web.js',
        'backend/sitegpt.web.js',
        'pages/chatMetrics.js',
        'pages/masterPage.js',
        'public/chat-metrics.js',
        'public/custom-elements/sitegpt-chat-metrics.js',
        'public/custom-elements/sitegpt-member-chat.js',
        'public/sitegpt-member-chat.js',
      ],
    );
    assert.deepEqual(Object.keys(WIX_FILES).map(siteFile).sort(), [...emitted.keys()].sort());
  });

  it('the import check catches what it must (so a pass below means something)', () => {
    const source = `import { z } from 'zod'; import x from '@wix/data'; export * from './chunk.js';
      const c = await import('node:crypto'); const d = import(name); const e = require('fs');
      import { y } from 'backend/a.web'; import 'public/b.js'; import 'wix-members-frontend';`;
    assert.deepEqual(violations(source), [
      'import zod',
      'export ./chunk.js',
      'dynamic import node:crypto',
      'dynamic import (computed)',
      'require fs',
    ]);
  });

  for (const file of Object.keys(WIX_FILES).map(siteFile)) {
    it(`${file} imports only @wix/*, wix-*, backend/* and public/*`, () => {
      const source = emitted.get(file);
      assert.ok(source, `${file} was not emitted`);
      assert.deepEqual(violations(source), []);
    });
  }

  it('the element and the controller import nothing at all', () => {
    for (const file of ['public/custom-elements/sitegpt-member-chat.js', 'public/sitegpt-member-chat.js']) {
      assert.deepEqual(moduleImports(emitted.get(file)!), [], file);
    }
  });

  it('the element file runs as a classic script too: no exports, and one function call at top level', () => {
    // Wix does not document whether a "Server URL" is loaded as a module or a classic script.
    const element = emitted.get('public/custom-elements/sitegpt-member-chat.js')!;
    assert.deepEqual(moduleExports(element), []);
    const top = ts.createSourceFile('element.js', element, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS).statements;
    assert.equal(top.length, 1, 'a classic script would leak every top-level name into the page');
    assert.ok(ts.isExpressionStatement(top[0]!) && ts.isCallExpression(top[0].expression));
  });

  it("the backend loads Velo's wix-crm-backend (not on npm) only when a budget alert is sent: a dynamic import Wix resolves", () => {
    const backend = emitted.get('backend/sitegpt.web.js')!;
    const crm = moduleImports(backend).filter(({ specifier }) => specifier === 'wix-crm-backend');
    assert.deepEqual(crm.map((i) => i.kind), ['dynamic import']);
  });

  it('zod is bundled into the backend, not imported', () => {
    const backend = emitted.get('backend/sitegpt.web.js')!;
    assert.ok(!moduleImports(backend).some(({ specifier }) => specifier?.includes('zod')));
    assert.match(backend, /\$ZodObject/, "zod's code is in the file");
  });

  it('every site file the page code imports is in the tree and exports the names it takes', () => {
    for (const [file, source] of emitted) {
      for (const { specifier, names } of moduleImports(source)) {
        if (!specifier || !/^(?:backend|public)\//.test(specifier)) continue;
        const target = emitted.get(siteFile(specifier));
        assert.ok(target, `${file} imports ${specifier}, which is not emitted`);
        const exported = moduleExports(target);
        for (const name of names) assert.ok(exported.includes(name), `${specifier} does not export ${name} (${file})`);
      }
    }
  });

  it('every web method of the emitted backend, and each one masterPage imports, is a SiteMember web method', async () => {
    const wanted = moduleImports(emitted.get('pages/masterPage.js')!).find(({ specifier }) => specifier === 'backend/sitegpt.web');
    assert.ok(wanted?.names.includes('getMemberChat'), 'masterPage imports getMemberChat');
    const all = ['getMemberChat', 'startNewConversation', 'forgetMyChat', 'sendChatMessage', 'getChatMessages', 'rateAnswer', 'requestHuman'];
    assert.deepEqual(moduleExports(emitted.get('backend/sitegpt.web.js')!).sort(), [...all].sort());
    // Loaded as Wix would load it: the emitted file, with the @wix packages from node_modules.
    const backend = (await import(pathToFileURL(join(src, 'backend/sitegpt.web.js')).href)) as Record<string, unknown>;
    for (const name of new Set([...wanted!.names, ...all])) {
      const method = backend[name] as { permission?: unknown } | undefined;
      assert.equal(typeof method, 'function', name);
      assert.equal(method!.permission, Permissions.SiteMember, name);
    }
  });

  it('backend/events.js exports the Wix Inbox reply event under both of its names, talks to Wix only through @wix/*, and carries no web method', async () => {
    const file = emitted.get('backend/events.js')!;
    assert.deepEqual(moduleExports(file).sort(), ['wixCrmInbox_onMessageSentToParticipant', 'wixInboxV2_onMessageSentToParticipant']);
    const specifiers = moduleImports(file).map(({ specifier }) => specifier);
    assert.ok(specifiers.includes('@wix/data') && specifiers.includes('@wix/realtime'), specifiers.join(', '));
    assert.ok(!specifiers.includes('@wix/web-methods'), 'an event handler is not callable from a page');
    const events = (await import(pathToFileURL(join(src, 'backend/events.js')).href)) as Record<string, unknown>;
    assert.equal(typeof events.wixInboxV2_onMessageSentToParticipant, 'function');
    assert.equal(events.wixCrmInbox_onMessageSentToParticipant, events.wixInboxV2_onMessageSentToParticipant);
  });

  it('the web methods reach Wix Inbox through @wix/inbox (the handoff target)', () => {
    assert.ok(moduleImports(emitted.get('backend/sitegpt.web.js')!).some(({ specifier }) => specifier === '@wix/inbox'));
  });

  it('backend/realtime-permissions.js exports realtime_check_permission, imports nothing, and admits only a member to their own resource', async () => {
    const file = emitted.get('backend/realtime-permissions.js')!;
    assert.deepEqual(moduleImports(file), []);
    assert.ok(moduleExports(file).includes('realtime_check_permission'));
    assert.doesNotMatch(file, /\$Zod/, 'no zod in a file that needs one string');
    const { realtime_check_permission: check } = (await import(pathToFileURL(join(src, 'backend/realtime-permissions.js')).href)) as {
      realtime_check_permission: (channel: unknown, subscriber: unknown) => { read: boolean };
    };
    const ada = { id: 'member-ada', type: 'Member' };
    assert.deepEqual(check({ name: 'sitegpt-member-chat', resourceId: 'member-ada' }, ada), { read: true });
    assert.deepEqual(check({ name: 'sitegpt-member-chat', resourceId: 'member-bob' }, ada), { read: false });
    assert.deepEqual(check({ name: 'sitegpt-member-chat' }, ada), { read: false });
  });

  it('backend/sitegpt-admin.web.js holds only Admin web methods, and the metrics page code imports them from there', async () => {
    const wanted = moduleImports(emitted.get('pages/chatMetrics.js')!).find(({ specifier }) => specifier === 'backend/sitegpt-admin.web');
    assert.deepEqual(wanted?.names, ['checkSetup', 'getChatMetrics']);
    assert.deepEqual(moduleExports(emitted.get('backend/sitegpt-admin.web.js')!), ['checkSetup', 'getChatMetrics']);
    const admin = (await import(pathToFileURL(join(src, 'backend/sitegpt-admin.web.js')).href)) as Record<string, { permission?: unknown }>;
    assert.equal(typeof admin.getChatMetrics, 'function');
    assert.equal(admin.getChatMetrics!.permission, Permissions.Admin);
    // The setup check too: it reads the site's set-up (secret names, collections), for admins only.
    assert.equal(typeof admin.checkSetup, 'function');
    assert.equal(admin.checkSetup!.permission, Permissions.Admin);
    // The site's own realtime-permissions file is loaded by name, when the check runs, never bundled in.
    assert.match(emitted.get('backend/sitegpt-admin.web.js')!, /import\(["']backend\/realtime-permissions["']\)/);
    // And no member's web method can reach the metrics or the setup check.
    assert.ok(!moduleExports(emitted.get('backend/sitegpt.web.js')!).includes('getChatMetrics'));
    assert.ok(!moduleExports(emitted.get('backend/sitegpt.web.js')!).includes('checkSetup'));
  });

  it('the metrics element is its own classic-script file; it and its controller import nothing; the member element carries none of it', () => {
    const metrics = emitted.get('public/custom-elements/sitegpt-chat-metrics.js')!;
    assert.deepEqual(moduleImports(metrics), []);
    assert.deepEqual(moduleExports(metrics), []);
    const top = ts.createSourceFile('metrics.js', metrics, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS).statements;
    assert.equal(top.length, 1);
    assert.match(metrics, /["'`]sitegpt-chat-metrics["'`]/);
    assert.deepEqual(moduleImports(emitted.get('public/chat-metrics.js')!), []);
    assert.doesNotMatch(emitted.get('public/chat-metrics.js')!, /\$Zod/, 'the controller checks answers by hand');
    assert.doesNotMatch(emitted.get('public/custom-elements/sitegpt-member-chat.js')!, /sitegpt-chat-metrics|sitegpt-metrics-request/);
  });
});

describe('the install guide', () => {
  let guide = '';
  before(async () => {
    guide = await readFile('docs/install-on-wix.md', 'utf8');
  });

  it('names the element ID and tag name the page code and the element use', () => {
    const page = emitted.get('pages/masterPage.js')!;
    const id = /\$w\(["'`]#([A-Za-z0-9]+)["'`]\)/.exec(page)?.[1];
    assert.equal(id, 'memberChat');
    assert.ok(guide.includes(`#${id}`), `the guide does not name #${id}`);
    assert.match(emitted.get('public/custom-elements/sitegpt-member-chat.js')!, /["'`]sitegpt-member-chat["'`]/);
    assert.ok(guide.includes('`sitegpt-member-chat`'));
  });

  it('names every secret, the collection and its fields the backend reads', () => {
    for (const name of [...Object.values(defaultConfig.secretNames), defaultConfig.collection]) {
      assert.ok(guide.includes(`\`${name}\``), `the guide does not name ${name}`);
    }
    for (const field of ['memberId', 'threadId', 'chatbotId', 'generation', 'createdAt', 'lastSeenAt']) {
      assert.ok(guide.includes(`\`${field}\``), `the guide does not name the field ${field}`);
    }
  });

  it('tells the owner to install every package the emitted files import', () => {
    const packages = new Set<string>();
    for (const source of emitted.values()) {
      for (const { specifier } of moduleImports(source)) if (specifier?.startsWith('@wix/')) packages.add(specifier);
    }
    assert.ok(packages.size >= 7, [...packages].join(', '));
    for (const name of packages) assert.ok(guide.includes(`\`${name}\``), `the guide does not list ${name}`);
  });
});
