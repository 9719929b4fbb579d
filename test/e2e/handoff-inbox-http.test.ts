/**
 * The handoff's sandbox parts over plain HTTP, no browser: requestHuman takes no argument (a
 * forged member is refused before the kit), the site owner's Wix Inbox stand-in lists the
 * conversation a handoff opened, and the owner's reply goes through backend/events.js's handler
 * into that member's chat only (an `agent` turn and a content-free notice to them), while the
 * reply route refuses what Wix would never deliver.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Turn } from '../../contract/index.js';
import { MemberDevice, rawRequest, startQuietSandbox, type QuietSandbox } from './http.js';

let bed: QuietSandbox;
let ada: MemberDevice;
let grace: MemberDevice;
before(async () => {
  bed = await startQuietSandbox();
  const base = `http://127.0.0.1:${bed.sandbox.port}/`;
  ada = new MemberDevice(base);
  grace = new MemberDevice(base);
  await ada.signIn('ada');
  await grace.signIn('grace');
});
after(async () => {
  await bed?.close();
});

interface Listed {
  conversations: Array<{ conversationId: string; memberId: string; messages: Array<{ from: string; text: string }> }>;
}

async function inbox(): Promise<Listed> {
  return (await fetch(new URL('/_sandbox/inbox', bed.sandbox.url))).json() as Promise<Listed>;
}

function reply(body: string, origin?: string) {
  return rawRequest(bed.sandbox.port, { method: 'POST', path: '/_sandbox/inbox/reply', headers: { 'content-type': 'application/json', ...(origin ? { origin } : {}) }, body });
}

test('requestHuman takes no argument: one naming a member is refused before the kit', async () => {
  const forged = await ada.call('requestHuman', [{ memberId: 'grace' }]);
  assert.equal(forged.status, 400);
  assert.deepEqual((await inbox()).conversations, []);
});

test("the owner's reply in the inbox reaches the member who was handed off, and only them", async () => {
  await ada.call('getMemberChat', [{ history: true }]);
  await grace.call('getMemberChat', [{ history: true }]);
  const handedOff = await ada.call<{ ok: boolean; handoff?: string; turn?: Turn }>('requestHuman');
  assert.equal(handedOff.result.handoff, 'active');
  assert.equal(handedOff.result.turn?.kind, 'system');

  const listed = (await inbox()).conversations;
  assert.deepEqual(listed.map((c) => [c.memberId, c.messages.map((m) => m.from)]), [['ada', ['kit']]]);
  const conversationId = listed[0]!.conversationId;

  // What Wix would never deliver is refused, and nothing reaches a member.
  assert.equal((await reply('{"conversationId": "x"}')).status, 400);
  assert.equal((await reply(JSON.stringify({ conversationId, text: '   ' }))).status, 400);
  assert.equal((await reply(JSON.stringify({ conversationId: 'not-a-conversation', text: 'Hello' }))).status, 404);
  assert.equal((await reply(JSON.stringify({ conversationId, text: 'Hello' }), 'http://evil.example')).status, 403);
  const noticesBefore = bed.sandbox.realtime.published.length;

  const sent = await reply(JSON.stringify({ conversationId, text: 'Hi Ada, Sam here. I will check your order.' }));
  assert.equal(sent.status, 200);
  const adaTurns = (await ada.call<{ turns: Turn[] }>('getChatMessages', [{ after: 0 }])).result.turns;
  const person = adaTurns.filter((turn) => turn.kind === 'agent' && turn.question === null);
  assert.deepEqual(person.map((turn) => turn.answer), ['Hi Ada, Sam here. I will check your order.']);
  const graceTurns = (await grace.call<{ turns: Turn[] }>('getChatMessages', [{ after: 0 }])).result.turns;
  assert.deepEqual(graceTurns, []);
  const notices = bed.sandbox.realtime.published.slice(noticesBefore);
  assert.deepEqual(notices.map((n) => [n.memberId, Object.keys(n.notice).sort()]), [['ada', ['kind', 'rev', 'v']]], 'one content-free notice, to Ada');
  assert.deepEqual((await inbox()).conversations[0]!.messages.map((m) => m.from), ['kit', 'owner']);
});
