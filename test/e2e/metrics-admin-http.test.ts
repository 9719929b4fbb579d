/**
 * The sandbox's admin side over plain HTTP: `/admin` and the Admin web method `getChatMetrics`
 * refuse everyone but the site owner's admin session (a visitor, any member, a member who took
 * the owner's ID), in any spelling of the path; the seed route writes a deterministic history.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { SEED_PREFIX } from '../../sandbox/seed/history.js';
import { rawRequest, startQuietSandbox, type QuietSandbox } from './http.js';

let bed: QuietSandbox;
const DAY = 86_400_000;

before(async () => {
  bed = await startQuietSandbox();
});
after(async () => {
  await bed?.close();
});

async function signIn(path: string, body?: string): Promise<string> {
  const reply = await rawRequest(bed.sandbox.port, { method: 'POST', path, headers: { 'content-type': 'application/json' }, body: body ?? '{}' });
  assert.equal(reply.status, 200, reply.body);
  return String(reply.headers['set-cookie']).split(';')[0]!;
}

const get = (path: string, cookie = '') => rawRequest(bed.sandbox.port, { path, headers: cookie ? { cookie } : {} });
const metrics = (cookie: string, args: unknown[]) =>
  rawRequest(bed.sandbox.port, { method: 'POST', path: '/_webmethods/getChatMetrics', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify(args) });

test('/admin and getChatMetrics refuse visitors and members, however they spell it; the owner gets both', async () => {
  const member = await signIn('/_auth/login', '{"memberId":"ada"}');
  // The owner's ID signed in as a member is a member, not an admin.
  const impostor = await signIn('/_auth/login', '{"memberId":"site-owner"}');
  const owner = await signIn('/_auth/owner');
  const now = Date.now();
  const range = [{ from: now - 7 * DAY, to: now }];

  for (const [who, cookie] of [['a visitor', ''], ['a member', member], ['a member with the owner\'s ID', impostor], ['a forged owner cookie', owner.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'))]] as const) {
    for (const path of ['/admin', '/admin/', '/admin/index.html', '/ADMIN/', '/%61dmin/', '/admin/main.ts']) {
      const page = await get(path, cookie);
      assert.equal(page.status, 403, `${who}: ${path}`);
      assert.match(page.body, /Admins only/);
    }
    const call = await metrics(cookie, range);
    assert.equal(call.status, 403, who);
    assert.match(call.body, /Admin web method: sign in as the site owner/);
    assert.doesNotMatch(call.body, /questions/);
  }

  assert.equal((await get('/admin', owner)).status, 302);
  const page = await get('/admin/', owner);
  assert.equal(page.status, 200);
  assert.match(page.body, /<sitegpt-chat-metrics id="chatMetrics">/);
  const answer = await metrics(owner, range);
  assert.equal(answer.status, 200);
  assert.deepEqual(Object.keys(JSON.parse(answer.body) as object).slice(0, 3), ['ok', 'from', 'to']);
  // The owner is a member too, as on Wix: their own chat still works.
  const chat = await rawRequest(bed.sandbox.port, { method: 'POST', path: '/_webmethods/getMemberChat', headers: { cookie: owner, 'content-type': 'application/json' }, body: '[]' });
  assert.equal((JSON.parse(chat.body) as { memberId: string }).memberId, 'site-owner');
});

test("getChatMetrics checks the owner's arguments like any web method's: a bad range is a 400 or INVALID_INPUT", async () => {
  const owner = await signIn('/_auth/owner');
  assert.equal((await metrics(owner, [])).status, 400);
  assert.equal((await metrics(owner, [{ from: 1, to: 2, memberId: 'ada' }])).status, 400);
  const backwards = JSON.parse((await metrics(owner, [{ from: 2, to: 1 }])).body) as { ok: boolean; error: { code: string } };
  assert.deepEqual([backwards.ok, backwards.error.code], [false, 'INVALID_INPUT']);
  const long = JSON.parse((await metrics(owner, [{ from: 0, to: 93 * DAY }])).body) as { ok: boolean; error: { message: string } };
  assert.equal(long.error.message, 'A range spans at most 92 days.');
});

test('the seed route writes the same history for the same seed, replaces the last seed, and leaves other members alone', async () => {
  const seed = (body: object) => rawRequest(bed.sandbox.port, { method: 'POST', path: '/_sandbox/seed', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const member = await signIn('/_auth/login', '{"memberId":"grace"}');
  await rawRequest(bed.sandbox.port, {
    method: 'POST',
    path: '/_webmethods/sendChatMessage',
    headers: { cookie: member, 'content-type': 'application/json' },
    body: JSON.stringify([{ clientMessageId: 'grace-message-0001', text: 'Hello there' }]),
  });
  const graces = bed.sandbox.transcript.all('grace');
  assert.ok(graces.length > 0);
  const first = JSON.parse((await seed({ seed: 7, days: 14, members: 40 })).body) as { turns: number; members: number };
  assert.equal(first.members, 40);
  const rows = bed.sandbox.transcript.all().filter((row) => row.memberId.startsWith(SEED_PREFIX));
  assert.equal(rows.length, first.turns);
  const again = JSON.parse((await seed({ seed: 7, days: 14, members: 40 })).body) as { turns: number };
  assert.equal(again.turns, first.turns, 'the same seed, the same history');
  const other = JSON.parse((await seed({ seed: 8, days: 14, members: 20 })).body) as { turns: number; members: number };
  assert.equal(bed.sandbox.transcript.all().filter((row) => row.memberId.startsWith(SEED_PREFIX)).length, other.turns);
  assert.deepEqual(bed.sandbox.transcript.all('grace'), graces, "a real member's turns stay");
  assert.equal((await seed({ members: 0 })).status, 400);
});
