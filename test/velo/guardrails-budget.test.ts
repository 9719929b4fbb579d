// Budgets (architecture.md §9) through the kit with the REST stand-in: the monthly message
// budget counted from the mirror (this calendar month, every member, across containers),
// alerts at 50/80/100 % once per threshold and month across containers (a log line and the
// site owner's notification), static replies at 100 %; SiteGPT's own usage and quota through
// its v2 API when a v2 token is set; and the Wix notifier over Velo's notifications module.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { setupServer } from 'msw/node';
import type { SendResult } from '../../contract/index.js';
import { Failure } from '../../velo/backend/runtime/failure.js';
import { wixOwnerNotifier, type VeloNotifications } from '../../velo/backend/wix/owner-notifier.js';
import { MemoryOwnerNotifier, MemorySettings } from './support/memory-guard-ports.js';
import { CapturedLog, MemoryThreadStore, MemoryTranscriptStore, ShiftedClock } from './support/memory-ports.js';
import { memoryKit, newId } from './support/memory-kit.js';
import { createStandin } from './support/standin.js';
import { turnRow } from './support/transcript-store-contract.js';

const account = { v2Token: 'sgpt_v2-token-for-tests', messageQuota: null as number | null };
const standin = createStandin({ account });
const server = setupServer(...standin.handlers);
before(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  standin.reset();
  account.messageQuota = null;
});
after(() => server.close());

const posts = () => standin.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/message')).length;
const kinds = (results: SendResult[]) => results.map((r) => (r.ok ? r.turn.kind : r.error.code));
const alerts = (log: CapturedLog) => log.events.filter((e) => e.event === 'budget-alert').map((e) => (e as { threshold: number; source: string }).threshold);

/** Mid-month, so a test never straddles a month's end. */
function midMonthClock(): ShiftedClock {
  const clock = new ShiftedClock();
  const now = new Date();
  clock.offsetMs = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 15, 12) - now.getTime();
  return clock;
}

describe('monthly message budget (from the mirror)', () => {
  it('alerts at 50, 80 and 100 % (a log line and a notification each), then answers statically', async () => {
    const ownerNotifier = new MemoryOwnerNotifier();
    const { kit, log } = memoryKit({ clock: midMonthClock(), ownerNotifier, settings: new MemorySettings({ monthlyMessageBudget: 4 }) });
    await kit.getMemberChat();
    const results: SendResult[] = [];
    for (let i = 0; i < 5; i++) results.push(await kit.sendChatMessage({ clientMessageId: newId(), text: `q${i}` }));
    assert.deepEqual(kinds(results), ['ai', 'ai', 'ai', 'ai', 'fallback']);
    assert.equal(posts(), 4);
    assert.deepEqual(alerts(log), [50, 80, 100]);
    assert.equal(ownerNotifier.bodies.length, 3);
    assert.match(ownerNotifier.bodies[0]!, /^SiteGPT member chat: 50 % of this month's message budget .* is used \(2 of 4\)\.$/);
    assert.match(ownerNotifier.bodies[2]!, /100 %.*static replies/);
    assert.ok(ownerNotifier.bodies.every((body) => body.length <= 512 && !/q\d|member-ada/.test(body)));
    assert.equal(log.lines.at(-1)!.guard, 'budget');
  });

  it('counts every member\'s questions of this calendar month (UTC) from the mirror, not last month\'s', async () => {
    const clock = midMonthClock();
    const transcript = new MemoryTranscriptStore();
    const now = clock.now();
    const lastMonth = Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth(), 0, 12);
    for (let i = 0; i < 5; i++) await transcript.insert(turnRow({ _id: `old-${i}`, askedAt: lastMonth, memberId: 'member-bob' }));
    for (let i = 0; i < 2; i++) await transcript.insert(turnRow({ _id: `bob-${i}`, askedAt: now - 1000, memberId: 'member-bob' }));
    await transcript.insert(turnRow({ _id: 'static', askedAt: now - 1000, kind: 'fallback' }));
    const { kit, log } = memoryKit({ clock, transcript, settings: new MemorySettings({ monthlyMessageBudget: 3 }) });
    const results = [await kit.sendChatMessage({ clientMessageId: newId(), text: 'one' }), await kit.sendChatMessage({ clientMessageId: newId(), text: 'two' })];
    assert.deepEqual(kinds(results), ['ai', 'fallback']);
    assert.deepEqual(alerts(log), [50, 80, 100]);
  });

  it('each alert goes out once per month across containers (a lock row), and no member\'s forget removes it', async () => {
    const shared = { clock: midMonthClock(), transcript: new MemoryTranscriptStore(), threads: new MemoryThreadStore(), ownerNotifier: new MemoryOwnerNotifier() };
    const settings = new MemorySettings({ monthlyMessageBudget: 2, limitPerMinute: 100 });
    const logs = [new CapturedLog(), new CapturedLog(), new CapturedLog()];
    const kits = logs.map((log) => memoryKit({ ...shared, log, settings, config: { guardrails: { budgetCacheMs: 0 } } }).kit);
    await kits[0]!.getMemberChat();
    for (const kit of kits) await kit.sendChatMessage({ clientMessageId: newId(), text: 'x' });
    for (const kit of kits) await kit.sendChatMessage({ clientMessageId: newId(), text: 'y' });
    assert.deepEqual(logs.flatMap(alerts).sort(), [100, 50, 80]);
    assert.equal(shared.ownerNotifier.bodies.length, 3);
    await kits[0]!.forgetMyChat();
    const locks = [...shared.transcript.rows.values()].filter((r) => r.clientMessageId.startsWith('budget-alert-'));
    assert.equal(locks.length, 3);
    assert.ok(locks.every((r) => r.kind === 'claim' && r.memberId === '~site' && r.question === null && r.answer === null));
  });

  it('no budget (0, the default): no count is read at all', async () => {
    const { kit, transcript } = memoryKit();
    await kit.getMemberChat();
    const reads = transcript.reads;
    await kit.sendChatMessage({ clientMessageId: newId(), text: 'hello' });
    assert.equal(transcript.reads - reads, 1, 'only the rate-limit read');
  });
});

