// A SiteGPT reply is read up to a cap (config `sitegptMaxReplyBytes`, 1 MiB by default), not
// whole: a huge or endless reply costs the container at most about that much memory, and the
// member gets UPSTREAM_UNAVAILABLE. The bodies here are generated as they are read, so a test
// never holds a huge reply itself, and counts how much of it the client pulled.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { defaultConfig } from '../../velo/backend/config.js';
import { Deadline } from '../../velo/backend/runtime/deadline.js';
import { Failure } from '../../velo/backend/runtime/failure.js';
import { createSitegptClient } from '../../velo/backend/providers/sitegpt/client.js';
import { memoryCore } from './support/memory-core.js';
import { API_KEY, BASE_URL, CHATBOT_ID, createStandin } from './support/standin.js';

const MiB = 1024 * 1024;
const CHUNK = 64 * 1024;

/**
 * A reply that would be a valid "thread created" envelope if read to its end: a client that
 * reads it whole believes it. `pulled` counts the bytes handed to the reader.
 */
function hugeThreadReply(threadId: string, totalBytes: number) {
  const encoder = new TextEncoder();
  const head = encoder.encode('{"success":true,"message":"');
  const tail = encoder.encode(`","data":{"thread":{"threadId":"${threadId}"}}}`);
  const filler = new Uint8Array(CHUNK).fill(0x78); // "x"
  const state = { pulled: 0, cancelled: false };
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = sent === 0 ? head : sent + CHUNK < totalBytes ? filler : tail;
      sent += chunk.byteLength;
      state.pulled += chunk.byteLength;
      controller.enqueue(chunk);
      if (chunk === tail) controller.close();
    },
    cancel() {
      state.cancelled = true;
    },
  });
  return { stream, state };
}

const request = { apiKey: API_KEY, chatbotId: CHATBOT_ID, threadId: 'thread-1' };
const clock = { now: () => Date.now() };

function clientAnswering(response: () => Response) {
  let fetches = 0;
  const client = createSitegptClient({
    baseUrl: BASE_URL,
    fetch: async () => {
      fetches++;
      return response();
    },
    callTimeoutMs: 10_000,
    retryDelayMs: () => 5,
  });
  return { client, fetches: () => fetches };
}

async function failure(work: Promise<unknown>): Promise<Failure> {
  const error = await work.then(() => assert.fail('expected a failure'), (e: unknown) => e);
  assert.ok(error instanceof Failure, String(error));
  return error;
}

describe('SiteGPT reply size', () => {
  it('is capped at 1 MiB by default', () => {
    assert.equal(defaultConfig.sitegptMaxReplyBytes, MiB);
  });

  it('stops reading a huge reply near the cap and gives UPSTREAM_UNAVAILABLE, without a retry', async () => {
    const reply = hugeThreadReply('thread-1', 64 * MiB);
    const { client, fetches } = clientAnswering(() => new Response(reply.stream, { status: 200 }));

    const error = await failure(client.createThread(request, new Deadline(clock, 10_000)));

    assert.deepEqual([error.code, error.reason], ['UPSTREAM_UNAVAILABLE', 'sitegpt-too-large']);
    assert.ok(reply.state.pulled <= MiB + 4 * CHUNK, `pulled ${reply.state.pulled} bytes`);
    assert.equal(reply.state.cancelled, true);
    assert.equal(fetches(), 1);
  });

  it('refuses at once a reply whose Content-Length is over the cap', async () => {
    const reply = hugeThreadReply('thread-1', 64 * MiB);
    const { client } = clientAnswering(
      () => new Response(reply.stream, { status: 200, headers: { 'content-length': String(200 * MiB) } }),
    );

    const error = await failure(client.createThread(request, new Deadline(clock, 10_000)));

    assert.deepEqual([error.code, error.reason], ['UPSTREAM_UNAVAILABLE', 'sitegpt-too-large']);
    assert.ok(reply.state.pulled <= 2 * CHUNK, `pulled ${reply.state.pulled} bytes`);
  });

  it('reads a reply under the cap as before', async () => {
    const reply = hugeThreadReply('thread-1', 256 * 1024);
    const { client } = clientAnswering(() => new Response(reply.stream, { status: 200 }));
    await client.createThread(request, new Deadline(clock, 10_000));
  });
});

describe('a huge SiteGPT reply, for the member', () => {
  const standin = createStandin();
  const server = setupServer(...standin.handlers);
  let reply: ReturnType<typeof hugeThreadReply> | undefined;
  before(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    standin.reset();
    server.resetHandlers();
  });
  after(() => server.close());

  it('gives UPSTREAM_UNAVAILABLE and stores nothing, with only about the cap read', async () => {
    const { core, threads, config } = memoryCore({ config: { sitegptMaxReplyBytes: 256 * 1024 } });
    server.use(
      http.post(`${BASE_URL}/chatbots/:id/threads`, async ({ request: sent }) => {
        const { threadId } = (await sent.json()) as { threadId: string };
        reply = hugeThreadReply(threadId, 64 * MiB);
        return new HttpResponse(reply.stream, { status: 200 });
      }),
    );

    const result = await core.getMemberChat();

    assert.equal(result.ok ? 'OK' : result.error.code, 'UPSTREAM_UNAVAILABLE');
    assert.equal(threads.rows.size, 0);
    assert.ok(reply!.state.pulled <= config.sitegptMaxReplyBytes + 4 * CHUNK, `pulled ${reply!.state.pulled} bytes`);
  });
});
