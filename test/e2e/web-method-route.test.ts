/**
 * The web-method route reads what it is sent, as Wix's own transport does: a POST with a JSON
 * array of arguments, or a clear 4xx with `{error}`, never the member's chat.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { MemberDevice, rawRequest, startQuietSandbox, type QuietSandbox } from './http.js';

let bed: QuietSandbox;
let cookie: string;
let threadId: string;
before(async () => {
  bed = await startQuietSandbox();
  const login = await rawRequest(bed.sandbox.port, {
    method: 'POST',
    path: '/_auth/login',
    headers: { 'content-type': 'application/json' },
    body: '{"memberId":"ada"}',
  });
  cookie = String(login.headers['set-cookie']).split(';')[0]!;
  const device = new MemberDevice(`http://127.0.0.1:${bed.sandbox.port}/`);
  await device.signIn('ada');
  threadId = (await device.call<{ threadId: string }>('getMemberChat')).result.threadId;
});
after(async () => {
  await bed?.close();
});

function call(options: { method?: string; path?: string; contentType?: string | null; body?: string | Buffer; chunked?: boolean }) {
  const headers: Record<string, string> = { cookie, ...(options.chunked ? { 'transfer-encoding': 'chunked' } : {}) };
  if (options.contentType !== null) headers['content-type'] = options.contentType ?? 'application/json';
  return rawRequest(bed.sandbox.port, {
    method: options.method ?? 'POST',
    path: options.path ?? '/_webmethods/getMemberChat',
    headers,
    body: options.body,
  });
}

function assertRefused(reply: { status: number; body: string; headers: Record<string, unknown> }, status: number, pattern: RegExp, what: string) {
  assert.equal(reply.status, status, `${what}: HTTP ${reply.status} ${reply.body.slice(0, 120)}`);
  assert.match(String(reply.headers['content-type']), /^application\/json/, what);
  const body = JSON.parse(reply.body) as { error?: unknown };
  assert.equal(typeof body.error, 'string', `${what}: {error: '…'}`);
  assert.match(body.error as string, pattern, what);
  assert.ok(!reply.body.includes(threadId), `${what}: not the member's chat`);
}

test('the signed-in member with a JSON array of no arguments gets the chat', async () => {
  const reply = await call({ body: '[]' });
  assert.equal(reply.status, 200);
  assert.equal((JSON.parse(reply.body) as { threadId: string }).threadId, threadId);
  const withCharset = await call({ body: '[]', contentType: 'application/json; charset=utf-8' });
  assert.equal(withCharset.status, 200);
});

test('only POST: other methods get 405', async () => {
  for (const method of ['GET', 'PUT', 'DELETE']) {
    const reply = await call({ method, body: method === 'GET' ? undefined : '[]' });
    assertRefused(reply, 405, /POST/, method);
    assert.equal(reply.headers.allow, 'POST');
  }
});

test('a body that is not JSON by its content type gets 415', async () => {
  assertRefused(await call({ body: '[]', contentType: 'text/plain' }), 415, /application\/json/, 'text/plain');
  assertRefused(await call({ body: '[]', contentType: 'application/x-www-form-urlencoded' }), 415, /application\/json/, 'form');
  assertRefused(await call({ body: '[]', contentType: null }), 415, /application\/json/, 'no content type');
});

test('a body over 64 KiB gets 413, a 1 MB one too', async () => {
  assertRefused(await call({ body: JSON.stringify(['x'.repeat(70 * 1024)]) }), 413, /64 KiB/, '70 KiB');
  assertRefused(await call({ body: Buffer.alloc(1024 * 1024, 0x20) }), 413, /64 KiB/, '1 MB');
  assertRefused(await call({ body: Buffer.alloc(1024 * 1024, 0x20), chunked: true }), 413, /64 KiB/, '1 MB, no declared length');
});

test('malformed JSON, a non-array or arguments to a method that takes none get 400', async () => {
  assertRefused(await call({ body: '' }), 400, /JSON/, 'empty');
  assertRefused(await call({ body: '[' }), 400, /JSON/, 'malformed');
  assertRefused(await call({ body: '{"memberId":"grace"}' }), 400, /array/, 'object');
  assertRefused(await call({ body: 'null' }), 400, /array/, 'null');
  assertRefused(await call({ body: '["grace"]' }), 400, /getMemberChat takes no arguments/, 'one argument');
  assertRefused(await call({ path: '/_webmethods/startNewConversation', body: '[{"threadId":"x"}]' }), 400, /startNewConversation takes no arguments/, 'startNewConversation');
  assert.equal(bed.sandbox.threads.all().length, 1, 'no refused call changed a row');
  assert.equal(bed.sandbox.threads.all()[0]!.threadId, threadId);
});

test('an unknown web method gets 404', async () => {
  assertRefused(await call({ path: '/_webmethods/deleteEveryone', body: '[]' }), 404, /deleteEveryone|web method/, 'unknown');
});
