// The offer of a person on the kit (memory CMS, Wix Inbox in memory, SiteGPT's stand-in): after
// poor answers in a row, a good answer resetting the streak, ratings that complete or break it,
// and the classification flags live sends store.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { setupServer } from 'msw/node';
import { SendResultSchema } from '../../contract/index.js';
import { MemorySettings } from './support/memory-guard-ports.js';
import { ADA, memoryKit, newId, NO_LIMITS } from './support/memory-kit.js';
import { createStandin } from './support/standin.js';

const standin = createStandin();
const server = setupServer(...standin.handlers);
before(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => standin.reset());
after(() => server.close());

const POOR = 'Anything about refunds? (no sources)';
const GOOD = 'How do I install it?';

function site(settings: Record<string, unknown> = {}) {
  const kit = memoryKit({ settings: new MemorySettings({ ...NO_LIMITS, ...settings }) });
  const send = async (text: string) => SendResultSchema.parse(await kit.kit.sendChatMessage({ clientMessageId: newId(), text }));
  const page = async () => {
    const chat = await kit.kit.getMemberChat({ history: true });
    assert.ok(chat.ok);
    return chat.history!;
  };
  const systemTurns = () => kit.transcript.turnsOf(ADA.id).filter((row) => row.kind === 'system');
  return { ...kit, send, page, systemTurns };
}

describe('the offer of a person', () => {
  it('comes after 2 poor answers in a row, on the send result and on every page, and a good answer takes it back', async () => {
    const s = site();
    const first = await s.send(POOR);
    assert.ok(first.ok);
    assert.equal(first.handoff, undefined, 'one poor answer is not a streak');
    const second = await s.send(POOR);
    assert.ok(second.ok);
    assert.equal(second.handoff, 'offer');
    assert.equal((await s.page()).handoff, 'offer');
    const changes = await s.kit.getChatMessages({ after: 0 });
    assert.ok(changes.ok && changes.handoff === 'offer');
    assert.deepEqual(s.transcript.turnsOf(ADA.id).map((row) => row.lowConfidence), [['no-sources'], ['no-sources']]);
    const good = await s.send(GOOD);
    assert.ok(good.ok);
    assert.equal(good.handoff, undefined);
    assert.equal((await s.page()).handoff, undefined);
    assert.equal(s.threads.rows.get(ADA.id)!.handoffState, null);
  });

  it('does not come when a good answer broke the streak (poor, good, poor)', async () => {
    const s = site();
    for (const text of [POOR, GOOD, POOR]) {
      const sent = await s.send(text);
      assert.ok(sent.ok);
      assert.equal(sent.handoff, undefined, text);
    }
    assert.equal((await s.page()).handoff, undefined);
    assert.equal(s.threads.rows.get(ADA.id)!.handoffState, undefined, 'nothing was written to the member row');
  });

  it('waits for handoffAfter poor answers (settings: 3)', async () => {
    const s = site({ handoffAfter: 3 });
    const states = [];
    for (let i = 0; i < 3; i++) states.push((await s.send(`${POOR} ${i}`)).ok && (await s.page()).handoff);
    assert.deepEqual(states, [undefined, undefined, 'offer']);
  });

  it('a thumbs-down can complete the streak, and a thumbs-up take it back', async () => {
    const s = site();
    await s.send(POOR);
    const good = await s.send(GOOD);
    assert.ok(good.ok);
    assert.equal((await s.page()).handoff, undefined);
    const down = await s.kit.rateAnswer({ messageId: good.turn.id, reaction: 'NEGATIVE' });
    assert.ok(down.ok);
    assert.equal((await s.page()).handoff, 'offer');
    assert.deepEqual(s.transcript.turnsOf(ADA.id).find((row) => row.clientMessageId === good.turn.id)!.lowConfidence, ['negative-reaction']);
    const up = await s.kit.rateAnswer({ messageId: good.turn.id, reaction: 'POSITIVE' });
    assert.ok(up.ok);
    assert.equal((await s.page()).handoff, undefined);
    assert.deepEqual(s.transcript.turnsOf(ADA.id).find((row) => row.clientMessageId === good.turn.id)!.lowConfidence, []);
  });
});

describe('the flags on live sends', () => {
  it('stores lowConfidence and repeat on each turn, from the rate limits\' read (no read of their own)', async () => {
    const s = site();
    await s.send(GOOD);
    const reads = s.transcript.reads;
    await s.send('how do I INSTALL it');
    assert.equal(s.transcript.reads - reads, 1, 'one read per send: the rate limits\' query');
    await s.send(POOR);
    assert.deepEqual(
      s.transcript.turnsOf(ADA.id).sort((a, b) => a.askedAt - b.askedAt).map((row) => [row.repeat, row.lowConfidence]),
      [[false, []], [true, []], [false, ['no-sources']]],
    );
  });
});
