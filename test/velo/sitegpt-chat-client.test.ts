// SiteGPT's v0 message calls through the real client and the REST stand-in (msw): what is sent,
// that a send is never retried and says when it may have arrived anyway, how a thread's
// messages are read (odd ones skipped, an odd reply a Failure), and the update-message call.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { Deadline } from '../../velo/backend/runtime/deadline.js';
import { Failure } from '../../velo/backend/runtime/failure.js';
import { createSitegptClient } from '../../velo/backend/providers/sitegpt/client.js';
import { STANDIN_SOURCES } from '../fixtures/sitegpt-standin/scripts.js';
import { API_KEY, BASE_URL, CHATBOT_ID, createStandin } from './support/standin.js';

const standin = createStandin({ slowAnswerMs: 300 });
const server = setupServer(...standin.handlers);
before(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  standin.reset();
  server.resetHandlers();
});
after(() => server.close());

const clock = { now: () => Date.now() };
const client = createSitegptClient({
  baseUrl: BASE_URL,
  fetch: (i, init) => fetch(i, init),
  callTimeoutMs: 1_000,
  sendTimeoutMs: 150,
  retryDelayMs: () => 5,
});
const call = { apiKey: API_KEY, chatbotId: CHATBOT_ID, threadId: 'thread-1' };
const deadline = () => new Deadline(clock, 5_000);
const posts = () => standin.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/message'));
const threadUrl = `${BASE_URL}/chatbots/${CHATBOT_ID}/threads/thread-1`;

async function failure(work: Promise<unknown>): Promise<Failure> {
  const error = await work.then(() => assert.fail('expected a Failure'), (e: unknown) => e);
  assert.ok(error instanceof Failure, `not a Failure: ${String(error)}`);
  return error;
}

describe('SiteGPT client: send message', () => {
  it('posts {message, threadId, from: USER} with the bearer key and reads the answer, its sources and ID', async () => {
    standin.store.create(CHATBOT_ID, { threadId: 'thread-1' });
    const message = await client.sendMessage({ ...call, message: 'hello' }, deadline());
    assert.deepEqual(posts().map((p) => p.body), [{ message: 'hello', threadId: 'thread-1', from: 'USER' }]);
    const stored = standin.store.get(CHATBOT_ID, 'thread-1')!.messages[0]!;
    assert.equal(message.messageId, stored.messageId);
    assert.equal(message.question?.text, 'hello');
    assert.match(message.answer!.text, /^Stand-in answer to: hello/);
    assert.deepEqual(message.sources, [...STANDIN_SOURCES]);
    assert.equal(message.answer!.timestamp, Date.parse(stored.answer!.timestamp));
  });

  it('plays the scripted answers: no sources, slow, fail', async () => {
    assert.deepEqual((await client.sendMessage({ ...call, message: 'answer with no sources' }, deadline())).sources, []);
    const slow = await failure(client.sendMessage({ ...call, message: 'be slow' }, deadline()));
    assert.deepEqual([slow.reason, slow.uncertain], ['sitegpt-timeout', true]);
    const failed = await failure(client.sendMessage({ ...call, message: 'please fail' }, deadline()));
    assert.deepEqual([failed.code, failed.reason, failed.uncertain], ['UPSTREAM_UNAVAILABLE', 'sitegpt-5xx', true]);
  });

  it('never retries a send: one POST even after a 5xx, a timeout or a network error', async () => {
    for (const fault of [{ kind: 'status', status: 503 }, { kind: 'delay', ms: 400 }, { kind: 'network-error' }] as const) {
      standin.reset();
      standin.faults.next(fault, 2);
      const error = await failure(client.sendMessage({ ...call, message: 'once' }, deadline()));
      assert.equal(error.uncertain, true, fault.kind);
      assert.equal(posts().length, 1, fault.kind);
    }
  });

  it('says a refusal did not arrive (429, 401, 400), and an unreadable 2xx may have', async () => {
    standin.faults.next({ kind: 'status', status: 429, retryAfter: '3' });
    const limited = await failure(client.sendMessage({ ...call, message: 'x' }, deadline()));
    assert.deepEqual([limited.code, limited.retryAfterMs, limited.uncertain], ['RATE_LIMITED', 3000, false]);
    standin.faults.next({ kind: 'status', status: 401, code: 'API_KEY_NOT_VALID' });
    const auth = await failure(client.sendMessage({ ...call, message: 'x' }, deadline()));
    assert.deepEqual([auth.code, auth.uncertain], ['MISCONFIGURED', false]);
    standin.faults.next({ kind: 'status', status: 400, code: 'REQUEST_VALIDATION_FAILED' });
    assert.equal((await failure(client.sendMessage({ ...call, message: 'x' }, deadline()))).uncertain, false);
    standin.faults.next({ kind: 'garbage' });
    const garbage = await failure(client.sendMessage({ ...call, message: 'x' }, deadline()));
    assert.deepEqual([garbage.reason, garbage.uncertain], ['sitegpt-bad-reply', true]);
  });

  it('reads MESSAGES_LIMIT_REACHED as UPSTREAM_UNAVAILABLE with its own reason, whatever the status', async () => {
    for (const status of [400, 403, 429]) {
      standin.faults.next({ kind: 'status', status, code: 'MESSAGES_LIMIT_REACHED', message: 'Monthly message limit reached' });
      const error = await failure(client.sendMessage({ ...call, message: 'x' }, deadline()));
      assert.deepEqual([error.code, error.reason, error.uncertain], ['UPSTREAM_UNAVAILABLE', 'sitegpt-messages-limit', false]);
    }
  });

  it('keeps the 1 MiB reply cap', async () => {
    server.use(http.post(`${BASE_URL}/chatbots/:id/message`, () => HttpResponse.text('x'.repeat(1024 * 1024 + 1))));
    const error = await failure(client.sendMessage({ ...call, message: 'x' }, deadline()));
    assert.equal(error.reason, 'sitegpt-too-large');
  });
});