describe("SiteGPT's own usage and quota", () => {
  it('with SITEGPT_V2_TOKEN: alerts from /api/v2/usage against /api/v2/limits (Bearer v2 token)', async () => {
    account.messageQuota = 4;
    const { kit, log } = memoryKit({ clock: midMonthClock(), secrets: { SITEGPT_V2_TOKEN: account.v2Token }, config: { guardrails: { sitegptUsageCacheMs: 0 } } });
    await kit.getMemberChat();
    for (let i = 0; i < 3; i++) assert.ok((await kit.sendChatMessage({ clientMessageId: newId(), text: `q${i}` })).ok);
    const budgetAlerts = log.events.filter((e) => e.event === 'budget-alert');
    assert.deepEqual(budgetAlerts.map((e) => [(e as { threshold: number }).threshold, (e as { source: string }).source]), [[50, 'sitegpt']]);
    const usage = standin.requests.filter((r) => r.path.startsWith('/api/v2/'));
    assert.deepEqual([...new Set(usage.map((r) => r.path))].sort(), ['/api/v2/limits', '/api/v2/usage']);
  });

  it('an answer it cannot read is ignored with a log line, and the chat goes on', async () => {
    const { kit, log } = memoryKit({ secrets: { SITEGPT_V2_TOKEN: 'not-the-token' } });
    const result = await kit.sendChatMessage({ clientMessageId: newId(), text: 'hi' });
    assert.ok(result.ok && result.turn.kind === 'ai');
    assert.deepEqual(log.events.map((e) => e.event).filter((e) => !e.startsWith('settings-')), ['sitegpt-usage-unreadable']);
    assert.doesNotMatch(JSON.stringify(log.events), /not-the-token/);
  });

  it('without a v2 token: no v2 call', async () => {
    const { kit } = memoryKit();
    assert.ok((await kit.sendChatMessage({ clientMessageId: newId(), text: 'hi' })).ok);
    assert.equal(standin.requests.filter((r) => r.path.startsWith('/api/v2/')).length, 0);
  });

  it('MESSAGES_LIMIT_REACHED: a static reply, and SiteGPT is not asked again for a while', async () => {
    account.messageQuota = 1;
    const { kit, clock, config } = memoryKit();
    await kit.getMemberChat();
    const results = [];
    for (let i = 0; i < 3; i++) results.push(await kit.sendChatMessage({ clientMessageId: newId(), text: `q${i}` }));
    assert.deepEqual(kinds(results), ['ai', 'fallback', 'fallback']);
    assert.equal(posts(), 2, 'the refused post, then none');
    clock.advance(config.guardrails.quotaRecheckMs);
    account.messageQuota = 10;
    const later = await kit.sendChatMessage({ clientMessageId: newId(), text: 'later' });
    assert.ok(later.ok && later.turn.kind === 'ai');
  });
});

describe("the owner's notifications on Wix (Velo's wix-crm-backend, injected)", () => {
  it("notifies the site's owner on the dashboard and the app, with the body cut to 512 characters", async () => {
    const sent: unknown[][] = [];
    const notifications: VeloNotifications = { notify: async (...args) => void sent.push(args) };
    let loads = 0;
    const notifier = wixOwnerNotifier(async () => (loads++, { notifications }));
    await notifier.notify('x'.repeat(600));
    await notifier.notify('second');
    assert.deepEqual(sent[1], ['second', ['Dashboard', 'Mobile'], { recipients: { role: 'Owner' } }]);
    assert.equal((sent[0]![0] as string).length, 512);
    assert.equal(loads, 1, 'the module is loaded once');
  });

  it('a module that cannot be loaded, or a refused notification, is a Failure (the alert is still logged by the caller)', async () => {
    const unloadable = wixOwnerNotifier(() => Promise.reject(new Error('Cannot find module wix-crm-backend')));
    const missing = await unloadable.notify('x').catch((e: unknown) => e);
    assert.ok(missing instanceof Failure && missing.code === 'MISCONFIGURED');
    const refusing = wixOwnerNotifier(async () => ({ notifications: { notify: () => Promise.reject(new Error('nope')) } }));
    const refused = await refusing.notify('x').catch((e: unknown) => e);
    assert.ok(refused instanceof Failure && refused.code === 'UPSTREAM_UNAVAILABLE');
  });
});
