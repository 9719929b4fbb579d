// The circuit breaker (architecture.md §9): table-driven on a fake clock, then through the kit
// with the REST stand-in failing: N failures open it, answers are static replies with no
// SiteGPT call, one probe after T closes it (or opens it again), 429s and set-up errors don't count.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { setupServer } from 'msw/node';
import type { SendResult } from '../../contract/index.js';
import { Breaker, countsAsUpstreamFailure, type BreakerAdmission, type BreakerReport } from '../../velo/backend/guardrails/breaker.js';
import { MemorySettings } from './support/memory-guard-ports.js';
import { ShiftedClock } from './support/memory-ports.js';
import { ADA, memoryKit, newId } from './support/memory-kit.js';
import { createStandin } from './support/standin.js';

const settings = { breakerFailures: 3, breakerWindowSeconds: 10, breakerOpenSeconds: 30 };

class FakeClock {
  at = 1_000_000;
  now(): number {
    return this.at;
  }
}

/** One step: move the clock, then admit a call and report its outcome (or only admit). */
type Step = [advanceMs: number, expected: BreakerAdmission, outcome?: BreakerReport];

function run(steps: Step[]): BreakerAdmission[] {
  const clock = new FakeClock();
  const breaker = new Breaker(clock, 20_000);
  return steps.map(([advance, , outcome]) => {
    clock.at += advance;
    const admission = breaker.admit();
    if (outcome && admission !== 'open') breaker.report(admission, outcome, settings);
    return admission;
  });
}

describe('Breaker', () => {
  const table: Array<[string, Step[]]> = [
    ['stays closed below N failures in the window', [[0, 'call', 'failure'], [1000, 'call', 'failure'], [1000, 'call', 'success'], [1000, 'call']]],
    ['opens at N failures in the window', [[0, 'call', 'failure'], [1000, 'call', 'failure'], [1000, 'call', 'failure'], [1000, 'open'], [28_000, 'open']]],
    ['forgets failures older than the window', [[0, 'call', 'failure'], [1000, 'call', 'failure'], [10_000, 'call', 'failure'], [1000, 'call']]],
    ['lets one probe through after T; its success closes', [[0, 'call', 'failure'], [0, 'call', 'failure'], [0, 'call', 'failure'], [30_000, 'probe', 'success'], [0, 'call'], [0, 'call']]],
    ['a failed probe opens it again for T', [[0, 'call', 'failure'], [0, 'call', 'failure'], [0, 'call', 'failure'], [30_000, 'probe', 'failure'], [1000, 'open'], [29_000, 'probe']]],
    ['only one probe at a time: the others get static replies meanwhile', [[0, 'call', 'failure'], [0, 'call', 'failure'], [0, 'call', 'failure'], [30_000, 'probe'], [100, 'open'], [100, 'open']]],
    ['a probe that never reports expires (its call died), and the next call probes', [[0, 'call', 'failure'], [0, 'call', 'failure'], [0, 'call', 'failure'], [30_000, 'probe'], [20_000, 'probe']]],
    ['a neutral probe (a 429) decides nothing: the next call probes', [[0, 'call', 'failure'], [0, 'call', 'failure'], [0, 'call', 'failure'], [30_000, 'probe', 'neutral'], [0, 'probe', 'success'], [0, 'call']]],
    ['neutral outcomes never count', [[0, 'call', 'neutral'], [0, 'call', 'neutral'], [0, 'call', 'neutral'], [0, 'call', 'neutral'], [0, 'call']]],
  ];
  for (const [name, steps] of table) {
    it(name, () => assert.deepEqual(run(steps), steps.map(([, expected]) => expected)));
  }

  it('counts 5xx, timeouts, unreadable replies and lost connections; not 429, set-up errors or our own deadline', () => {
    for (const reason of ['sitegpt-5xx', 'sitegpt-timeout', 'sitegpt-bad-reply', 'sitegpt-network', 'sitegpt-too-large']) assert.ok(countsAsUpstreamFailure(reason), reason);
    for (const reason of ['sitegpt-429', 'sitegpt-auth', 'sitegpt-not-found', 'sitegpt-rejected', 'sitegpt-messages-limit', 'sitegpt-no-time']) assert.ok(!countsAsUpstreamFailure(reason), reason);
  });
});

