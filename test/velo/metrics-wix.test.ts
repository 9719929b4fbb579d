// getChatMetrics on the Wix adapter: the mirror read through the real @wix/data SDK (msw playing
// the CMS), paged by keyset (never an offset), eventual reads, the hand-computed figures, and
// Wix's refusals as error values.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { setupServer } from 'msw/node';
import { createAdminKit } from '../../velo/backend/admin-kit.js';
import { makeConfig } from '../../velo/backend/config.js';
import { wixTranscriptStore } from '../../velo/backend/wix/transcript-store.js';
import { CapturedLog, ShiftedClock } from './support/memory-ports.js';
import { HAND, RANGE, handMirror } from './support/metrics-mirror.js';
import { useWixSdk, WixFake } from './support/wix-fake.js';
import type { QueryRequest } from './support/wix-query.js';

const COLLECTION = 'SiteGptMessages';
const wix = new WixFake();
const server = setupServer(...wix.handlers);
before(() => {
  useWixSdk();
  server.listen({ onUnhandledRequest: 'error' });
});
afterEach(() => wix.reset());
after(() => server.close());

function adminKit(pageSize: number, concurrency: number) {
  const config = makeConfig({ timeouts: { wixCallMs: 2_000 } });
  return createAdminKit({ transcript: wixTranscriptStore(COLLECTION), clock: new ShiftedClock(), log: new CapturedLog() }, config, {
    metrics: { pageSize, concurrency },
  });
}

async function seedMirror(): Promise<void> {
  const store = wixTranscriptStore(COLLECTION);
  for (const row of handMirror()) assert.equal(await store.insert(row), 'inserted');
  wix.requests.length = 0;
}

const queries = () =>
  wix.requests.filter((r) => r.path.endsWith('/items/query')).map((r) => r.body as QueryRequest & { consistentRead?: boolean });

describe('getChatMetrics through @wix/data', () => {
  it('answers the hand-computed figures, paging each slice by keyset with eventual reads', async () => {
    await seedMirror();
    const result = await adminKit(2, 3).getChatMetrics(RANGE);
    assert.ok(result.ok, JSON.stringify(result));
    const { ok: _ok, ...figures } = result;
    assert.deepEqual(figures, { from: RANGE.from, to: RANGE.to, ...HAND });

    const sent = queries();
    assert.ok(sent.length >= 11, `${sent.length} queries for 21 rows in pages of 2`);
    for (const query of sent) {
      assert.equal(query.dataCollectionId, COLLECTION);
      assert.deepEqual(query.query.sort, [
        { fieldName: 'askedAt', order: 'ASC' },
        { fieldName: '_id', order: 'ASC' },
      ]);
      assert.deepEqual(query.query.paging, { limit: 2, offset: 0 }, 'a fresh keyset query, never a skip');
      assert.equal(query.consistentRead ?? false, false);
      assert.match(JSON.stringify(query.query.filter), /"kind":\{"\$ne":"claim"\}/);
    }
    // Later pages ask for the rows after the last one's (askedAt, _id).
    assert.ok(sent.some((query) => JSON.stringify(query.query.filter).includes('"$or"')));
  });

  it("answers Wix's refusal of the collection as MISCONFIGURED, and a timeout as UPSTREAM_UNAVAILABLE", async () => {
    await seedMirror();
    wix.cmsFaults.push({ on: 'read', kind: 'wix-error', status: 404, code: 'WDE0025' });
    const missing = await adminKit(1000, 1).getChatMetrics(RANGE);
    assert.equal(missing.ok ? 'answered' : missing.error.code, 'MISCONFIGURED');
    wix.cmsFaults.push({ on: 'read', kind: 'wix-error', status: 504, code: 'WDE0028' });
    const slow = await adminKit(1000, 1).getChatMetrics(RANGE);
    assert.equal(slow.ok ? 'answered' : slow.error.code, 'UPSTREAM_UNAVAILABLE');
  });
});
