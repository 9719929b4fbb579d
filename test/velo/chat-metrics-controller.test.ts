// The admin page's controller (velo/public/chat-metrics.ts) against a fake `$w('#chatMetrics')`
// and a fake getChatMetrics whose answers the test releases: the first load, ranges the element
// asks for, late answers to earlier requests dropped, failures and Wix's refusal as error codes,
// answers it cannot pass on, the server-side render, dispose.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ChatMetricsResult } from '../../contract/metrics.js';
import { computeMetrics } from '../../velo/backend/metrics/accumulator.js';
import { connectChatMetrics } from '../../velo/public/chat-metrics.js';
import { FakeElement, FakeWebMethod, flush } from './support/fake-page.js';
import { handMirror } from './support/metrics-mirror.js';

const DAY = 86_400_000;
const NOW = new Date(2026, 2, 18, 15, 30).getTime();

function answerFor(range: { from: number; to: number }): ChatMetricsResult {
  return { ok: true, ...computeMetrics(handMirror(), range) };
}

function connect(options: { browser?: boolean } = {}) {
  const element = new FakeElement();
  const method = new FakeWebMethod<ChatMetricsResult>();
  const connection = connectChatMetrics(element, { getChatMetrics: method.fn, isBrowser: async () => options.browser ?? true, now: () => NOW });
  return { element, method, connection };
}

const range = (method: FakeWebMethod<ChatMetricsResult>, n: number) => method.args[n] as { from: number; to: number };

describe('connectChatMetrics', () => {
  it('loads the last 28 days at once, local midnight to the end of today, and sets the answer as JSON', async () => {
    const { element, method, connection } = connect();
    assert.equal(await connection.ready, true);
    assert.equal(method.count, 1);
    assert.deepEqual(range(method, 0), { from: new Date(2026, 1, 19).getTime(), to: new Date(2026, 2, 19).getTime() });
    const answer = answerFor(range(method, 0));
    method.call(0).resolve(answer);
    await flush();
    assert.deepEqual(element.calls, [
      ['error', ''],
      ['metrics', JSON.stringify(answer)],
    ]);
  });

  it('loads the range the element asks for, and drops an earlier request\'s late answer', async () => {
    const { element, method, connection } = connect();
    await connection.ready;
    const week = { from: NOW - 7 * DAY, to: NOW };
    element.fire('sitegpt-metrics-request', week);
    assert.deepEqual(range(method, 1), week);
    method.call(1).resolve(answerFor(week));
    method.call(0).resolve(answerFor(range(method, 0))); // the first load, answered last
    await flush();
    assert.deepEqual(element.calls.map(([name]) => name), ['error', 'metrics']);
    assert.equal(JSON.parse(element.attributes.get('metrics')!).from, week.from);
  });

  for (const [what, detail] of [
    ['text', { from: '1', to: '2' }],
    ['a range that runs backwards', { from: NOW, to: NOW - DAY }],
    ['fractions', { from: 0.5, to: DAY }],
    ['nothing', undefined],
    ['an array', [0, DAY]],
  ] as const) {
    it(`ignores a request with ${what}`, async () => {
      const { element, method, connection } = connect();
      await connection.ready;
      element.fire('sitegpt-metrics-request', detail);
      assert.equal(method.count, 1);
    });
  }

  for (const [what, settle, code] of [
    ['an error value', (d: { resolve(v: unknown): void }) => d.resolve({ ok: false, error: { code: 'UPSTREAM_UNAVAILABLE', message: 'slow' } }), 'UPSTREAM_UNAVAILABLE'],
    ["Wix's refusal of an Admin method (a rejection)", (d: { reject(r: unknown): void }) => d.reject(Object.assign(new Error('Forbidden'), { status: 403 })), 'NOT_SIGNED_IN'],
    ['figures for another range', (d: { resolve(v: unknown): void }) => d.resolve(answerFor({ from: 0, to: DAY })), 'INTERNAL'],
    ['something else', (d: { resolve(v: unknown): void }) => d.resolve('figures'), 'INTERNAL'],
    ['figures over the element\'s cap', (d: { resolve(v: unknown): void }, r?: { from: number; to: number }) => d.resolve({ ...answerFor(r!), pad: 'x'.repeat(300 * 1024) }), 'INTERNAL'],
  ] as const) {
    it(`sets error ${code} for ${what}, and no figures`, async () => {
      const { element, method, connection } = connect();
      await connection.ready;
      (settle as (d: unknown, r?: unknown) => void)(method.call(0), range(method, 0));
      await flush();
      assert.deepEqual(element.calls, [['error', code]]);
    });
  }

  it('does nothing in the server-side render', async () => {
    const { element, method, connection } = connect({ browser: false });
    assert.equal(await connection.ready, false);
    assert.equal(method.count, 0);
    assert.equal(element.listeners('sitegpt-metrics-request'), 0);
  });

  it('after dispose drops answers still on their way and ignores requests', async () => {
    const { element, method, connection } = connect();
    await connection.ready;
    connection.dispose();
    method.call(0).resolve(answerFor(range(method, 0)));
    element.fire('sitegpt-metrics-request', { from: NOW - DAY, to: NOW });
    await flush();
    assert.deepEqual(element.calls, []);
    assert.equal(method.count, 1);
  });
});
