// The setup check's expected fields (setup/expected.ts) against what the real Wix adapters write:
// a member chats, is offered a person, asks for one and rates an answer, and every field of every
// row the kit stored in SiteGptMemberThreads and SiteGptMessages must be one the check (and so the
// guide) lists, with the CMS type of the value written. A new field in an adapter fails here
// until the check knows it.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { setupServer } from 'msw/node';
import { FIELD_TYPES, MESSAGE_FIELDS, THREAD_FIELDS, type ExpectedType } from '../../velo/backend/setup/expected.js';
import { createStandin, siteSecrets } from './support/standin.js';
import { wixKit } from './support/wix-core.js';
import { useWixSdk, WixFake } from './support/wix-fake.js';
import { WixInboxFake } from './support/wix-inbox-fake.js';

const wix = new WixFake();
const sitegpt = createStandin();
const inbox = new WixInboxFake();
const server = setupServer(...wix.handlers, ...inbox.handlers, ...sitegpt.handlers);
before(() => {
  useWixSdk();
  server.listen({ onUnhandledRequest: 'error' });
});
after(() => server.close());

/** The CMS type a value the SDK sent is stored as (dates travel as `{$date}`); null says nothing. */
function typeOf(value: unknown): ExpectedType | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return 'text';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  if (Array.isArray(value)) return 'tags';
  if (typeof value === 'object' && '$date' in value) return 'datetime';
  return 'object';
}

it('every field the Wix adapters write is one the setup check expects, of the type it expects', async () => {
  for (const [name, value] of Object.entries(siteSecrets())) wix.secrets.set(name, value);
  wix.session.member = { id: 'member-ada', loginEmail: 'ada@example.com' };
  const { kit } = wixKit();
  assert.ok((await kit.getMemberChat()).ok);
  const first = await kit.sendChatMessage({ clientMessageId: 'fields-turn-1', text: 'Anything with no sources?' });
  assert.ok(first.ok, JSON.stringify(first));
  assert.ok((await kit.sendChatMessage({ clientMessageId: 'fields-turn-2', text: 'Still no sources, please' })).ok);
  assert.ok((await kit.rateAnswer({ messageId: 'fields-turn-1', reaction: 'NEGATIVE' })).ok);
  const human = await kit.requestHuman();
  assert.ok(human.ok, JSON.stringify(human));

  const seen = new Set<string>();
  for (const [collection, expected] of [
    ['SiteGptMemberThreads', THREAD_FIELDS],
    ['SiteGptMessages', MESSAGE_FIELDS],
  ] as const) {
    const rows = wix.rows(collection);
    assert.ok(rows.length > 0, `rows in ${collection}`);
    for (const row of rows) {
      for (const [key, value] of Object.entries(row)) {
        if (key.startsWith('_')) continue;
        seen.add(`${collection}.${key}`);
        assert.ok(key in expected, `${collection}.${key} is written but the setup check doesn't expect it`);
        const type = typeOf(value);
        if (type) assert.ok((FIELD_TYPES[expected[key]!].accepts as readonly string[]).includes(FIELD_TYPES[type].accepts[0]), `${collection}.${key}: ${type}, expected ${expected[key]}`);
      }
    }
  }
  // The run reached the fields of a handoff and of a classified answer, so the check above saw them.
  for (const field of ['SiteGptMemberThreads.handoffState', 'SiteGptMessages.lowConfidence', 'SiteGptMessages.reaction']) assert.ok(seen.has(field), field);
});
