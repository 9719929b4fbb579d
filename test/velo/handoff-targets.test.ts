// The handoff's targets on the kit (memory CMS and inbox, SiteGPT's stand-in through the real
// client): SiteGPT's escalation and what follows in its thread, a target that fails next to one
// that works, every target failing (a clear error, the state as it was), the owner's
// notification when Wix Inbox is not a target, and what the log lines never hold.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { setupServer } from 'msw/node';
import { SendResultSchema } from '../../contract/index.js';
import { MemorySettings } from './support/memory-guard-ports.js';
import { ADA, memoryKit, newId, NO_LIMITS } from './support/memory-kit.js';
import { API_KEY, CHATBOT_ID, createStandin } from './support/standin.js';

const standin = createStandin();
const server = setupServer(...standin.handlers);
before(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => standin.reset());
after(() => server.close());

const escalations = () => standin.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/escalate'));
const posts = () => standin.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/message'));

function site(handoffTargets: string[]) {
  const kit = memoryKit({ settings: new MemorySettings({ ...NO_LIMITS, handoffTargets }) });
  const systemTurns = () => kit.transcript.turnsOf(ADA.id).filter((row) => row.kind === 'system');
  return { ...kit, systemTurns };
}

describe('SiteGPT escalation', () => {
  it("escalates the member's thread with a prompt that says why and holds no member text; questions then go to SiteGPT's agents, not its AI", async () => {
    const s = site(['sitegpt']);
    const sent = SendResultSchema.parse(await s.kit.sendChatMessage({ clientMessageId: newId(), text: 'my secret order 4711 question' }));
    assert.ok(sent.ok);
    const asked = await s.kit.requestHuman();
    assert.ok(asked.ok && asked.turn);
    assert.equal(escalations().length, 1);
    assert.equal(escalations()[0]!.path, `/api/v0/chatbots/${CHATBOT_ID}/threads/${sent.threadId}/escalate`);
    assert.deepEqual(escalations()[0]!.body, { escalationPrompt: "Handed over by the site's member chat: they asked for a person." });
    assert.equal(standin.store.get(CHATBOT_ID, sent.threadId)!.mode, 'AGENT');
    assert.deepEqual(s.systemTurns()[0]!.handoff, { reason: 'requested', targets: ['sitegpt'] });
    assert.equal(s.inbox.calls, 0);
    assert.deepEqual(s.ownerNotifier.bodies, ["A member asked for a person in the site's chat. Their conversation is in SiteGPT's inbox."]);

    // While handed off the member's words go to the escalated thread: no AI answer is made or shown.
    const question = SendResultSchema.parse(await s.kit.sendChatMessage({ clientMessageId: newId(), text: 'Hello, anyone?' }));
    assert.ok(question.ok);
    assert.equal(question.turn.kind, 'agent');
    assert.equal(question.turn.answer, null);
    assert.deepEqual(posts().at(-1)!.body, { message: 'Hello, anyone?', threadId: sent.threadId, from: 'USER' });
    const last = standin.store.get(CHATBOT_ID, sent.threadId)!.messages.at(-1)!;
    assert.deepEqual([last.messageType, last.question?.text, last.answer], ['USER_MESSAGE', 'Hello, anyone?', null]);

    // An agent's reply in SiteGPT comes in through the agent sync as an agent turn.
    standin.store.addAgentMessage(CHATBOT_ID, sent.threadId, 'Hi, this is Sam from the team.');
    const changes = await s.kit.getChatMessages({ after: 0 });
    assert.ok(changes.ok);
    assert.equal(changes.handoff, 'active');
    assert.ok(changes.turns.some((turn) => turn.kind === 'agent' && turn.answer === 'Hi, this is Sam from the team.'));
  });

  it('hands the thread back to SiteGPT\'s AI when the episode is over, before the next question', async () => {
    const s = site(['sitegpt']);
    await s.kit.getMemberChat();
    await s.kit.requestHuman();
    s.clock.advance(24 * 3_600_000);
    const sent = SendResultSchema.parse(await s.kit.sendChatMessage({ clientMessageId: newId(), text: 'How do I install it?' }));
    assert.ok(sent.ok);
    const patch = standin.requests.find((r) => r.method === 'PATCH' && r.path.endsWith(`/threads/${sent.threadId}`));
    assert.deepEqual(patch?.body, { mode: 'AI' });
    assert.equal(sent.turn.kind, 'ai');
    assert.match(sent.turn.answer!, /^Stand-in answer to: How do I install it\?/);
  });
});

