// Each fault a member could meet gives the error code the page can act on, and the member's
// next try recovers onto one thread: no second thread, no second row.
import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { setupServer } from 'msw/node';
import type { ChatResult } from '../../contract/index.js';
import { sleep } from '../../velo/backend/runtime/deadline.js';
import type { StandinFault } from '../fixtures/sitegpt-standin/rest-api.js';
import { createStandin, siteSecrets } from './support/standin.js';
import { wixCore } from './support/wix-core.js';
import { useWixSdk, WixFake, type CmsFault } from './support/wix-fake.js';

const wix = new WixFake();
const standin = createStandin();
const server = setupServer(...wix.handlers, ...standin.handlers);
const rows = () => wix.rows('SiteGptMemberThreads');

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

function errorOf(result: ChatResult) {
  assert.equal(result.ok, false, 'expected an error value');
  return result.ok ? assert.fail() : result.error;
}

/** The member tries again: one thread at SiteGPT, one row, pointing at it. */
async function assertRecovers(core: ReturnType<typeof wixCore>['core']): Promise<void> {
  const result = await core.getMemberChat();
  assert.ok(result.ok, JSON.stringify(result));
  assert.equal(standin.store.all().length, 1);
  assert.equal(standin.store.all()[0]!.threadId, result.threadId);
  assert.deepEqual(rows().map((r) => r.threadId), [result.threadId]);
}

const sitegptFaults: { name: string; fault: StandinFault; times: number; code: string; retryAfterMs?: number }[] = [
  { name: 'a 500, and again on the retry', fault: { kind: 'status', status: 500 }, times: 2, code: 'UPSTREAM_UNAVAILABLE' },
  { name: 'a 429 with Retry-After', fault: { kind: 'status', status: 429, retryAfter: '7' }, times: 1, code: 'RATE_LIMITED', retryAfterMs: 7_000 },
  { name: 'a 429 without Retry-After', fault: { kind: 'status', status: 429 }, times: 1, code: 'RATE_LIMITED' },
  { name: 'a 401', fault: { kind: 'status', status: 401, code: 'API_KEY_NOT_VALID' }, times: 1, code: 'MISCONFIGURED' },
  { name: 'a timeout, twice', fault: { kind: 'delay', ms: 300 }, times: 2, code: 'UPSTREAM_UNAVAILABLE' },
  { name: 'a malformed body', fault: { kind: 'garbage' }, times: 1, code: 'UPSTREAM_UNAVAILABLE' },
  { name: 'a body of the wrong shape', fault: { kind: 'wrong-shape' }, times: 1, code: 'UPSTREAM_UNAVAILABLE' },
];

describe('SiteGPT faults', () => {
  for (const { name, fault, times, code, retryAfterMs } of sitegptFaults) {
    it(`${name} gives ${code}, and the next call recovers onto one thread`, async () => {
      const { core } = wixCore();
      standin.faults.next(fault, times);

      const error = errorOf(await core.getMemberChat());
      assert.equal(error.code, code);
      assert.equal(error.retryAfterMs, retryAfterMs);
      assert.equal(rows().length, 0);

      await assertRecovers(core);
      // A request SiteGPT was still working on when we gave up may land now: still one thread.
      if (fault.kind === 'delay') await sleep(fault.ms + 50);
      assert.equal(standin.store.all().length, 1);
    });
  }
});

const cmsFaults: { name: string; fault: CmsFault; code: string }[] = [
  { name: 'the CMS refusing the write (no permission)', fault: { on: 'write', kind: 'wix-error', status: 403, code: 'WDE0027' }, code: 'MISCONFIGURED' },
  { name: 'the CMS refusing the write (payload)', fault: { on: 'write', kind: 'wix-error', status: 400, code: 'WDE0109' }, code: 'INTERNAL' },
  { name: 'the CMS timing out (WDE0028)', fault: { on: 'read', kind: 'wix-error', status: 504, code: 'WDE0028' }, code: 'UPSTREAM_UNAVAILABLE' },
  { name: 'a CMS write hanging past our cap', fault: { on: 'write', kind: 'hang', ms: 400 }, code: 'UPSTREAM_UNAVAILABLE' },
];

describe('CMS faults', () => {
  for (const { name, fault, code } of cmsFaults) {
    it(`${name} gives ${code}, and the next call recovers onto one thread`, async () => {
      const { core } = wixCore();
      wix.cmsFaults.push(fault);
      const started = Date.now();

      assert.equal(errorOf(await core.getMemberChat()).code, code);
      assert.ok(Date.now() - started < 1_000, 'a hung CMS call must not hold the member for long');

      if (fault.kind === 'hang') await sleep(fault.ms + 50);
      await assertRecovers(core);
    });
  }

  it('a "new conversation" whose write failed is finished by the retry, not doubled', async () => {
    const { core } = wixCore();
    const first = await core.getMemberChat();
    wix.cmsFaults.push({ on: 'write', kind: 'wix-error', status: 400, code: 'WDE0109' });

    assert.equal(errorOf(await core.startNewConversation()).code, 'INTERNAL');
    const retried = await core.startNewConversation();

    assert.ok(first.ok && retried.ok);
    assert.notEqual(retried.threadId, first.threadId);
    assert.equal(standin.store.all().length, 2);
    assert.equal(rows()[0]!.threadId, retried.threadId);
  });
});
