// The pane's history from the mirror: the newest page with getMemberChat({history: true}),
// older pages newest first across page boundaries, "what changed since" including an agent's
// reply read from SiteGPT's thread, and the cursors a page may ask with.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { setupServer } from 'msw/node';
import { MessagesResultSchema, ChatResultSchema, type MessagesResult } from '../../contract/index.js';
import { MemorySettings } from './support/memory-guard-ports.js';
import { ShiftedClock } from './support/memory-ports.js';
import { ADA, memoryKit, newId, NO_LIMITS } from './support/memory-kit.js';
import { CHATBOT_ID, createStandin } from './support/standin.js';

const standin = createStandin();
const server = setupServer(...standin.handlers);
before(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => standin.reset());
after(() => server.close());

const threadReads = () => standin.requests.filter((r) => r.method === 'GET' && r.path.includes('/threads/')).length;
const code = (result: MessagesResult) => (result.ok ? 'OK' : result.error.code);

/** A kit whose member has sent `n` questions, one clock second apart (faster than the default rate limits allow). */
async function withTurns(n: number, options: Parameters<typeof memoryKit>[0] = {}) {
  const env = memoryKit({ settings: new MemorySettings(NO_LIMITS), ...options });
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const id = `q-${String(i).padStart(3, '0')}-${newId().slice(0, 8)}`;
    ids.push(id);
    const sent = await env.kit.sendChatMessage({ clientMessageId: id, text: `question ${i}` });
    assert.ok(sent.ok);
    env.clock.advance(1000);
  }
  return { ...env, ids };
}

