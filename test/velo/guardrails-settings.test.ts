// The operator's settings (architecture.md §9) read through the real @wix/data SDK (msw playing
// the CMS): the oldest item of SiteGptSettings, elevated; defaults and one log line when the
// collection or item is missing; a bad field's default and one line naming the field, never
// its value; the last good settings through an outage; reuse for at most 30 s per container;
// and a content-free notice on the site-wide channel when a container sees the mode change.
import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { setupServer } from 'msw/node';
import { SERVICE_CHANNEL } from '../../contract/index.js';
import { createSettingsSource } from '../../velo/backend/guardrails/settings.js';
import { DEFAULT_SETTINGS } from '../../velo/backend/guardrails/settings-schema.js';
import { makeConfig } from '../../velo/backend/config.js';
import { Failure } from '../../velo/backend/runtime/failure.js';
import { wixSettingsStore } from '../../velo/backend/wix/settings-store.js';
import { MemorySettings } from './support/memory-guard-ports.js';
import { CapturedLog, ShiftedClock } from './support/memory-ports.js';
import { createStandin, siteSecrets } from './support/standin.js';
import { wixKit } from './support/wix-core.js';
import { useWixSdk, WixFake } from './support/wix-fake.js';

const SETTINGS = 'SiteGptSettings';
const wix = new WixFake();
const standin = createStandin();
const server = setupServer(...wix.handlers, ...standin.handlers);
before(() => {
  useWixSdk();
  server.listen({ onUnhandledRequest: 'error' });
});
beforeEach(() => {
  for (const [name, value] of Object.entries(siteSecrets())) wix.secrets.set(name, value);
  wix.session.member = { id: 'member-ada', loginEmail: 'ada@example.com' };
});
afterEach(() => {
  wix.reset();
  standin.reset();
});
after(() => server.close());

const item = (id: string, createdAt: string, fields: Record<string, unknown>) => ({ _id: id, _createdDate: { $date: createdAt }, ...fields });
const settingsReads = () => wix.requests.filter((r) => r.path.endsWith('/items/query') && (r.body as { dataCollectionId?: string })?.dataCollectionId === SETTINGS);

describe('the settings item on Wix', () => {
  it('reads the oldest item of SiteGptSettings (a second one added by mistake changes nothing)', async () => {
    wix.cms.set(SETTINGS, new Map([
      ['newer', item('newer', '2026-03-02T00:00:00Z', { mode: 'on' })],
      ['older', item('older', '2026-03-01T00:00:00Z', { mode: 'off' })],
    ]));
    const read = await wixSettingsStore(SETTINGS).read();
    assert.equal(read?.mode, 'off');
    const body = settingsReads()[0]!.body as { query: { sort: unknown; paging: { limit: number } } };
    assert.deepEqual(body.query.sort, [{ fieldName: '_createdDate', order: 'ASC' }]);
    assert.equal(body.query.paging.limit, 1);
  });

  it('answers null for an empty collection and MISCONFIGURED for a missing one', async () => {
    assert.equal(await wixSettingsStore(SETTINGS).read(), null);
    wix.missingCollections.add(SETTINGS);
    const missing = await wixSettingsStore(SETTINGS).read().catch((e: unknown) => e);
    assert.ok(missing instanceof Failure && missing.code === 'MISCONFIGURED', String(missing));
  });
});