describe('targets that fail', () => {
  it('one failing target does not fail the other: the handoff stands with the one that took it', async () => {
    const s = site(['sitegpt', 'wix-inbox']);
    s.inbox.fail = true;
    const asked = await s.kit.requestHuman();
    assert.ok(asked.ok && asked.turn);
    assert.deepEqual(s.systemTurns()[0]!.handoff, { reason: 'requested', targets: ['sitegpt'] });
    assert.deepEqual(s.threads.rows.get(ADA.id)!.handoffTargets, ['sitegpt']);
    // And the other way round: SiteGPT fails (twice: the call and its retry), the inbox takes it.
    const t = site(['sitegpt', 'wix-inbox']);
    await t.kit.getMemberChat();
    standin.faults.next({ kind: 'status', status: 500 }, 2);
    const taken = await t.kit.requestHuman();
    assert.ok(taken.ok && taken.turn);
    assert.deepEqual(t.systemTurns()[0]!.handoff, { reason: 'requested', targets: ['wix-inbox'] });
  });

  it('every target failing: a clear error, no handoff turn, the state as it was; asking again later hands off once', async () => {
    const s = site(['wix-inbox']);
    await s.kit.sendChatMessage({ clientMessageId: newId(), text: 'x (no sources)' });
    await s.kit.sendChatMessage({ clientMessageId: newId(), text: 'y (no sources)' });
    s.inbox.fail = true;
    const failed = await s.kit.requestHuman();
    assert.ok(!failed.ok);
    assert.equal(failed.error.code, 'UPSTREAM_UNAVAILABLE');
    assert.equal(failed.error.message, "We couldn't reach our team just now. Please try again in a moment.");
    assert.equal(s.systemTurns().length, 0);
    assert.equal(s.threads.rows.get(ADA.id)!.handoffState, 'offer', 'still offered, not handed off');
    const chat = await s.kit.getMemberChat({ history: true });
    assert.ok(chat.ok && chat.history!.handoff === 'offer');
    assert.ok(!chat.history!.turns.some((turn) => turn.kind === 'system'), 'the failed attempt shows nowhere');
    s.inbox.fail = false;
    const taken = await s.kit.requestHuman();
    assert.ok(taken.ok && taken.turn);
    assert.equal(s.systemTurns().length, 1);
    assert.deepEqual(s.systemTurns()[0]!.handoff, { reason: 'low-confidence', targets: ['wix-inbox'] });
  });

  it('no target in the settings is the site\'s set-up (MISCONFIGURED), and hands nothing off', async () => {
    const s = site([]);
    const result = await s.kit.requestHuman();
    assert.ok(!result.ok && result.error.code === 'MISCONFIGURED');
    assert.equal(s.systemTurns().length, 0);
    assert.equal(s.threads.rows.get(ADA.id)!.handoffState, undefined);
  });

  it('no log line holds the API key, the member\'s email or any text', async () => {
    const s = site(['sitegpt', 'wix-inbox']);
    await s.kit.sendChatMessage({ clientMessageId: newId(), text: 'private words about my invoice' });
    await s.kit.requestHuman();
    await s.kit.sendChatMessage({ clientMessageId: newId(), text: 'more private words while handed off' });
    s.inbox.fail = true;
    await s.kit.sendChatMessage({ clientMessageId: newId(), text: 'words that reach no one' });
    const logged = JSON.stringify([...s.log.lines, ...s.log.events]);
    assert.ok(s.log.lines.some((line) => line.method === 'requestHuman' && line.outcome === 'OK'));
    for (const secret of [API_KEY, ADA.loginEmail!, 'private', 'invoice', 'reach no one', 'passed your conversation']) {
      assert.ok(!logged.includes(secret), secret);
    }
  });
});
