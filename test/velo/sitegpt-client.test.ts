import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { setupServer } from 'msw/node';
import { Deadline } from '../../velo/backend/runtime/deadline.js';
import { Failure } from '../../velo/backend/runtime/failure.js';
import { createSitegptClient } from '../../velo/backend/providers/sitegpt/client.js';
import { parseRetryAfter } from '../../velo/backend/providers/retry-after.js';
import { API_KEY, BASE_URL, CHATBOT_ID, createStandin } from './support/standin.js';

const standin = createStandin();
const server = setupServer(...standin.handlers);
before(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  standin.reset();
  server.resetHandlers();
});
after(() => server.close());

const clock = { now: () => Date.now() };
const client = (callTimeoutMs = 1_000) =>
  createSitegptClient({ baseUrl: BASE_URL, fetch: (i, init) => fetch(i, init), callTimeoutMs, retryDelayMs: () => 5 });
const request = { apiKey: API_KEY, chatbotId: CHATBOT_ID, threadId: 'thread-1', chatUserEmail: 'ada@example.com' };
const create = (overrides = {}, deadlineMs = 5_000, callMs?: number) =>
  client(callMs).createThread({ ...request, ...overrides }, new Deadline(clock, deadlineMs));

async function failsWith(work: Promise<unknown>, code: string): Promise<Failure> {
  const error = await work.then(
    () => assert.fail(`expected ${code}`),
    (e: unknown) => e,
  );
  assert.ok(error instanceof Failure, `not a Failure: ${String(error)}`);
  assert.equal(error.code, code);
  return error;
}

