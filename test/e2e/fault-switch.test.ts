/**
 * The fault switch over HTTP (`/_sandbox/faults`, stand-in only): a body is one fault or it is
 * refused with the reason; the queue has a cap; pending faults are listed; and a fault is
 * used by the web-method call that takes its first repetition, never left over for an
 * unrelated later call.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { MemberDevice, rawRequest, startQuietSandbox, type QuietSandbox } from './http.js';

interface FaultList {
  pending: number;
  faults: { kind: string; status?: number; delayMs?: number; left: number }[];
}
interface Chat {
  ok: boolean;
  threadId?: string;
  error?: { code: string };
}

let bed: QuietSandbox;
let base: string;
before(async () => {
  bed = await startQuietSandbox();
  base = `http://127.0.0.1:${bed.sandbox.port}/`;
});
after(async () => {
  await bed?.close();
});
beforeEach(async () => {
  await post('{"clear":true}');
});

const post = (body: string) => rawRequest(bed.sandbox.port, { method: 'POST', path: '/_sandbox/faults', body });
async function listed(): Promise<FaultList> {
  const reply = await rawRequest(bed.sandbox.port, { path: '/_sandbox/faults' });
  assert.equal(reply.status, 200);
  return JSON.parse(reply.body) as FaultList;
}

test('a body that is not exactly one fault is refused with 400 and the reason; nothing is queued', async () => {
  const bad = [
    'garbage',
    '',
    'null',
    '[]',
    '{}',
    '{"status":200}',
    '{"status":399}',
    '{"status":600}',
    '{"status":"500"}',
    '{"status":500,"times":0}',
    '{"status":500,"times":21}',
    '{"status":500,"times":1.5}',
    '{"status":500,"extra":true}',
    '{"status":500,"delayMs":100}',
    '{"delayMs":0}',
    '{"delayMs":60001}',
    '{"kind":"explode"}',
    '{"kind":"status"}',
    '{"clear":false}',
    '{"clear":true,"status":500}',
  ];
  for (const body of bad) {
    const reply = await post(body);
    assert.equal(reply.status, 400, `${body || '(empty)'}: HTTP ${reply.status}`);
    const { error } = JSON.parse(reply.body) as { error: string };
    assert.ok(typeof error === 'string' && error.length > 0, `${body}: says why`);
  }
  assert.match((JSON.parse((await post('{"status":200}')).body) as { error: string }).error, /status/);
  const oversized = await post(JSON.stringify({ status: 500, padding: 'x'.repeat(100_000) }));
  assert.equal(oversized.status, 413);
  assert.deepEqual(await listed(), { pending: 0, faults: [] });
});

test('accepted faults are listed in order with their repetitions; clear empties the list', async () => {
  for (const body of ['{"status":503,"times":2}', '{"delayMs":10}', '{"kind":"garbage"}', '{"kind":"network-error","times":3}', '{"kind":"wrong-shape"}']) {
    assert.equal((await post(body)).status, 200, body);
  }
  assert.deepEqual(await listed(), {
    pending: 8,
    faults: [
      { kind: 'status', status: 503, left: 2 },
      { kind: 'delay', delayMs: 10, left: 1 },
      { kind: 'garbage', left: 1 },
      { kind: 'network-error', left: 3 },
      { kind: 'wrong-shape', left: 1 },
    ],
  });
  const cleared = await post('{"clear":true}');
  assert.deepEqual(JSON.parse(cleared.body), { pending: 0, faults: [] });
});

test('the queue has a cap: beyond 50 pending repetitions a fault is refused with 409', async () => {
  for (let i = 0; i < 2; i++) assert.equal((await post('{"status":500,"times":20}')).status, 200);
  assert.equal((await post('{"status":500,"times":10}')).status, 200);
  const over = await post('{"status":500}');
  assert.equal(over.status, 409);
  assert.match((JSON.parse(over.body) as { error: string }).error, /50/);
  assert.equal((await listed()).pending, 50);
});

test('"garbage": SiteGPT answers 200 with a body that is not its JSON; the call fails, the next one recovers', async () => {
  const device = new MemberDevice(base);
  await device.signIn('garbage-member');
  assert.equal((await post('{"kind":"garbage"}')).status, 200);
  const failed = await device.call<Chat>('getMemberChat');
  assert.equal(failed.result.ok, false);
  assert.equal(failed.result.error?.code, 'UPSTREAM_UNAVAILABLE');
  const recovered = await device.call<Chat>('getMemberChat');
  assert.equal(recovered.result.ok, true);
  assert.equal(bed.sandbox.threads.all().filter((r) => r.memberId === 'garbage-member').length, 1);
});

test('a 4xx fault (not retried) leaves nothing for an unrelated later call', async () => {
  const first = new MemberDevice(base);
  const second = new MemberDevice(base);
  await first.signIn('four-oh-four-a');
  await second.signIn('four-oh-four-b');
  assert.equal((await post('{"status":404,"times":2}')).status, 200);
  const failed = await first.call<Chat>('getMemberChat');
  assert.equal(failed.result.error?.code, 'MISCONFIGURED');
  assert.deepEqual(await listed(), { pending: 0, faults: [] }, 'the call that took the fault dropped its leftover');
  const unrelated = await second.call<Chat>('getMemberChat');
  assert.equal(unrelated.result.ok, true, 'the next member is not hit by the first one\'s fault');
});

test('500 ×2 fails exactly one web-method call (the client retries a 5xx once); the retry recovers onto one thread', async () => {
  const device = new MemberDevice(base);
  await device.signIn('five-hundred');
  assert.equal((await post('{"status":500,"times":2}')).status, 200);
  const failed = await device.call<Chat>('getMemberChat');
  assert.equal(failed.result.error?.code, 'UPSTREAM_UNAVAILABLE');
  assert.equal((await listed()).pending, 0);
  const recovered = await device.call<Chat>('getMemberChat');
  assert.equal(recovered.result.ok, true);
  assert.deepEqual(bed.sandbox.standin!.store.all().filter((t) => t.threadId === recovered.result.threadId).length, 1);
});

test('faults touch SiteGPT calls only: a returning member makes none, so the fault stays pending', async () => {
  const device = new MemberDevice(base);
  await device.signIn('returning');
  assert.equal((await device.call<Chat>('getMemberChat')).result.ok, true);
  assert.equal((await post('{"status":500,"times":2}')).status, 200);
  const again = await device.call<Chat>('getMemberChat');
  assert.equal(again.result.ok, true);
  assert.equal(again.sitegptCalled, false);
  assert.equal((await listed()).pending, 2);
});
