// getChatMetrics in the admin kit (velo/backend/admin-kit.ts) on the memory mirror: the same
// hand-computed figures however the range is paged and sliced, ISO or ms arguments, the ranges
// it refuses, a range it cannot read in time refused rather than half-counted, and its log line.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ChatMetricsResult } from '../../contract/metrics.js';
import { createAdminKit } from '../../velo/backend/admin-kit.js';
import { makeConfig } from '../../velo/backend/config.js';
import type { MirrorRead } from '../../velo/backend/metrics/read-mirror.js';
import { Failure } from '../../velo/backend/runtime/failure.js';
import type { TranscriptStore } from '../../velo/backend/ports.js';
import { CapturedLog, MemoryTranscriptStore, ShiftedClock } from './support/memory-ports.js';
import { HAND, RANGE, handMirror } from './support/metrics-mirror.js';

const DAY = 86_400_000;

async function mirror(): Promise<MemoryTranscriptStore> {
  const store = new MemoryTranscriptStore();
  for (const row of handMirror()) await store.insert(row);
  return store;
}

function adminKit(transcript: Pick<TranscriptStore, 'scan'>, options: { pageSize?: number; concurrency?: number; clock?: ShiftedClock; log?: CapturedLog } = {}) {
  const reads: MirrorRead[] = [];
  const log = options.log ?? new CapturedLog();
  const kit = createAdminKit({ transcript: transcript as TranscriptStore, clock: options.clock ?? new ShiftedClock(), log }, makeConfig(), {
    metrics: { pageSize: options.pageSize ?? 1000, concurrency: options.concurrency ?? 4 },
    onRead: (read) => reads.push(read),
  });
  return { kit, reads, log };
}

const withoutOk = (result: ChatMetricsResult) => {
  assert.ok(result.ok, JSON.stringify(result));
  const { ok: _ok, ...figures } = result;
  return figures;
};
const refusal = (result: ChatMetricsResult) => (result.ok ? 'answered' : `${result.error.code}: ${result.error.message}`);

describe('getChatMetrics', () => {
  for (const [pageSize, concurrency] of [
    [1000, 1],
    [2, 1],
    [3, 4],
    [1, 7],
  ] as const) {
    it(`answers the hand-computed figures with pages of ${pageSize} in ${concurrency} slice(s), reading 24 h past "to"`, async () => {
      const { kit, reads } = adminKit(await mirror(), { pageSize, concurrency });
      const figures = withoutOk(await kit.getChatMetrics(RANGE));
      assert.deepEqual(figures, { from: RANGE.from, to: RANGE.to, ...HAND });
      // 21 rows from `from` to 24 h past `to`: the 20 turns of the range and Dee's later repeat.
      assert.equal(reads[0]!.rows, 21);
      assert.ok(reads[0]!.pages >= Math.ceil(21 / pageSize), `${reads[0]!.pages} pages`);
    });
  }

  it('takes ISO 8601 dates as well as ms (a date alone is UTC midnight)', async () => {
    const { kit } = adminKit(await mirror());
    const iso = withoutOk(await kit.getChatMetrics({ from: '2026-03-02', to: '2026-03-05T00:00:00Z' }));
    assert.deepEqual(iso, withoutOk(await kit.getChatMetrics(RANGE)));
    const offset = withoutOk(await kit.getChatMetrics({ from: '2026-03-02T01:00:00+01:00', to: RANGE.to }));
    assert.equal(offset.from, RANGE.from);
  });

  const refused: Array<[string, unknown, RegExp]> = [
    ['no argument', undefined, /^INVALID_INPUT: Expected \{from, to\}/],
    ['a forged member', { ...RANGE, memberId: 'member-ada' }, /^INVALID_INPUT: Unknown argument "memberId"/],
    ['"to" missing', { from: RANGE.from }, /^INVALID_INPUT/],
    ['a range that runs backwards', { from: RANGE.to, to: RANGE.from }, /^INVALID_INPUT: "from" must be before "to"\.$/],
    ['an empty range', { from: RANGE.from, to: RANGE.from }, /^INVALID_INPUT: "from" must be before "to"\.$/],
    ['93 days', { from: RANGE.from, to: RANGE.from + 92 * DAY + 1 }, /^INVALID_INPUT: A range spans at most 92 days\.$/],
    ['a date in words', { from: 'yesterday', to: RANGE.to }, /^INVALID_INPUT/],
    ['a local time, whose day depends on the server', { from: '2026-03-02T10:00', to: RANGE.to }, /^INVALID_INPUT/],
    ['an impossible date', { from: '2026-02-31T00:00:00Z', to: RANGE.to }, /^INVALID_INPUT/],
    ['a negative time', { from: -DAY, to: RANGE.to }, /^INVALID_INPUT/],
    ['a fraction of a ms', { from: RANGE.from + 0.5, to: RANGE.to }, /^INVALID_INPUT/],
  ];
  for (const [what, args, expected] of refused) {
    it(`refuses ${what}, reading nothing`, async () => {
      const store = await mirror();
      const { kit } = adminKit(store);
      const readsBefore = store.reads;
      assert.match(refusal(await kit.getChatMetrics(args)), expected);
      assert.equal(store.reads, readsBefore);
    });
  }

  it('accepts exactly 92 days', async () => {
    const { kit } = adminKit(await mirror());
    const result = await kit.getChatMetrics({ from: RANGE.from, to: RANGE.from + 92 * DAY });
    assert.ok(result.ok);
    assert.equal(result.days.length, 92);
  });

  it('refuses a range it cannot read within its deadline, rather than answer figures of part of it', async () => {
    const store = await mirror();
    const clock = new ShiftedClock();
    // Every page takes 3 s of the 12 s: four pages of a slice are all there is time for.
    const slow = { scan: async (...args: Parameters<TranscriptStore['scan']>) => (clock.advance(3_000), store.scan(...args)) };
    const { kit } = adminKit(slow, { pageSize: 1, concurrency: 1, clock });
    assert.equal(refusal(await kit.getChatMetrics(RANGE)), 'UPSTREAM_UNAVAILABLE: This range holds too many conversations to count in time. Choose a shorter range.');
  });

  it('answers a failed page as the error it is, and the other slices stop reading', async () => {
    const store = await mirror();
    let pages = 0;
    const failing = {
      scan: async (...args: Parameters<TranscriptStore['scan']>) => {
        if (++pages === 2) throw new Failure('MISCONFIGURED', 'cms-query-setup');
        return store.scan(...args);
      },
    };
    const { kit } = adminKit(failing, { pageSize: 1, concurrency: 2 });
    assert.match(refusal(await kit.getChatMetrics(RANGE)), /^MISCONFIGURED/);
    const after = pages;
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.ok(pages <= after + 1, `${pages - after} pages read after the failure`);
  });

  it('logs one line per call with its outcome, and no member text', async () => {
    const log = new CapturedLog();
    const { kit } = adminKit(await mirror(), { log });
    await kit.getChatMetrics(RANGE);
    await kit.getChatMetrics({ from: RANGE.to, to: RANGE.from });
    assert.deepEqual(log.lines.map((line) => [line.method, line.outcome, line.memberId]), [
      ['getChatMetrics', 'OK', undefined],
      ['getChatMetrics', 'INVALID_INPUT', undefined],
    ]);
    const text = JSON.stringify(log.lines);
    for (const question of ['order', 'password', 'gift', 'Iceland']) assert.ok(!text.includes(question), question);
  });
});
