// requestHuman on the kit (memory CMS, Wix Inbox in memory, SiteGPT's stand-in): no argument,
// exactly one handoff per episode however many devices ask, questions while handed off, and the
// end of an episode.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { setupServer } from 'msw/node';
import { RequestHumanResultSchema, SendResultSchema, type Turn } from '../../contract/index.js';
import { MemorySettings } from './support/memory-guard-ports.js';
import { ADA, memoryKit, newId, NO_LIMITS } from './support/memory-kit.js';
import { createStandin } from './support/standin.js';

const standin = createStandin();
const server = setupServer(...standin.handlers);
before(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => standin.reset());
after(() => server.close());

const posts = () => standin.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/message'));
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

describe('requestHuman()', () => {
  it('after an offer: one system turn records the handoff (after poor answers, to Wix Inbox) and every device reads `active`', async () => {
    const s = site();
    await s.send(POOR);
    await s.send(POOR);
    const asked = RequestHumanResultSchema.parse(await s.kit.requestHuman());
    assert.ok(asked.ok && asked.turn);
    assert.equal(asked.handoff, 'active');
    assert.equal(asked.turn.kind, 'system');
    assert.equal(asked.turn.status, 'answered');
    assert.equal(asked.turn.answer, "We've passed your conversation to our team. A person will reply here.");
    const [system] = s.systemTurns();
    assert.deepEqual(system!.handoff, { reason: 'low-confidence', targets: ['wix-inbox'] });
    assert.equal((await s.page()).handoff, 'active');
    assert.ok((await s.page()).turns.some((turn: Turn) => turn.id === asked.turn!.id));
    const [note] = s.inbox.of(ADA.id);
    assert.equal(note!.as, 'summary');
    assert.match(note!.text, /after 2 answers in a row/);
    assert.match(note!.text, /Anything about refunds\? \(no sources\)/);
    assert.doesNotMatch(note!.text, /https?:|member-ada|ada@example\.com/, 'no link, no ID, no email');
    assert.equal(s.realtime.published.at(-1)!.notice.kind, 'turns');
  });

  it('asked at any time (no offer): reason `requested`', async () => {
    const s = site();
    const asked = await s.kit.requestHuman();
    assert.ok(asked.ok && asked.turn);
    assert.deepEqual(s.systemTurns()[0]!.handoff, { reason: 'requested', targets: ['wix-inbox'] });
  });

  it('hands off exactly once per episode: again later, and from five devices at once, makes no second handoff', async () => {
    const s = site();
    const together = await Promise.all(Array.from({ length: 5 }, () => s.kit.requestHuman()));
    assert.ok(together.every((result) => result.ok && result.handoff === 'active'));
    assert.equal(together.filter((result) => result.ok && result.turn).length, 1, 'one of them carries the turn');
    const again = await s.kit.requestHuman();
    assert.ok(again.ok);
    assert.equal(again.turn, undefined);
    assert.equal(s.systemTurns().length, 1);
    assert.equal(s.inbox.of(ADA.id).length, 1, 'one note in the owner\'s inbox');
  });

  it('takes no argument: a forged member, thread or anything else is INVALID_INPUT and nothing happens', async () => {
    const s = site();
    for (const args of [[{ memberId: 'member-bob' }], [{ threadId: 'x' }], [{}], ['refund'], [undefined, 1]]) {
      const result = await s.kit.requestHuman(...args);
      assert.ok(!result.ok);
      assert.equal(result.error.code, 'INVALID_INPUT');
    }
    assert.equal(s.transcript.rows.size, 0);
    assert.equal(s.inbox.calls, 0);
    assert.ok((await s.kit.requestHuman(undefined)).ok, 'an absent argument is no argument');
  });

  it('refuses a visitor, and a closed chat', async () => {
    const visitor = site();
    visitor.members.member = null;
    const result = await visitor.kit.requestHuman();
    assert.ok(!result.ok && result.error.code === 'NOT_SIGNED_IN');
    const closed = site({ mode: 'off' });
    const refused = await closed.kit.requestHuman();
    assert.ok(!refused.ok && refused.error.code === 'CHAT_CLOSED');
    assert.equal(closed.inbox.calls, 0);
  });

  it('"Hand me to a person and refund me" typed as a question is a question: answered by the AI, no handoff, no other action', async () => {
    const s = site();
    const sent = await s.send('Hand me to a person and refund me');
    assert.ok(sent.ok);
    assert.equal(sent.turn.kind, 'ai');
    assert.equal(sent.handoff, undefined);
    assert.equal(posts().length, 1);
    assert.deepEqual(posts()[0]!.body, { message: 'Hand me to a person and refund me', threadId: sent.threadId, from: 'USER' });
    assert.equal(s.inbox.calls, 0);
    assert.equal(s.systemTurns().length, 0);
    assert.equal(standin.requests.filter((r) => r.path.endsWith('/escalate')).length, 0);
  });
});

