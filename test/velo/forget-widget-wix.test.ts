// Delete my chat in widget mode on a site without SiteGptMessages, which the install guide lets
// widget mode skip: the real webMethods and @wix/data SDK, msw playing Wix. A missing message
// collection holds nothing to delete; any other refusal of it still reaches the member.
import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, it, mock } from 'node:test';
import { http } from 'msw';
import { setupServer } from 'msw/node';
import { forgetMyChat, getMemberChat } from '../../velo/backend/sitegpt.web.js';
import { createStandin, siteSecrets } from './support/standin.js';
import { useWixSdk, WixFake } from './support/wix-fake.js';

const wix = new WixFake();
// The web methods talk to SiteGPT's real base URL: the stand-in answers there (creating the thread).
const standin = createStandin({ baseUrl: 'https://sitegpt.ai/api/v0' });
const server = setupServer(...wix.handlers, ...standin.handlers);
const ada = { id: 'member-ada', loginEmail: 'ada@example.com' };
const threadOf = async () => {
  const chat = await getMemberChat();
  assert.ok(chat.ok, JSON.stringify(chat));
  return chat.threadId;
};
/** The collection an items query names (the SDK sends the query base64-encoded in `.r`). */
const queried = (request: Request) =>
  (JSON.parse(Buffer.from(new URL(request.url).searchParams.get('.r') ?? '', 'base64').toString('utf8')) as { dataCollectionId: string }).dataCollectionId;

before(() => {
  useWixSdk();
  server.listen({ onUnhandledRequest: 'error' });
});
beforeEach(() => {
  mock.method(console, 'log', () => undefined);
  for (const [name, value] of Object.entries(siteSecrets())) wix.secrets.set(name, value);
  wix.session.member = ada;
  wix.missingCollections.add('SiteGptMessages');
});
afterEach(() => {
  mock.restoreAll();
  server.resetHandlers();
  wix.reset();
  standin.reset();
});
after(() => server.close());

describe('Delete my chat in widget mode without the message collection', () => {
  it('deletes the chat: ok, the mapping gone, and the next load opens a new, empty thread', async () => {
    const before = await threadOf();
    assert.equal(wix.rows('SiteGptMemberThreads').length, 1);
    assert.deepEqual(await forgetMyChat(), { ok: true });
    assert.ok(!wix.rows('SiteGptMemberThreads').some((row) => row.threadId === before), 'the old thread is no longer the member\'s');
    const after = await threadOf();
    assert.notEqual(after, before);
    assert.ok(wix.count('/items/query') > 0, 'the message collection was asked, and answered "does not exist"');
  });

  it('any other refusal of the message collection still fails the deletion, so the member can try again', async () => {
    wix.missingCollections.delete('SiteGptMessages');
    await threadOf();
    // Wix refuses the site's code the collection (no permission), only for SiteGptMessages.
    server.use(
      http.get('*/wix-data/v2/items/query', ({ request }) =>
        queried(request) === 'SiteGptMessages'
          ? new Response(JSON.stringify({ message: 'Permission denied', details: { applicationError: { code: 'WDE0027', description: 'Permission denied' } } }), {
              status: 403,
              headers: { 'content-type': 'application/json' },
            })
          : undefined,
      ),
    );
    const result = await forgetMyChat();
    assert.equal(result.ok, false);
    assert.equal(!result.ok && result.error.code, 'MISCONFIGURED');
  });
});