describe('SiteGPT client: thread messages', () => {
  it("reads a thread's messages oldest first with their types, sources and times; null for an unknown thread", async () => {
    assert.equal(await client.threadMessages(call, deadline()), null);
    standin.store.create(CHATBOT_ID, { threadId: 'thread-1' });
    standin.store.send(CHATBOT_ID, 'thread-1', 'q1', { text: 'a1', sources: ['https://example.com/s'] });
    standin.store.addAgentMessage(CHATBOT_ID, 'thread-1', 'a human here');
    const messages = await client.threadMessages(call, deadline());
    assert.deepEqual(
      messages!.map((m) => [m.messageType, m.question?.text ?? null, m.answer?.text, m.sources]),
      [
        ['NORMAL_MESSAGE', 'q1', 'a1', ['https://example.com/s']],
        ['AGENT_MESSAGE', null, 'a human here', []],
      ],
    );
  });

  it('reads the documented example: microsecond timestamps, reaction, system fields', async () => {
    server.use(
      http.get(threadUrl, () =>
        HttpResponse.json({
          success: true,
          message: 'Fetched the thread successfully',
          data: {
            thread: {
              threadId: 'thread-1',
              messages: [
                {
                  messageId: '365062948587045457',
                  question: { text: 'Hello, what is this?', timestamp: '2023-05-18T11:40:07.857030Z' },
                  answer: { text: 'Hello! ...', timestamp: '2023-05-18T11:40:07.857030Z' },
                  reaction: 'NEUTRAL',
                  sources: [],
                  messageType: 'NORMAL_MESSAGE',
                  systemMessageType: 'CONVERSATION_ESCALATED',
                  iconUrl: null,
                  prompts: [],
                  gptModel: 'gpt-3.5-turbo',
                },
                { messageId: '2', question: { text: 'waiting for a human' }, answer: null, messageType: 'USER_MESSAGE' },
                { question: { text: 'no ID: skipped', timestamp: 1 } },
                'not even an object',
                { messageId: 3, question: null, answer: { text: 'numeric ID', timestamp: 5 }, sources: ['https://a.example', 42, null] },
              ],
            },
          },
        }),
      ),
    );
    const messages = (await client.threadMessages(call, deadline()))!;
    assert.deepEqual(messages.map((m) => m.messageId), ['365062948587045457', '3']);
    assert.equal(messages[0]!.question!.timestamp, Date.UTC(2023, 4, 18, 11, 40, 7, 857));
    assert.deepEqual(messages[1]!.sources, ['https://a.example']);
  });

  it('an odd reply is a Failure, not a crash', async () => {
    server.use(http.get(threadUrl, () => HttpResponse.json({ success: true, data: { thread: { messages: 'many' } } })));
    assert.equal((await failure(client.threadMessages(call, deadline()))).reason, 'sitegpt-bad-reply');
    server.use(http.get(threadUrl, () => HttpResponse.json({ success: false, error: { code: 'API_KEY_NOT_VALID' } }, { status: 401 })));
    assert.equal((await failure(client.threadMessages(call, deadline()))).code, 'MISCONFIGURED');
  });
});

describe('SiteGPT client: update message', () => {
  it('PATCHes {threadId, reaction} on the message (the documented v0 update-message)', async () => {
    standin.store.create(CHATBOT_ID, { threadId: 'thread-1' });
    const { message } = standin.store.send(CHATBOT_ID, 'thread-1', 'q');
    await client.react({ ...call, messageId: message.messageId, reaction: 'POSITIVE' }, deadline());
    assert.equal(standin.store.message(CHATBOT_ID, 'thread-1', message.messageId)!.reaction, 'POSITIVE');
    const patch = standin.requests.find((r) => r.method === 'PATCH')!;
    assert.deepEqual([patch.path, patch.body], [`/api/v0/chatbots/${CHATBOT_ID}/messages/${message.messageId}`, { threadId: 'thread-1', reaction: 'POSITIVE' }]);
  });

  it('a message SiteGPT does not know is a Failure', async () => {
    standin.store.create(CHATBOT_ID, { threadId: 'thread-1' });
    await failure(client.react({ ...call, messageId: '999', reaction: 'NEGATIVE' }, deadline()));
  });
});