describe('history', () => {
  it('getMemberChat({history: true}) answers the thread and its newest page in one call, oldest first', async () => {
    const { kit, ids, transcript } = await withTurns(25);
    const readsBefore = transcript.reads;
    const chat = ChatResultSchema.parse(await kit.getMemberChat({ history: true }));
    assert.ok(chat.ok && chat.history);
    assert.equal(chat.history.threadId, chat.threadId);
    assert.deepEqual(chat.history.turns.map((t) => t.id), ids.slice(5));
    assert.equal(chat.history.cursor, Math.max(...chat.history.turns.map((t) => t.rev)));
    assert.ok(chat.history.older);
    assert.equal(transcript.reads - readsBefore, 1, 'one page read');
  });

  it('getMemberChat() without the argument answers as in widget mode: no history, no page read', async () => {
    const { kit, transcript } = await withTurns(2);
    const readsBefore = transcript.reads;
    const chat = await kit.getMemberChat();
    assert.ok(chat.ok);
    assert.equal('history' in chat, false);
    assert.equal(transcript.reads, readsBefore);
    assert.equal(ChatResultSchema.parse(await kit.getMemberChat({ history: true, threadId: 'x' })).ok, false);
  });

  it('pages back newest first across page boundaries until there is nothing older', async () => {
    const { kit, ids } = await withTurns(45);
    const chat = await kit.getMemberChat({ history: true });
    assert.ok(chat.ok && chat.history);
    const seen = [...chat.history.turns.map((t) => t.id)];
    let older = chat.history.older;
    const pages = [];
    while (older) {
      const page = MessagesResultSchema.parse(await kit.getChatMessages({ before: older }));
      assert.ok(page.ok);
      assert.equal(page.threadId, chat.threadId);
      pages.push(page.turns.length);
      seen.unshift(...page.turns.map((t) => t.id));
      older = page.older;
    }
    assert.deepEqual(pages, [20, 5]);
    assert.deepEqual(seen, ids);
  });

  it('an empty thread has an empty page, no older cursor and cursor 0', async () => {
    const { kit } = memoryKit();
    const chat = await kit.getMemberChat({ history: true });
    assert.ok(chat.ok);
    assert.deepEqual(chat.history, { threadId: chat.threadId, turns: [], older: null, cursor: 0 });
  });

  it('refuses a cursor it never gave out, and both before and after at once', async () => {
    const { kit } = memoryKit();
    for (const args of [{ before: 'DROP TABLE' }, { before: '0'.repeat(15) }, { before: 'x', after: 1 }, { after: -1 }, { after: 1.5 }, {}, { after: 0, threadId: 't' }]) {
      assert.equal(code(await kit.getChatMessages(args)), 'INVALID_INPUT', JSON.stringify(args));
    }
  });

  it('after: answers the turns changed at or after the cursor (minus a clock overlap), lowest rev first', async () => {
    const { kit, clock, ids, config } = await withTurns(3);
    const chat = await kit.getMemberChat({ history: true });
    assert.ok(chat.ok && chat.history);
    clock.advance(config.chat.syncOverlapMs + 1_000);
    const cursor = chat.history.cursor;
    const quiet = MessagesResultSchema.parse(await kit.getChatMessages({ after: cursor + config.chat.syncOverlapMs + 1 }));
    assert.ok(quiet.ok);
    assert.deepEqual(quiet.turns, []);
    assert.equal(quiet.older, null);

    const rated = await kit.rateAnswer({ messageId: ids[0]!, reaction: 'POSITIVE' });
    assert.ok(rated.ok);
    const sent = await kit.sendChatMessage({ clientMessageId: newId(), text: 'a new one' });
    assert.ok(sent.ok);
    const changed = MessagesResultSchema.parse(await kit.getChatMessages({ after: cursor + config.chat.syncOverlapMs + 1 }));
    assert.ok(changed.ok);
    assert.deepEqual(changed.turns.map((t) => t.id), [ids[0], sent.turn.id]);
    assert.equal(changed.turns[0]!.reaction, 'POSITIVE');
    assert.equal(changed.cursor, sent.turn.rev);
  });

  it("after: reads a few seconds back, so a turn written by a container whose clock is behind is not missed", async () => {
    const a = await withTurns(1);
    const chat = await a.kit.getMemberChat({ history: true });
    assert.ok(chat.ok && chat.history);
    const behind = new ShiftedClock();
    behind.advance(a.clock.offsetMs - 3_000);
    const b = memoryKit({ transcript: a.transcript, threads: a.threads, clock: behind });
    const late = await b.kit.sendChatMessage({ clientMessageId: newId(), text: 'from a clock running behind' });
    assert.ok(late.ok);
    assert.ok(late.turn.rev < chat.history.cursor, 'the other container stamped an earlier rev');
    const synced = await a.kit.getChatMessages({ after: chat.history.cursor });
    assert.ok(synced.ok);
    assert.ok(synced.turns.some((t) => t.id === late.turn.id));
  });

  it("after: mirrors a human agent's reply from SiteGPT's thread once, as an agent turn, and tells the devices", async () => {
    const { kit, realtime, transcript, threads } = await withTurns(1);
    const chat = await kit.getMemberChat({ history: true });
    assert.ok(chat.ok && chat.history);
    const agent = standin.store.addAgentMessage(CHATBOT_ID, chat.threadId, 'Hi, Grace from support here. **Happy** to help.')!;
    realtime.published.length = 0;

    const synced = MessagesResultSchema.parse(await kit.getChatMessages({ after: chat.history.cursor }));
    assert.ok(synced.ok);
    const turn = synced.turns.find((t) => t.kind === 'agent');
    assert.ok(turn, JSON.stringify(synced.turns));
    assert.deepEqual(
      { id: turn.id, question: turn.question, answer: turn.answer, status: turn.status },
      { id: `agent-${agent.messageId}`, question: null, answer: 'Hi, Grace from support here. **Happy** to help.', status: 'answered' },
    );
    assert.deepEqual(realtime.published.map((p) => p.notice.kind), ['turns']);
    assert.equal(transcript.turnsOf(ADA.id).filter((r) => r.kind === 'agent').length, 1);

    // Another container, which has not read SiteGPT yet, syncs the same thread: the agent
    // turn's _id is taken, so nothing is stored twice and no device is told again.
    const other = memoryKit({ transcript, threads, realtime }).kit;
    const again = await other.getChatMessages({ after: 0 });
    assert.ok(again.ok);
    assert.equal(again.turns.filter((t) => t.kind === 'agent').length, 1);
    assert.equal(transcript.turnsOf(ADA.id).filter((r) => r.kind === 'agent').length, 1);
    assert.equal(realtime.published.length, 1);
  });

  it('reads SiteGPT for agent replies at most once per member per agentSyncMs in a container', async () => {
    const { kit, clock, config } = await withTurns(1);
    for (let i = 0; i < 5; i++) assert.ok((await kit.getChatMessages({ after: 0 })).ok);
    assert.equal(threadReads(), 1);
    clock.advance(config.chat.agentSyncMs);
    assert.ok((await kit.getChatMessages({ after: 0 })).ok);
    assert.equal(threadReads(), 2);
  });

  it('a failed SiteGPT read during sync still answers the mirror, noting it on the log line', async () => {
    const { kit, log } = await withTurns(2);
    standin.faults.next({ kind: 'status', status: 500 }, 2);
    const synced = await kit.getChatMessages({ after: 0 });
    assert.ok(synced.ok);
    assert.equal(synced.turns.length, 2);
    assert.equal(log.lines.at(-1)!.reason, 'agent-sync-failed');
  });

  it('never shows another member their neighbour\'s turns', async () => {
    const { kit, members } = await withTurns(3);
    members.member = { id: 'member-bob' };
    const bobs = await kit.getMemberChat({ history: true });
    assert.ok(bobs.ok && bobs.history);
    assert.deepEqual(bobs.history.turns, []);
    const changed = await kit.getChatMessages({ after: 0 });
    assert.ok(changed.ok);
    assert.deepEqual(changed.turns, []);
  });
});
