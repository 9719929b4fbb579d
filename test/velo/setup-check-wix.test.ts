// checkSetup() on the real Wix adapters: the @wix/secrets list (names only), @wix/data's
// collections API for fields and permissions, the settings item, one SiteGPT thread read against
// the stand-in, the site's own realtime-permissions rule and an OpenAI-compatible model list,
// msw playing Wix and both endpoints. What a site owner reads is each row's status and words.
import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { setupServer } from 'msw/node';
import { SETUP_CHECK_IDS, SetupResultSchema } from '../../contract/setup.js';
import { MESSAGE_FIELDS, THREAD_FIELDS } from '../../velo/backend/setup/expected.js';
import { PROBE_THREAD_ID } from '../../velo/backend/setup/check-sitegpt.js';
import { OPENAI_BASE_URL, OPENAI_KEY } from './support/openai-standin.js';
import { ADMIN_ONLY, collectionDef, createModelsEndpoint, rows, setupKit, setUpAsTheGuideSays, statuses, THREAD_SECRET, V2_TOKEN } from './support/setup-site.js';
import { API_KEY, CHATBOT_ID, createStandin } from './support/standin.js';
import { useWixSdk, WixFake } from './support/wix-fake.js';

const wix = new WixFake();
const sitegpt = createStandin();
const models = createModelsEndpoint();
const server = setupServer(...wix.handlers, ...sitegpt.handlers, ...models.handlers);
const settingsItem = (fields: Record<string, unknown>) => wix.cms.set('SiteGptSettings', new Map([['s', { _id: 's', title: 'Chat', ...fields }]]));
const ALL_PASS = Object.fromEntries(SETUP_CHECK_IDS.map((id) => [id, 'pass']));

before(() => {
  useWixSdk();
  server.listen({ onUnhandledRequest: 'error' });
});
beforeEach(() => setUpAsTheGuideSays(wix));
afterEach(() => {
  wix.reset();
  sitegpt.reset();
  models.reset();
});
after(() => server.close());

describe('checkSetup on a site set up as the guide says', () => {
  it('passes every row, in the stable order, with one thread read at SiteGPT that creates nothing', async () => {
    const { kit } = setupKit();
    const result = await kit.checkSetup();
    assert.ok(result.ok, JSON.stringify(result));
    assert.deepEqual(SetupResultSchema.parse(result), result, 'the answer is the contract, as the element parses it');
    assert.deepEqual(
      result.checks.map((check) => check.id),
      [...SETUP_CHECK_IDS],
    );
    assert.deepEqual(statuses(result), ALL_PASS, JSON.stringify(result.checks, null, 1));
    assert.ok(result.checks.every((check) => check.fix === undefined), 'a passing row has nothing to fix');
    assert.deepEqual(
      sitegpt.requests.map((r) => `${r.method} ${r.path}`),
      [`GET /api/v0/chatbots/${CHATBOT_ID}/threads/${PROBE_THREAD_ID}`],
    );
    assert.equal(sitegpt.store.all().length, 0);
  });

  it('never lets a secret value out: not in the answer, not in the log line, not even a prefix', async () => {
    wix.secrets.set('OPENAI_API_KEY', OPENAI_KEY);
    settingsItem({ provider: 'openai', openaiBaseUrl: OPENAI_BASE_URL });
    const { kit, log } = setupKit();
    const result = await kit.checkSetup();
    assert.equal(rows(result).provider!.status, 'pass');
    assert.equal(models.requests[0]!.authorization, `Bearer ${OPENAI_KEY}`, 'the key went to the endpoint, in its header');
    // The rows' IDs (secret-openai-key, …) are public words; everything else must hold no part of a value.
    const seen = SETUP_CHECK_IDS.reduce((text, id) => text.replaceAll(id, '#'), JSON.stringify(result) + JSON.stringify(log.lines));
    assert.ok(!seen.includes(CHATBOT_ID), 'the chatbot ID leaked');
    for (const secret of [API_KEY, THREAD_SECRET, V2_TOKEN, OPENAI_KEY]) {
      // No 8 characters in a row of any value: a prefix, a suffix or a middle would show.
      for (let i = 0; i + 8 <= secret.length; i++) assert.ok(!seen.includes(secret.slice(i, i + 8)), `${secret.slice(i, i + 8)} of a secret leaked`);
    }
    assert.equal(log.lines.length, 1);
    assert.equal(log.lines[0]!.method, 'checkSetup');
  });

  it('refuses an argument: nothing names a member, a thread or what to check', async () => {
    const { kit } = setupKit();
    const result = await kit.checkSetup({ memberId: 'member-ada' });
    assert.equal(result.ok, false);
    assert.equal(!result.ok && result.error.code, 'INVALID_INPUT');
  });
});

