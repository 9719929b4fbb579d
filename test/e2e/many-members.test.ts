/**
 * Any member, not just the three of the sign-in bar: `/_auth/login` takes a member ID shaped
 * like the element's `member-id`, so many members on many devices can try the sandbox at once,
 * over HTTP, each device with its own cookie. Still one thread per member.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { MemberDevice, rawRequest, startQuietSandbox, type QuietSandbox } from './http.js';

interface Chat {
  ok: boolean;
  memberId?: string;
  threadId?: string;
  email?: string;
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

test('any valid member ID signs in: named by its ID, login email <id>@example.com', async () => {
  const device = new MemberDevice(base);
  const login = await device.signIn('Member_42-b');
  assert.equal(login.status, 200);
  assert.deepEqual(login.body, { member: { id: 'Member_42-b', name: 'Member_42-b' } });
  const chat = await device.call<Chat>('getMemberChat');
  assert.equal(chat.result.memberId, 'Member_42-b');
  assert.equal(chat.result.email, 'Member_42-b@example.com');
  assert.equal(bed.sandbox.standin!.store.all().find((t) => t.threadId === chat.result.threadId)?.chatUserEmail, 'Member_42-b@example.com');
  const fixed = new MemberDevice(base);
  assert.deepEqual((await fixed.signIn('ada')).body, { member: { id: 'ada', name: 'Ada Lovelace' } }, 'the bar\'s members keep their names');
});

test('a member ID the element would refuse is refused at sign-in with 400, and no cookie', async () => {
  for (const memberId of ['', '-leading-dash', '_x', 'a'.repeat(65), 'ünïcode', 'two words', '<img src=x>', 'a.b', 'a/b', 42, null]) {
    const reply = await rawRequest(bed.sandbox.port, {
      method: 'POST',
      path: '/_auth/login',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ memberId }),
    });
    assert.equal(reply.status, 400, `${JSON.stringify(memberId)}: HTTP ${reply.status}`);
    assert.equal(reply.headers['set-cookie'], undefined);
    assert.ok(!reply.body.includes('<img'), 'the refused value is not echoed');
  }
  const extra = await rawRequest(bed.sandbox.port, {
    method: 'POST',
    path: '/_auth/login',
    headers: { 'content-type': 'application/json' },
    body: '{"memberId":"ok","admin":true}',
  });
  assert.equal(extra.status, 400);
  assert.equal((await new MemberDevice(base).signIn('a'.repeat(64))).status, 200, '64 characters is the limit, inclusive');
});

test('10 members × 3 devices at once over HTTP: one thread row per member, every device on it', async () => {
  const members = Array.from({ length: 10 }, (_, i) => `load-${i}`);
  const devices = members.flatMap((memberId) => Array.from({ length: 3 }, () => ({ memberId, device: new MemberDevice(base) })));
  await Promise.all(devices.map(({ memberId, device }) => device.signIn(memberId)));
  const answers = await Promise.all(devices.map(async ({ memberId, device }) => ({ memberId, reply: await device.call<Chat>('getMemberChat') })));

  for (const memberId of members) {
    const mine = answers.filter((a) => a.memberId === memberId);
    assert.equal(mine.length, 3);
    for (const { reply } of mine) {
      assert.equal(reply.status, 200);
      assert.equal(reply.result.ok, true, JSON.stringify(reply.result));
      assert.equal(reply.result.memberId, memberId, 'each device is answered for its own member');
    }
    const threads = new Set(mine.map((a) => a.reply.result.threadId));
    assert.equal(threads.size, 1, `${memberId}: all devices got the same thread`);
    const rows = bed.sandbox.threads.all().filter((r) => r.memberId === memberId);
    assert.equal(rows.length, 1, `${memberId}: exactly one row`);
    assert.equal(rows[0]!.threadId, [...threads][0]);
  }
  const allThreads = new Set(answers.map((a) => a.reply.result.threadId));
  assert.equal(allThreads.size, 10, 'ten members, ten threads');
  for (const threadId of allThreads) {
    assert.equal(bed.sandbox.standin!.store.all().filter((t) => t.threadId === threadId).length, 1, 'one SiteGPT thread each');
  }
});