describe('while handed off', () => {
  it('a question goes to the owner\'s inbox as the member\'s words, not to the AI, and is stored answered with no answer', async () => {
    const s = site();
    await s.kit.requestHuman();
    const before = posts().length;
    const sent = await s.send('Are you there? My order 123 is late.');
    assert.ok(sent.ok);
    assert.equal(posts().length, before, 'SiteGPT was not asked');
    assert.equal(sent.handoff, 'active');
    assert.equal(sent.turn.kind, 'agent');
    assert.equal(sent.turn.status, 'answered', 'no device waits for an answer');
    assert.equal(sent.turn.answer, null);
    assert.equal(sent.turn.question, 'Are you there? My order 123 is late.');
    assert.deepEqual(s.inbox.of(ADA.id).at(-1), { text: 'Are you there? My order 123 is late.', as: 'member' });
  });

  it('a question that reaches no target fails, keeps the member handed off, and its retry goes to the person once the inbox is back', async () => {
    const s = site();
    await s.kit.requestHuman();
    s.inbox.fail = true;
    const id = newId();
    const failed = await s.kit.sendChatMessage({ clientMessageId: id, text: 'hello?' });
    assert.ok(!failed.ok);
    assert.equal(failed.error.code, 'UPSTREAM_UNAVAILABLE');
    s.inbox.fail = false;
    const retried = SendResultSchema.parse(await s.kit.sendChatMessage({ clientMessageId: id, text: 'hello?' }));
    assert.ok(retried.ok);
    assert.equal(retried.turn.kind, 'agent');
    assert.equal(posts().length, 0);
    assert.deepEqual(s.inbox.of(ADA.id).at(-1), { text: 'hello?', as: 'member' });
  });

  it('ends with a new conversation: the next question goes to the AI, and a new handoff is possible', async () => {
    const s = site();
    await s.kit.requestHuman();
    const fresh = await s.kit.startNewConversation();
    assert.ok(fresh.ok);
    assert.equal(fresh.history?.handoff, undefined);
    const sent = await s.send(GOOD);
    assert.ok(sent.ok && sent.turn.kind === 'ai' && sent.handoff === undefined);
    const again = await s.kit.requestHuman();
    assert.ok(again.ok && again.turn);
    assert.equal(s.systemTurns().length, 2);
  });

  it('ends 24 h after the last reply of a person (or the handoff): then the AI answers again, and a second handoff is a new episode', async () => {
    const s = site();
    await s.kit.requestHuman();
    s.clock.advance(23 * 3_600_000);
    assert.equal((await s.page()).handoff, 'active');
    s.clock.advance(3_600_000);
    assert.equal((await s.page()).handoff, undefined, 'read as over without a write');
    const sent = await s.send(GOOD);
    assert.ok(sent.ok && sent.turn.kind === 'ai');
    assert.equal(s.threads.rows.get(ADA.id)!.handoffState, null, 'the first send after the end clears it');
    const again = await s.kit.requestHuman();
    assert.ok(again.ok && again.turn);
    assert.equal(s.systemTurns().length, 2);
  });
});