describe('checkSetup on a broken site: each failure named, with its fix', () => {
  it('a missing SITEGPT_API_KEY fails its row and leaves SiteGPT unchecked, without calling it', async () => {
    wix.secrets.delete('SITEGPT_API_KEY');
    const { kit } = setupKit();
    const row = rows(await kit.checkSetup());
    assert.equal(row['secret-api-key']!.status, 'fail');
    assert.match(row['secret-api-key']!.fix!, /Secrets Manager.*SITEGPT_API_KEY/);
    assert.equal(row['sitegpt-access']!.status, 'unchecked');
    assert.match(row['sitegpt-access']!.found, /needs both secrets/);
    assert.equal(row.provider!.status, 'unchecked');
    assert.equal(sitegpt.requests.length, 0);
  });

  it('optional secrets only inform; OPENAI_API_KEY fails when the settings choose that provider', async () => {
    wix.secrets.delete('SITEGPT_THREAD_SECRET');
    wix.secrets.delete('SITEGPT_V2_TOKEN');
    settingsItem({ provider: 'openai', openaiBaseUrl: OPENAI_BASE_URL });
    const { kit } = setupKit();
    const row = rows(await kit.checkSetup());
    assert.equal(row['secret-thread-secret']!.status, 'pass');
    assert.match(row['secret-thread-secret']!.found, /optional/);
    assert.equal(row['secret-v2-token']!.status, 'pass');
    assert.equal(row['secret-openai-key']!.status, 'fail');
    assert.equal(row.provider!.status, 'unchecked');
    assert.equal(models.requests.length, 0, 'no call without a key');
  });

  it('a missing collection fails; a missing field warns, naming it and its type', async () => {
    wix.missingCollections.add('SiteGptMemberThreads');
    const { threadId: _gone, ...rest } = MESSAGE_FIELDS;
    wix.collectionDefs.set('SiteGptMessages', collectionDef(rest));
    const { kit } = setupKit();
    const row = rows(await kit.checkSetup());
    assert.equal(row['collection-threads']!.status, 'fail');
    assert.match(row['collection-threads']!.fix!, /create a collection whose ID is exactly SiteGptMemberThreads/);
    assert.equal(row['collection-messages']!.status, 'warn');
    assert.match(row['collection-messages']!.found, /Missing field: threadId\./);
    assert.match(row['collection-messages']!.fix!, /threadId \(Text\)/);
  });

  it('a field of another type warns; the settings collection, optional, passes when absent', async () => {
    wix.collectionDefs.set('SiteGptMessages', { ...collectionDef(MESSAGE_FIELDS), fields: collectionDef(MESSAGE_FIELDS).fields.map((f) => (f.key === 'askedAt' ? { key: 'askedAt', type: 'TEXT' } : f)) });
    wix.missingCollections.add('SiteGptSettings');
    const { kit } = setupKit();
    const row = rows(await kit.checkSetup());
    assert.equal(row['collection-messages']!.status, 'warn');
    assert.match(row['collection-messages']!.found, /askedAt \(should be Date and time\)/);
    assert.equal(row['collection-settings']!.status, 'pass');
    assert.match(row['collection-settings']!.found, /optional/);
  });

  it("permissions that let members or visitors at the chats fail the row, saying who may do what", async () => {
    wix.collectionDefs.set('SiteGptMessages', collectionDef(MESSAGE_FIELDS, { ...ADMIN_ONLY, read: 'ANYONE', insert: 'SITE_MEMBER' }));
    // Collaborators who may edit the CMS are not members: that stays private.
    wix.collectionDefs.set('SiteGptMemberThreads', collectionDef(THREAD_FIELDS, { ...ADMIN_ONLY, update: 'CMS_EDITOR' }));
    const { kit } = setupKit();
    const row = rows(await kit.checkSetup());
    assert.equal(row['collection-threads']!.status, 'pass');
    assert.equal(row['collection-messages']!.status, 'fail');
    assert.match(row['collection-messages']!.found, /anyone, even visitors, may read items; any member may create items/);
    assert.match(row['collection-messages']!.fix!, /Permissions & privacy/);
  });

  it('a wrong API key, or a chatbot the account does not have, fails the SiteGPT row', async () => {
    wix.secrets.set('SITEGPT_API_KEY', 'not-the-key');
    let row = rows(await setupKit().kit.checkSetup());
    assert.equal(row['sitegpt-access']!.status, 'fail');
    assert.match(row['sitegpt-access']!.found, /refused the API key/);

    wix.secrets.set('SITEGPT_API_KEY', API_KEY);
    wix.secrets.set('SITEGPT_CHATBOT_ID', 'chatbot-that-is-not-there');
    row = rows(await setupKit().kit.checkSetup());
    assert.equal(row['sitegpt-access']!.status, 'fail');
    assert.match(row['sitegpt-access']!.found, /doesn't know the chatbot/);
  });

  it('a missing or too open realtime-permissions file fails its row', async () => {
    const missing = async () => {
      throw new Error("Cannot find module 'backend/realtime-permissions'");
    };
    let row = rows(await setupKit({ realtimeRule: missing }).kit.checkSetup());
    assert.equal(row['realtime-permissions']!.status, 'fail');
    assert.match(row['realtime-permissions']!.found, /missing/);

    const everyone = async () => ({ realtime_check_permission: () => ({ read: true }) });
    row = rows(await setupKit({ realtimeRule: everyone }).kit.checkSetup());
    assert.equal(row['realtime-permissions']!.status, 'fail');
    assert.match(row['realtime-permissions']!.found, /lets a member listen to another member's chat/);
  });

  it("the settings item's unusable and unknown fields are named, never their values", async () => {
    settingsItem({ mode: 'sometimes', limitPerMinute: -3, limitperday: 5 });
    const row = rows(await setupKit().kit.checkSetup())['settings-item']!;
    assert.equal(row.status, 'warn');
    assert.match(row.found, /mode \(/);
    assert.match(row.found, /limitPerMinute \(/);
    assert.match(row.found, /limitperday \(did you mean limitPerDay\?\)/);
    assert.ok(!row.found.includes('sometimes'));
  });

  it('the OpenAI-compatible endpoint: a refused key fails, a model it does not list warns', async () => {
    settingsItem({ provider: 'openai', openaiBaseUrl: OPENAI_BASE_URL, openaiModel: 'gpt-4o-mini' });
    wix.secrets.set('OPENAI_API_KEY', 'sk-wrong');
    let row = rows(await setupKit().kit.checkSetup());
    assert.equal(row.provider!.status, 'fail');
    assert.match(row.provider!.found, /refused the key in OPENAI_API_KEY/);

    wix.secrets.set('OPENAI_API_KEY', OPENAI_KEY);
    models.offer(['some-other-model']);
    row = rows(await setupKit().kit.checkSetup());
    assert.equal(row.provider!.status, 'warn');
    assert.match(row.provider!.found, /doesn't hold gpt-4o-mini/);
    assert.deepEqual(
      models.requests.map((r) => `${r.method} ${r.url}`),
      [`GET ${OPENAI_BASE_URL}/models`, `GET ${OPENAI_BASE_URL}/models`],
    );
  });

  it('a SiteGPT that does not answer in time makes its own row unchecked; the answer still comes, every other row checked', async () => {
    sitegpt.faults.next({ kind: 'delay', ms: 2_500 }, 2); // past the client's 1 s per call
    const row = rows(await setupKit().kit.checkSetup());
    assert.equal(row['sitegpt-access']!.status, 'unchecked');
    assert.match(row['sitegpt-access']!.found, /SiteGPT didn't answer in time/);
    const others = Object.values(row).filter((check) => check.id !== 'sitegpt-access' && check.id !== 'provider');
    assert.deepEqual(others.filter((check) => check.status !== 'pass').map((check) => check.id), []);
  });

  it("what Wix or SiteGPT doesn't answer is unchecked, and the other rows still come", async () => {
    wix.collectionFaults.push(503);
    sitegpt.faults.next({ kind: 'status', status: 500 }, 2);
    const row = rows(await setupKit().kit.checkSetup());
    const unchecked = Object.values(row).filter((check) => check.status === 'unchecked').map((check) => check.id);
    assert.ok(unchecked.includes('collection-threads'), JSON.stringify(unchecked));
    assert.ok(unchecked.includes('sitegpt-access'), JSON.stringify(unchecked));
    assert.match(row['collection-threads']!.fix!, /Check again/);
    assert.equal(row['secret-api-key']!.status, 'pass');
    assert.equal(row['collection-messages']!.status, 'pass');
  });
});
