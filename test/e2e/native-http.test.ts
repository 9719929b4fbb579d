/**
 * Native mode over plain HTTP, no browser: the realtime stand-in admits only the session's own
 * member to their own resource (the rule of backend/realtime-permissions.js) and carries
 * content-free notices; the new web methods take exactly the contract's arguments.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { MemberDevice, rawRequest, startQuietSandbox, type QuietSandbox, type RealtimeStream } from './http.js';

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

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  assert.ok(check(), what);
}

test('a realtime stream is only for the signed-in member\'s own ID', async () => {
  const visitor = new MemberDevice(ada.base);
  for (const [device, resource, who] of [
    [visitor, 'ada', 'a visitor'],
    [ada, 'grace', 'Ada asking for Grace\'s'],
    [ada, '', 'no resource'],
    [ada, 'ADA', 'another spelling'],
  ] as const) {
    const stream = await device.openRealtime(resource);
    assert.equal(stream.status, 403, who);
    assert.match(stream.text, /only the signed-in member/, who);
  }
  const withoutResource = await rawRequest(bed.sandbox.port, { path: '/_realtime', headers: { cookie: ada.cookie } });
  assert.equal(withoutResource.status, 403);
  const post = await rawRequest(bed.sandbox.port, { method: 'POST', path: '/_realtime?resource=ada', headers: { cookie: ada.cookie }, body: '' });
  assert.equal(post.status, 405);
  assert.equal(bed.sandbox.realtime.streams(), 0, 'no refused stream stays open');
});

test('a member\'s stream gets content-free notices of their own turns, and only theirs', async () => {
  const streams: RealtimeStream[] = [await ada.openRealtime('ada'), await ada.openRealtime('ada'), await grace.openRealtime('grace')];
  const [adaPhone, adaLaptop, graceOnly] = streams;
  try {
    assert.equal(adaPhone!.status, 200);
    assert.match(adaPhone!.contentType, /^text\/event-stream/);
    await until(() => bed.sandbox.realtime.streams('ada') === 2, 'both of Ada\'s streams are registered');

    const chat = await ada.call<{ ok: boolean }>('getMemberChat', [{ history: true }]);
    assert.equal(chat.result.ok, true);
    const sent = await ada.call<{ ok: boolean; turn: { question: string; answer: string } }>('sendChatMessage', [
      { clientMessageId: 'http-test-0001', text: 'A private question about my order 4711' },
    ]);
    assert.equal(sent.result.ok, true);
    await until(() => adaPhone!.events.length > 0 && adaLaptop!.events.length > 0, 'both devices hear of the turn');
    for (const stream of [adaPhone!, adaLaptop!]) {
      for (const event of stream.events) {
        assert.deepEqual(Object.keys(event as object).sort(), ['kind', 'rev', 'v']);
        assert.equal((event as { kind: string }).kind, 'turns');
      }
      assert.ok(!/private|4711|order|Stand-in/.test(stream.text), 'no message text on the stream');
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.deepEqual(graceOnly!.events, [], 'Grace hears nothing of Ada');
  } finally {
    for (const stream of streams) stream.close();
  }
  await until(() => bed.sandbox.realtime.streams() === 0, 'closed streams are let go');
});

test('the native web methods take the contract\'s arguments and nothing else', async () => {
  const refused: Array<[string, unknown[], RegExp]> = [
    ['sendChatMessage', [], /sendChatMessage takes/],
    ['sendChatMessage', [{ clientMessageId: 'http-test-0002', text: 'hi', memberId: 'grace' }], /sendChatMessage takes/],
    ['sendChatMessage', [{ clientMessageId: 'short', text: 'hi' }], /sendChatMessage takes/],
    ['sendChatMessage', [{ clientMessageId: 'http-test-0002', text: 'hi', threadId: 'x' }], /sendChatMessage takes/],
    ['getChatMessages', [{ after: -1 }], /getChatMessages takes/],
    ['getChatMessages', [{ before: 'x', after: 1 }], /getChatMessages takes/],
    ['getChatMessages', [{ after: 0, memberId: 'grace' }], /getChatMessages takes/],
    ['rateAnswer', [{ messageId: 'http-test-0001', reaction: 'LOVE' }], /rateAnswer takes/],
    ['getMemberChat', [{ history: true, memberId: 'grace' }], /getMemberChat takes/],
  ];
  const rows = bed.sandbox.transcript.all().length;
  for (const [name, args, error] of refused) {
    const reply = await ada.call<{ error: string }>(name, args);
    assert.equal(reply.status, 400, `${name} ${JSON.stringify(args)}`);
    assert.match(reply.result.error, error);
  }
  assert.equal(bed.sandbox.transcript.all().length, rows, 'no refused call wrote a row');

  const page = await ada.call<{ ok: boolean; turns: unknown[]; cursor: number }>('getChatMessages', [{ after: 0 }]);
  assert.equal(page.status, 200);
  assert.equal(page.result.ok, true);
  const rated = await ada.call<{ ok: boolean; turn: { reaction: string } }>('rateAnswer', [{ messageId: 'http-test-0001', reaction: 'POSITIVE' }]);
  assert.equal(rated.result.ok, true);
  assert.equal(rated.result.turn.reaction, 'POSITIVE');
  const notMine = await grace.call<{ ok: boolean; error: { code: string } }>('rateAnswer', [{ messageId: 'http-test-0001', reaction: 'NEGATIVE' }]);
  assert.deepEqual([notMine.result.ok, notMine.result.error.code], [false, 'NOT_FOUND'], 'Grace cannot rate Ada\'s turn');
});