const standin = createStandin();
const server = setupServer(...standin.handlers);
before(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => standin.reset());
after(() => server.close());

const posts = () => standin.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/message')).length;
const code = (result: SendResult) => (result.ok ? 'OK' : `${result.error.code}`);

describe('the breaker in the kit', () => {
  function kit() {
    const clock = new ShiftedClock();
    const env = memoryKit({ clock, settings: new MemorySettings({ breakerFailures: 3, breakerWindowSeconds: 60, breakerOpenSeconds: 30, limitPerMinute: 100 }) });
    return env;
  }
  const send = (env: ReturnType<typeof kit>, text = 'hello') => env.kit.sendChatMessage({ clientMessageId: newId(), text });

  it('SiteGPT failing opens it: then static replies as fallback turns, no SiteGPT call; after T one probe closes it', async () => {
    const env = kit();
    await env.kit.getMemberChat();
    standin.faults.next({ kind: 'status', status: 500 }, 3);
    const failing = [await send(env), await send(env), await send(env)];
    assert.deepEqual(failing.map(code), ['UPSTREAM_UNAVAILABLE', 'UPSTREAM_UNAVAILABLE', 'UPSTREAM_UNAVAILABLE']);
    assert.equal(posts(), 3);

    const open = await send(env, 'are you there?');
    assert.ok(open.ok, JSON.stringify(open));
    assert.deepEqual([open.turn.kind, open.turn.status, open.turn.sources], ['fallback', 'answered', []]);
    assert.equal(open.turn.answer, "Our assistant can't answer right now. You can reach our team here: /contact");
    assert.equal(posts(), 3, 'no SiteGPT call while open');
    const line = env.log.lines.at(-1)!;
    assert.deepEqual([line.outcome, line.guard, line.sitegptCalled], ['OK', 'breaker-open', false]);
    const stored = env.transcript.turnsOf(ADA.id).find((r) => r.clientMessageId === open.turn.id)!;
    assert.deepEqual([stored.kind, stored.status, stored.answer], ['fallback', 'answered', open.turn.answer]);

    env.clock.advance(30_000);
    const probe = await send(env, 'back?');
    assert.ok(probe.ok && probe.turn.kind === 'ai', JSON.stringify(probe));
    assert.equal(posts(), 4);
    const after = await send(env, 'and again');
    assert.ok(after.ok && after.turn.kind === 'ai');
    assert.equal(env.log.lines.at(-1)!.guard, undefined);
  });

  it('a failed probe opens it again for T', async () => {
    const env = kit();
    await env.kit.getMemberChat();
    standin.faults.next({ kind: 'status', status: 503 }, 3);
    for (let i = 0; i < 3; i++) await send(env);
    env.clock.advance(30_000);
    standin.faults.next({ kind: 'garbage' });
    assert.equal(code(await send(env)), 'UPSTREAM_UNAVAILABLE', 'the probe failed');
    const again = await send(env);
    assert.ok(again.ok && again.turn.kind === 'fallback');
    assert.equal(posts(), 4);
  });

  it("SiteGPT's 429s do not open it", async () => {
    const env = kit();
    await env.kit.getMemberChat();
    standin.faults.next({ kind: 'status', status: 429 }, 4);
    for (let i = 0; i < 4; i++) assert.equal(code(await send(env)), 'RATE_LIMITED');
    const next = await send(env);
    assert.ok(next.ok && next.turn.kind === 'ai');
    assert.equal(posts(), 5);
  });
});