describe('SiteGPT client: create thread', () => {
  it('creates the thread under our ID, in AI mode, for the member email, with the bearer key', async () => {
    await create();
    const thread = standin.store.get(CHATBOT_ID, 'thread-1');
    assert.equal(thread?.mode, 'AI');
    assert.equal(thread?.chatUserEmail, 'ada@example.com');
  });

  for (const existingThread of ['conflict', 'bad-request', 'ok'] as const) {
    it(`counts "already exists" (${existingThread}) as success, since the ID is ours`, async () => {
      const other = createStandin({ existingThread });
      server.use(...other.handlers);
      other.store.create(CHATBOT_ID, { threadId: 'thread-1' });
      await create();
      assert.equal(other.store.all().length, 1);
    });
  }

  it('takes "already exists" in a 400 at its word, without fetching the thread', async () => {
    const other = createStandin({ existingThread: 'bad-request' });
    server.use(...other.handlers);
    other.store.create(CHATBOT_ID, { threadId: 'thread-1' });
    await create();
    assert.deepEqual(other.requests.map((r) => r.method), ['POST']);
  });

  for (const missingChatbot of ['bad-request', 'not-found'] as const) {
    it(`gives MISCONFIGURED for CHATBOT_NOT_FOUND (${missingChatbot}), never "already exists"`, async () => {
      const other = createStandin({ chatbotIds: [], missingChatbot });
      server.use(...other.handlers);
      assert.equal((await failsWith(create(), 'MISCONFIGURED')).reason, 'sitegpt-chatbot-not-found');
      assert.equal(other.store.all().length, 0);
    });
  }

  it('gives MISCONFIGURED for a known set-up error code in a 400, whatever its message says', async () => {
    standin.faults.next({ kind: 'status', status: 400, code: 'API_KEY_NOT_VALID', message: 'API key does not exist' });
    await failsWith(create(), 'MISCONFIGURED');
    standin.faults.next({ kind: 'status', status: 409, code: 'CHATBOT_NOT_FOUND', message: 'Chatbot does not exist' });
    await failsWith(create(), 'MISCONFIGURED');
    assert.equal(standin.store.all().length, 0);
  });

  it('confirms an ambiguous 400 by fetching the thread: success when SiteGPT has it', async () => {
    standin.store.create(CHATBOT_ID, { threadId: 'thread-1' });
    standin.faults.next({ kind: 'status', status: 400, code: 'THREAD_ID_TAKEN', message: 'threadId is already in use' });
    await create();
    assert.deepEqual(standin.requests.map((r) => r.method), ['POST', 'GET']);
  });

  it('confirms an ambiguous 400 by fetching the thread: INTERNAL when SiteGPT does not have it', async () => {
    standin.faults.next({ kind: 'status', status: 400, code: 'THREAD_INVALID', message: 'Thread does not exist' });
    assert.equal((await failsWith(create(), 'INTERNAL')).reason, 'sitegpt-rejected');
    assert.deepEqual(standin.requests.map((r) => r.method), ['POST', 'GET']);
    assert.equal(standin.store.all().length, 0);
  });

  it('retries once after a 5xx or a network error, and then succeeds', async () => {
    standin.faults.next({ kind: 'status', status: 503 });
    await create();
    standin.faults.next({ kind: 'network-error' });
    await create({ threadId: 'thread-2' });
    assert.equal(standin.store.all().length, 2);
  });

  it('gives UPSTREAM_UNAVAILABLE when the retry fails too', async () => {
    standin.faults.next({ kind: 'status', status: 500 }, 2);
    await failsWith(create(), 'UPSTREAM_UNAVAILABLE');
    assert.equal(standin.creates(), 2);
  });

  it('gives RATE_LIMITED with retryAfterMs from Retry-After (seconds or date), without retrying', async () => {
    standin.faults.next({ kind: 'status', status: 429, retryAfter: '30' });
    assert.equal((await failsWith(create(), 'RATE_LIMITED')).retryAfterMs, 30_000);
    assert.equal(standin.creates(), 1);

    standin.faults.next({ kind: 'status', status: 429, retryAfter: new Date(Date.now() + 60_000).toUTCString() });
    const byDate = (await failsWith(create(), 'RATE_LIMITED')).retryAfterMs!;
    assert.ok(byDate > 55_000 && byDate <= 60_000, String(byDate));

    standin.faults.next({ kind: 'status', status: 429 });
    assert.equal((await failsWith(create(), 'RATE_LIMITED')).retryAfterMs, undefined);
  });

  it('gives MISCONFIGURED for a refused key or an unknown chatbot', async () => {
    await failsWith(create({ apiKey: 'wrong-key' }), 'MISCONFIGURED');
    standin.faults.next({ kind: 'status', status: 403, code: 'CHATBOT_FETCH_FORBIDDEN' });
    await failsWith(create(), 'MISCONFIGURED');
    await failsWith(create({ chatbotId: 'no-such-bot' }), 'MISCONFIGURED');
  });

  it('gives UPSTREAM_UNAVAILABLE, not a crash, for a body that is not JSON or not the documented shape', async () => {
    standin.faults.next({ kind: 'garbage' });
    await failsWith(create(), 'UPSTREAM_UNAVAILABLE');
    standin.faults.next({ kind: 'wrong-shape' });
    await failsWith(create(), 'UPSTREAM_UNAVAILABLE');
  });

  it('gives INTERNAL for a 400 that does not say the thread exists (we sent something wrong)', async () => {
    standin.faults.next({ kind: 'status', status: 400, code: 'REQUEST_VALIDATION_FAILED' });
    await failsWith(create(), 'INTERNAL');
  });

  it('stops waiting after the per-call timeout, retries once, then gives UPSTREAM_UNAVAILABLE', async () => {
    standin.faults.next({ kind: 'delay', ms: 400 }, 2);
    const started = Date.now();
    assert.equal((await failsWith(create({}, 5_000, 50), 'UPSTREAM_UNAVAILABLE')).reason, 'sitegpt-timeout');
    assert.ok(Date.now() - started < 350, `took ${Date.now() - started} ms`);
  });

  it('never runs past the overall deadline, whatever the per-call timeout', async () => {
    standin.faults.next({ kind: 'delay', ms: 400 }, 2);
    const started = Date.now();
    await failsWith(create({}, 80, 1_000), 'UPSTREAM_UNAVAILABLE');
    assert.ok(Date.now() - started < 250, `took ${Date.now() - started} ms`);
  });
});

describe('SiteGPT client: fetch thread', () => {
  it('returns the thread with its messages, or null for a thread SiteGPT does not know', async () => {
    standin.store.send(CHATBOT_ID, 'thread-1', 'hello');
    const thread = await client().getThread(API_KEY, CHATBOT_ID, 'thread-1', new Deadline(clock, 1_000));
    assert.equal(thread?.messages?.length, 1);
    assert.equal(await client().getThread(API_KEY, CHATBOT_ID, 'nope', new Deadline(clock, 1_000)), null);
    await failsWith(client().getThread(API_KEY, 'no-such-bot', 'thread-1', new Deadline(clock, 1_000)), 'MISCONFIGURED');
  });
});

describe('Retry-After', () => {
  it('reads delta-seconds and HTTP dates, and ignores what it cannot read', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    assert.equal(parseRetryAfter('120', now), 120_000);
    assert.equal(parseRetryAfter('Thu, 01 Jan 2026 00:00:05 GMT', now), 5_000);
    assert.equal(parseRetryAfter('Wed, 31 Dec 2025 00:00:00 GMT', now), 0);
    assert.equal(parseRetryAfter('soon', now), undefined);
    assert.equal(parseRetryAfter(null, now), undefined);
  });
});
