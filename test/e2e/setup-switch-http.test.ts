/**
 * The sandbox's *Break the setup* switch (`POST /_sandbox/setup`) over plain HTTP: it breaks the
 * whole site (every member's chat), so like /admin and its Admin web methods it takes only the
 * site owner's admin session; a visitor, a member, a member with the owner's ID or a forged owner
 * cookie is refused and the setup stays as it was.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { rawRequest, startQuietSandbox, type QuietSandbox } from './http.js';

let bed: QuietSandbox;

before(async () => {
  bed = await startQuietSandbox();
});
after(async () => {
  await bed?.close();
});

async function signIn(path: string, body = '{}'): Promise<string> {
  const reply = await rawRequest(bed.sandbox.port, { method: 'POST', path, headers: { 'content-type': 'application/json' }, body });
  assert.equal(reply.status, 200, reply.body);
  return String(reply.headers['set-cookie']).split(';')[0]!;
}

const flip = (cookie: string, broken: boolean) =>
  rawRequest(bed.sandbox.port, { method: 'POST', path: '/_sandbox/setup', headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) }, body: JSON.stringify({ broken }) });
const isBroken = async () => (JSON.parse((await rawRequest(bed.sandbox.port, { path: '/_sandbox/setup' })).body) as { broken: boolean }).broken;

test('Break the setup takes only the site owner; everyone else is refused and nothing breaks', async () => {
  const member = await signIn('/_auth/login', '{"memberId":"ada"}');
  const impostor = await signIn('/_auth/login', '{"memberId":"site-owner"}');
  const owner = await signIn('/_auth/owner');
  const forged = owner.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));

  for (const [who, cookie] of [['a visitor', ''], ['a member', member], ["a member with the owner's ID", impostor], ['a forged owner cookie', forged]] as const) {
    const reply = await flip(cookie, true);
    assert.equal(reply.status, 403, who);
    assert.match(reply.body, /sign in as the site owner/, who);
    assert.equal(await isBroken(), false, `${who} broke the setup`);
  }

  const broke = await flip(owner, true);
  assert.equal(broke.status, 200, broke.body);
  assert.equal(await isBroken(), true);
  assert.equal((await flip(owner, false)).status, 200);
  assert.equal(await isBroken(), false);
});
