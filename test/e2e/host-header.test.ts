/**
 * DNS rebinding: a page on attacker.example whose name later resolves to 127.0.0.1 can reach
 * the sandbox from the member's browser, as its own origin, so the Origin check does not stop
 * it; only the Host header gives it away. Every route answers only loopback names.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { MemberDevice, rawRequest, startQuietSandbox, type QuietSandbox } from './http.js';

let bed: QuietSandbox;
let threadId: string;
before(async () => {
  bed = await startQuietSandbox();
  const device = new MemberDevice(`http://127.0.0.1:${bed.sandbox.port}/`);
  await device.signIn('ada');
  threadId = ((await device.call<{ threadId: string }>('getMemberChat')).result).threadId;
});
after(async () => {
  await bed?.close();
});

const ROUTES = () => [
  { method: 'GET', path: '/' },
  { method: 'GET', path: '/main.ts' },
  { method: 'GET', path: '/@vite/client' },
  { method: 'GET', path: '/_auth/me' },
  { method: 'POST', path: '/_auth/login', body: '{"memberId":"ada"}', headers: { 'content-type': 'application/json' } },
  { method: 'POST', path: '/_webmethods/getMemberChat', body: '[]', headers: { 'content-type': 'application/json' } },
  { method: 'GET', path: '/_sandbox/config' },
  { method: 'GET', path: '/_sandbox/state' },
  { method: 'GET', path: '/_sandbox/faults' },
  { method: 'POST', path: '/_sandbox/faults', body: '{"status":500}' },
  { method: 'GET', path: `/sitegpt/c/361628903185318481?tid=${threadId}` },
  { method: 'GET', path: `/sitegpt/c/361628903185318481/threads/${threadId}/messages` },
  { method: 'POST', path: `/sitegpt/c/361628903185318481/threads/${threadId}/messages`, body: '{"text":"hi"}', headers: { 'content-type': 'application/json' } },
  { method: 'GET', path: '/sitegpt/chat.js' },
  { method: 'GET', path: '/no-such-page' },
];

test('a foreign Host header is refused on every route, with a short text and nothing of the sandbox', async () => {
  for (const host of ['rebind.attacker.example', 'rebind.attacker.example:8787', 'localhost.attacker.example', '127.0.0.1.nip.io', 'localhost.', '127.0.0.1@attacker.example']) {
    for (const route of ROUTES()) {
      const reply = await rawRequest(bed.sandbox.port, { ...route, host });
      const what = `${route.method} ${route.path} with Host "${host}"`;
      assert.ok(reply.status === 421 || reply.status === 403, `${what}: HTTP ${reply.status}`);
      assert.match(String(reply.headers['content-type']), /^text\/plain/, what);
      assert.ok(reply.body.length < 200, `${what}: a short text`);
      assert.ok(!reply.body.includes(threadId) && !reply.body.includes('ada'), `${what}: nothing of a member`);
      assert.equal(reply.headers['set-cookie'], undefined, `${what}: no sign-in cookie`);
    }
  }
  assert.equal(bed.sandbox.standin!.faults.pending, 0, 'no fault was queued');
});

test('localhost, 127.0.0.1 and [::1], with or without the port, are answered', async () => {
  const port = bed.sandbox.port;
  for (const host of ['localhost', `localhost:${port}`, '127.0.0.1', `127.0.0.1:${port}`, '[::1]', `[::1]:${port}`]) {
    const config = await rawRequest(port, { path: '/_sandbox/config', host });
    assert.equal(config.status, 200, `config with Host ${host}`);
    const page = await rawRequest(port, { path: '/', host });
    assert.equal(page.status, 200, `page with Host ${host}`);
    assert.match(page.body, /<sitegpt-member-chat\b/);
  }
});
