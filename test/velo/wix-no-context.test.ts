// Runs in its own process (node --test), with no Wix SDK context enabled: what a site would see
// if the backend ran outside Wix, or the SDK was wired wrongly.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Failure } from '../../velo/backend/runtime/failure.js';
import { getMemberChat } from '../../velo/backend/sitegpt.web.js';
import { wixMembers } from '../../velo/backend/wix/members.js';
import { wixSecrets } from '../../velo/backend/wix/secrets.js';
import { wixRealtime } from '../../velo/backend/wix/realtime.js';
import { wixThreadStore } from '../../velo/backend/wix/thread-store.js';
import { wixTranscriptStore } from '../../velo/backend/wix/transcript-store.js';

async function reason(work: Promise<unknown>): Promise<string> {
  const error = await work.then(() => undefined, (e: unknown) => e);
  assert.ok(error instanceof Failure, `expected a Failure, got ${String(error)}`);
  return `${error.code}/${error.reason}`;
}

describe('without a Wix context', () => {
  it('each adapter says MISCONFIGURED (no Wix context) instead of passing on a function as data', async () => {
    assert.equal(await reason(wixMembers().current()), 'MISCONFIGURED/no-wix-context');
    assert.equal(await reason(wixSecrets().get('SITEGPT_API_KEY')), 'MISCONFIGURED/no-wix-context');
    assert.equal(await reason(wixThreadStore('SiteGptMemberThreads').get('m1')), 'MISCONFIGURED/no-wix-context');
    const transcript = wixTranscriptStore('SiteGptMessages');
    assert.equal(await reason(transcript.get('t1')), 'MISCONFIGURED/no-wix-context');
    assert.equal(await reason(transcript.page('m1', 't1', { limit: 5 })), 'MISCONFIGURED/no-wix-context');
    assert.equal(await reason(wixRealtime().publish('m1', { v: 1, kind: 'turns', rev: 1 })), 'MISCONFIGURED/no-wix-context');
  });

  it('a web method answers with a MISCONFIGURED error value', async () => {
    const result = await getMemberChat();
    assert.equal(result.ok ? 'OK' : result.error.code, 'MISCONFIGURED');
  });
});
