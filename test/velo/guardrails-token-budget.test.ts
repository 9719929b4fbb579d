// The monthly token budget (architecture.md §9, §11) through the kit with the OpenAI-compatible
// stand-in: the tokens stored on this month's turns against `monthlyTokenBudget`, alerts at 50,
// 80 and 100 % (their own, beside the message budget's), static replies at 100 %, and only while
// the OpenAI-compatible provider answers.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { setupServer } from 'msw/node';
import { MemoryOwnerNotifier, MemorySettings } from './support/memory-guard-ports.js';
import { CapturedLog, MemoryTranscriptStore, ShiftedClock } from './support/memory-ports.js';
import { memoryKit, newId } from './support/memory-kit.js';
import { createOpenAiStandin, OPENAI_KEY, OPENAI_SETTINGS } from './support/openai-standin.js';
import { createStandin } from './support/standin.js';
import { turnRow } from './support/transcript-store-contract.js';

const sitegpt = createStandin();
const openai = createOpenAiStandin();
const server = setupServer(...sitegpt.handlers, ...openai.handlers);
before(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  sitegpt.reset();
  openai.reset();
});
after(() => server.close());

type Alert = { threshold: number; source: string };
const alerts = (log: CapturedLog) => log.events.filter((e) => e.event === 'budget-alert').map((e) => [(e as Alert).threshold, (e as Alert).source]);

/** Mid-month, so a test never straddles a month's end. */
function midMonthClock(): ShiftedClock {
  const clock = new ShiftedClock();
  const now = new Date();
  clock.offsetMs = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 15, 12) - now.getTime();
  return clock;
}

/** A mirror that already holds `tokens` spent this month (another member's earlier answers), and counts its sums. */
function spentMirror(clock: ShiftedClock) {
  const transcript = new MemoryTranscriptStore();
  let n = 0;
  const spend = (tokens: number) => transcript.insert(turnRow({ _id: `spent-${++n}`, memberId: 'member-bob', askedAt: clock.now() - 1000, tokens: { prompt: tokens, completion: 0 } }));
  const sums = { count: 0 };
  const sum = transcript.sumTokensSince.bind(transcript);
  transcript.sumTokensSince = (since) => (sums.count++, sum(since));
  return { transcript, spend, sums };
}

function openaiKit(options: Parameters<typeof memoryKit>[0], item: Record<string, unknown>) {
  return memoryKit({ settings: new MemorySettings({ ...OPENAI_SETTINGS, ...item }), secrets: { OPENAI_API_KEY: OPENAI_KEY }, ...options });
}

describe('monthly token budget', () => {
  it('alerts at 50, 80 and 100 % of the tokens stored this month (a log line and a notification each), then answers statically', async () => {
    const clock = midMonthClock();
    const { transcript, spend } = spentMirror(clock);
    const ownerNotifier = new MemoryOwnerNotifier();
    const { kit, log } = openaiKit({ clock, transcript, ownerNotifier, config: { guardrails: { budgetCacheMs: 0 } } }, { monthlyTokenBudget: 10_000 });
    await spend(5_000);
    assert.equal((await kit.sendChatMessage({ clientMessageId: newId(), text: 'one' })).ok, true);
    assert.deepEqual(alerts(log), [[50, 'tokens']]);
    await spend(3_000);
    const two = await kit.sendChatMessage({ clientMessageId: newId(), text: 'two' });
    assert.ok(two.ok && two.turn.kind === 'ai');
    assert.deepEqual(alerts(log), [[50, 'tokens'], [80, 'tokens']]);
    await spend(2_000);
    const three = await kit.sendChatMessage({ clientMessageId: newId(), text: 'three' });
    assert.ok(three.ok && three.turn.kind === 'fallback');
    assert.equal(log.lines.at(-1)!.guard, 'budget');
    assert.deepEqual(alerts(log), [[50, 'tokens'], [80, 'tokens'], [100, 'tokens']]);
    assert.equal(openai.requests.length, 2, 'the endpoint is not asked once the budget is spent');
    assert.equal(ownerNotifier.bodies.length, 3);
    assert.match(ownerNotifier.bodies[0]!, /^SiteGPT member chat: 50 % of this month's token budget of the member chat \(OpenAI-compatible provider\) is used \(\d+ of 10000\)\.$/);
    assert.match(ownerNotifier.bodies[2]!, /100 %.*static replies/);
    const locks = [...transcript.rows.values()].filter((r) => r.clientMessageId.startsWith('budget-alert-tokens-'));
    assert.equal(locks.length, 3);
  });

  it('is its own budget: the message budget and the token budget each alert', async () => {
    const clock = midMonthClock();
    const { transcript, spend } = spentMirror(clock);
    await spend(600);
    const { kit, log } = openaiKit({ clock, transcript }, { monthlyTokenBudget: 1_000, monthlyMessageBudget: 4 });
    assert.ok((await kit.sendChatMessage({ clientMessageId: newId(), text: 'hello' })).ok);
    assert.deepEqual(alerts(log).sort(), [[50, 'mirror'], [50, 'tokens']]);
  });

  it('limits only the OpenAI-compatible provider: with SiteGPT its sum is not even read', async () => {
    const clock = midMonthClock();
    const { transcript, spend, sums } = spentMirror(clock);
    await spend(50_000);
    const { kit, log } = memoryKit({ clock, transcript, settings: new MemorySettings({ monthlyTokenBudget: 1_000 }) });
    const result = await kit.sendChatMessage({ clientMessageId: newId(), text: 'to SiteGPT' });
    assert.ok(result.ok && result.turn.kind === 'ai');
    assert.deepEqual([alerts(log), sums.count], [[], 0]);
  });

  it('reuses the sum for budgetCacheMs per container: one read for several questions, then a fresh one', async () => {
    const clock = midMonthClock();
    const { transcript, sums } = spentMirror(clock);
    const { kit, config } = openaiKit({ clock, transcript }, { monthlyTokenBudget: 1_000_000 });
    for (const text of ['a', 'b', 'c']) assert.ok((await kit.sendChatMessage({ clientMessageId: newId(), text })).ok);
    assert.equal(sums.count, 1);
    clock.advance(config.guardrails.budgetCacheMs);
    assert.ok((await kit.sendChatMessage({ clientMessageId: newId(), text: 'd' })).ok);
    assert.equal(sums.count, 2);
  });

  it('no token budget (0, the default): no sum is read', async () => {
    const clock = midMonthClock();
    const { transcript, sums } = spentMirror(clock);
    const { kit } = openaiKit({ clock, transcript }, {});
    assert.ok((await kit.sendChatMessage({ clientMessageId: newId(), text: 'free' })).ok);
    assert.equal(sums.count, 0);
  });
});