describe('settings in the kit (Wix adapters)', () => {
  it('a missing collection: the defaults, one log line however many calls, and the chat works', async () => {
    wix.missingCollections.add(SETTINGS);
    const { kit, log } = wixKit({ config: { guardrails: { settingsCacheMs: 0 } } });
    for (let i = 0; i < 3; i++) {
      const chat = await kit.getMemberChat();
      assert.ok(chat.ok && !('service' in chat), JSON.stringify(chat));
    }
    assert.equal(settingsReads().length, 3);
    assert.deepEqual(log.events, [{ event: 'settings-missing', reason: 'no-collection' }]);
  });

  it('a bad field: its default, one line naming the field and never its value; the good fields hold', async () => {
    wix.cms.set(SETTINGS, new Map([['s', item('s', '2026-03-01T00:00:00Z', { mode: 'LOUD-VALUE-123', contactUrl: 'https://example.com/help' })]]));
    const { kit, log } = wixKit({ config: { guardrails: { settingsCacheMs: 0 } } });
    const chat = await kit.getMemberChat();
    assert.ok(chat.ok && !('service' in chat), 'mode fell back to its default, on');
    await kit.getMemberChat();
    assert.equal(log.events.length, 1);
    assert.equal(log.events[0]!.event, 'settings-field-ignored');
    assert.equal((log.events[0] as { field: string }).field, 'mode');
    assert.doesNotMatch(JSON.stringify(log.events), /LOUD-VALUE-123/);
    wix.cms.get(SETTINGS)!.get('s')!.mode = 'off';
    const closed = await kit.getMemberChat();
    assert.ok(closed.ok);
    assert.deepEqual(closed.service, { mode: 'off', contactUrl: 'https://example.com/help', message: 'The chat is closed right now. You can reach our team here: https://example.com/help' });
  });

  it('an outage keeps the last good settings (a CMS hiccup never reopens a closed chat)', async () => {
    wix.cms.set(SETTINGS, new Map([['s', item('s', '2026-03-01T00:00:00Z', { mode: 'off' })]]));
    const { kit, log } = wixKit({ config: { guardrails: { settingsCacheMs: 0 } } });
    assert.equal((await kit.sendChatMessage({ clientMessageId: crypto.randomUUID(), text: 'hi' }) as { error: { code: string } }).error.code, 'CHAT_CLOSED');
    wix.cmsFaults.push({ on: 'read', kind: 'wix-error', status: 503, code: 'WDE0054' });
    const during = await kit.sendChatMessage({ clientMessageId: crypto.randomUUID(), text: 'hi' });
    assert.ok(!during.ok && during.error.code === 'CHAT_CLOSED', JSON.stringify(during));
    assert.deepEqual(log.events.map((e) => e.event), ['settings-read-failed']);
  });

  it('a mode change seen by a container: one content-free notice on sitegpt-chat-service, no resource', async () => {
    wix.cms.set(SETTINGS, new Map([['s', item('s', '2026-03-01T00:00:00Z', { mode: 'on' })]]));
    const { kit } = wixKit({ config: { guardrails: { settingsCacheMs: 0 } } });
    await kit.getMemberChat();
    assert.equal(wix.published.length, 0, 'a first read has nothing to compare with');
    wix.cms.get(SETTINGS)!.get('s')!.mode = 'fallback';
    await kit.getMemberChat();
    await kit.getMemberChat();
    assert.equal(wix.published.length, 1);
    const [notice] = wix.published;
    assert.deepEqual(notice!.channels, [SERVICE_CHANNEL]);
    assert.equal(notice!.resourceId, undefined);
    assert.deepEqual(Object.keys(notice!.payload as object).sort(), ['kind', 'rev', 'v']);
    assert.equal((notice!.payload as { kind: string }).kind, 'service');
  });
});

describe('the settings cache', () => {
  const source = (options: { cacheMs: number; store: MemorySettings; clock: ShiftedClock; log?: CapturedLog }) =>
    createSettingsSource({
      store: options.store,
      clock: options.clock,
      log: options.log ?? new CapturedLog(),
      config: makeConfig({ guardrails: { settingsCacheMs: options.cacheMs } }),
    });

  it('reuses a read for settingsCacheMs, and never longer than 30 s whatever the config says', async () => {
    const store = new MemorySettings({ mode: 'on' });
    const clock = new ShiftedClock();
    const settings = source({ cacheMs: 120_000, store, clock });
    await Promise.all([settings.current(), settings.current(), settings.current()]);
    assert.equal(store.reads, 1, 'concurrent callers share one read');
    store.item = { mode: 'off' };
    clock.advance(29_000);
    assert.equal((await settings.current()).mode, 'on');
    clock.advance(1_001);
    assert.equal((await settings.current()).mode, 'off', 'the change is seen within 30 s');
    assert.equal(store.reads, 2);
  });

  it('no store at all (a sandbox without settings): the defaults, no line', async () => {
    const log = new CapturedLog();
    const settings = createSettingsSource({ store: undefined, clock: new ShiftedClock(), log, config: makeConfig() });
    assert.deepEqual(await settings.current(), DEFAULT_SETTINGS);
    assert.deepEqual(log.events, []);
  });

  it('an outage with nothing read before: the defaults', async () => {
    const store = new MemorySettings({ mode: 'off' });
    store.fail = new Failure('UPSTREAM_UNAVAILABLE', 'cms-read-timeout');
    const settings = source({ cacheMs: 0, store, clock: new ShiftedClock() });
    assert.equal((await settings.current()).mode, 'on');
  });
});
