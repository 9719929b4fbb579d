// checkSetup() on the real Wix adapters (SDK → msw), for what a site owner reads about the message
// collection (widget mode may skip it) and the OpenAI-compatible provider: asked in time even when
// SiteGPT is slow, a key read as the chat reads it, and an answer that isn't a model list.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { OPENAI_BASE_URL, OPENAI_KEY } from './support/openai-standin.js';
import { moduleImports } from './support/module-imports.js';
import { createModelsEndpoint, rows, setupKit, setUpAsTheGuideSays } from './support/setup-site.js';
import { createStandin } from './support/standin.js';
import { useWixSdk, WixFake } from './support/wix-fake.js';

const wix = new WixFake();
const sitegpt = createStandin();
const models = createModelsEndpoint();
const server = setupServer(...wix.handlers, ...sitegpt.handlers, ...models.handlers);
const chooseOpenAi = () =>
  wix.cms.set('SiteGptSettings', new Map([['s', { _id: 's', title: 'Chat', provider: 'openai', openaiBaseUrl: OPENAI_BASE_URL, openaiModel: 'gpt-4o-mini' }]]));

before(() => {
  useWixSdk();
  server.listen({ onUnhandledRequest: 'error' });
});
beforeEach(() => setUpAsTheGuideSays(wix));
afterEach(() => {
  server.resetHandlers();
  wix.reset();
  sitegpt.reset();
  models.reset();
});
after(() => server.close());

describe('checkSetup: the message collection', () => {
  it('missing only warns: the check cannot know the mode, and widget mode works without it', async () => {
    wix.missingCollections.add('SiteGptMessages');
    const row = rows(await setupKit().kit.checkSetup())['collection-messages']!;
    assert.equal(row.status, 'warn');
    assert.match(row.found, /Missing\./);
    assert.match(row.found, /native mode, automatic replies, the chat metrics and handoff/);
    assert.match(row.found, /Widget mode works without it/);
    assert.doesNotMatch(row.found, /doesn't work without it/);
    assert.match(row.fix!, /create a collection whose ID is exactly SiteGptMessages/);
  });

  it('the threads collection, which every mode needs, still fails when missing', async () => {
    wix.missingCollections.add('SiteGptMemberThreads');
    const row = rows(await setupKit().kit.checkSetup())['collection-threads']!;
    assert.equal(row.status, 'fail');
    assert.match(row.found, /doesn't work without it/);
  });
});

describe('checkSetup: the OpenAI-compatible provider', () => {
  it('asks the endpoint as soon as the settings are read, even while SiteGPT takes the whole deadline', async () => {
    chooseOpenAi();
    wix.secrets.set('OPENAI_API_KEY', OPENAI_KEY);
    sitegpt.faults.next({ kind: 'delay', ms: 5_000 }, 3); // longer than the whole check may take
    const config = { timeouts: { overallMs: 2_000, sitegptCallMs: 2_000, wixCallMs: 1_000 } };
    const row = rows(await setupKit({ config }).kit.checkSetup());
    assert.equal(row['sitegpt-access']!.status, 'unchecked');
    assert.equal(row.provider!.status, 'pass', JSON.stringify(row.provider));
    assert.match(row.provider!.found, /offers the model gpt-4o-mini/);
    assert.equal(models.requests.length, 1, 'the endpoint was asked');
  });

  it('reads OPENAI_API_KEY as the chat does: a trailing newline or spaces are not part of the key', async () => {
    chooseOpenAi();
    wix.secrets.set('OPENAI_API_KEY', ` ${OPENAI_KEY}\n`);
    const row = rows(await setupKit().kit.checkSetup()).provider!;
    assert.equal(row.status, 'pass', JSON.stringify(row));
    assert.deepEqual(models.requests.map((r) => r.authorization), [`Bearer ${OPENAI_KEY}`]);
  });

  it('a 2xx that is not a model list (a web page at a wrong base URL) warns, naming openaiBaseUrl', async () => {
    chooseOpenAi();
    wix.secrets.set('OPENAI_API_KEY', OPENAI_KEY);
    server.use(http.get(`${OPENAI_BASE_URL}/models`, () => new HttpResponse('<!doctype html><title>Welcome</title>', { headers: { 'content-type': 'text/html' } })));
    const row = rows(await setupKit().kit.checkSetup()).provider!;
    assert.equal(row.status, 'warn');
    assert.match(row.found, /answered, but not like an OpenAI-compatible endpoint: check openaiBaseUrl/);
    assert.match(row.fix!, /openaiBaseUrl in SiteGptSettings/);
    assert.doesNotMatch(row.found, /accepted the key/);
  });
});

describe('checkSetup: the realtime row', () => {
  it("tests the channels realtime-permissions.ts names, imported from it rather than written out again", async () => {
    const source = await readFile(new URL('../../velo/backend/setup/check-realtime.ts', import.meta.url), 'utf8');
    const own = moduleImports(source, 'check-realtime.ts').find((i) => i.specifier === '../realtime-permissions.js');
    assert.deepEqual(own?.names.sort(), ['CHANNEL', 'SERVICE_CHANNEL']);
    assert.doesNotMatch(source, /['"`]sitegpt-(member-chat|chat-service)['"`]/, 'no channel name written out');
  });
});
