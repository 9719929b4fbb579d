// The metrics see what the live path stores (architecture.md §10): sends through the kit set
// lowConfidence and repeat on their turns, requestHuman writes the handoff turn, the member
// writes to a person while handed off, and getChatMetrics (the admin kit over the same mirror)
// counts them as its definitions say, against figures worked out by hand below.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { setupServer } from 'msw/node';
import { createAdminKit } from '../../velo/backend/admin-kit.js';
import { MemorySettings } from './support/memory-guard-ports.js';
import { memoryKit, newId, NO_LIMITS } from './support/memory-kit.js';
import { createStandin } from './support/standin.js';

const standin = createStandin();
const server = setupServer(...standin.handlers);
before(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => standin.reset());
after(() => server.close());

describe('getChatMetrics over live sends', () => {
  it('counts low confidence, repeats and the handoff the live path stored', async () => {
    const s = memoryKit({ settings: new MemorySettings({ ...NO_LIMITS }) });
    const start = s.clock.now() - 1000;
    const say = (text: string) => s.kit.sendChatMessage({ clientMessageId: newId(), text });
    await say('How do I install it?'); // good answer
    await say('how do I install it'); // a repeat, good answer
    await say('Refund policy? (no sources)'); // poor
    await say('Refund rules? (no sources)'); // poor: the offer
    assert.ok((await s.kit.requestHuman()).ok); // handed off, after poor answers
    await say('Hello? Anyone there?'); // to a person: a question, not an AI answer
    const admin = createAdminKit({ transcript: s.transcript, clock: s.clock, log: s.log }, s.config);
    const result = await admin.getChatMetrics({ from: start, to: s.clock.now() + 1000 });
    assert.ok(result.ok, JSON.stringify(result));
    // By hand: 5 questions (4 to the AI, 1 to a person); 4 AI answers, 2 of them poor; 1 repeat
    // of 5 questions; one handoff after poor answers; the one member-day is not solved (handoff).
    assert.equal(result.questions, 5);
    assert.deepEqual(result.counts, { repeats: 1, fallbacks: 0, aiAnswered: 4, lowConfidence: 2, failed: 0 });
    assert.equal(result.rates.lowConfidence, 0.5);
    assert.equal(result.rates.repeatQuestion, 0.2);
    assert.deepEqual(result.handoffs, { total: 1, lowConfidence: 1, requested: 0 });
    assert.equal(result.solvedMemberDays, 0);
    assert.deepEqual(
      result.unresolved.map((q) => q.question).sort(),
      // Grouped by normalised text, shown as last asked: the two install questions are one.
      ['Hello? Anyone there?', 'how do I install it', 'Refund policy? (no sources)', 'Refund rules? (no sources)'].sort(),
    );
  });
});
