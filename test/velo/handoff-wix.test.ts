// The handoff on Wix's side, through the real packages: the web method requestHuman, @wix/inbox
// (msw playing Wix Inbox: wix-inbox-fake.ts), @wix/data and @wix/realtime (wix-fake.ts), and
// backend/events.js's handler of the owner's replies. What the owner's inbox receives, what the
// member's row keeps, which replies come back (once each, with a notice) and which are dropped.
import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, it, mock } from 'node:test';
import { setupServer } from 'msw/node';
import { MessagesResultSchema, RequestHumanResultSchema } from '../../contract/index.js';
import { wixCrmInbox_onMessageSentToParticipant, wixInboxV2_onMessageSentToParticipant } from '../../velo/backend/events.js';
import { getChatMessages, getMemberChat, requestHuman, sendChatMessage } from '../../velo/backend/sitegpt.web.js';
import { wixThreadStore } from '../../velo/backend/wix/thread-store.js';
import { API_KEY, CHATBOT_ID, createStandin, siteSecrets } from './support/standin.js';
import { useWixSdk, WixFake } from './support/wix-fake.js';
import { WixInboxFake } from './support/wix-inbox-fake.js';

const wix = new WixFake();
const inbox = new WixInboxFake();
const standin = createStandin({ baseUrl: 'https://sitegpt.ai/api/v0' });
const server = setupServer(...wix.handlers, ...inbox.handlers, ...standin.handlers);
const ada = { id: 'member-ada', loginEmail: 'ada@example.com' };
const turnRows = () => wix.rows('SiteGptMessages').filter((r) => r.kind !== 'claim');
const threadRow = () => wix.rows('SiteGptMemberThreads').find((r) => r._id === ada.id)!;
const newId = () => crypto.randomUUID();
let logged: string[] = [];

before(() => {
  useWixSdk();
  server.listen({ onUnhandledRequest: 'error' });
});
beforeEach(() => {
  logged = [];
  mock.method(console, 'log', (line: unknown) => logged.push(String(line)));
  for (const [name, value] of Object.entries(siteSecrets())) wix.secrets.set(name, value);
  wix.session.member = ada;
});
afterEach(() => {
  mock.restoreAll();
  wix.reset();
  inbox.reset();
  standin.reset();
});
after(() => server.close());

/** Ada asks two questions, then for a person: the handoff goes to Wix Inbox (the default target). */
async function handedOff() {
  const chat = await getMemberChat();
  assert.ok(chat.ok);
  await sendChatMessage({ clientMessageId: newId(), text: 'Where is my parcel? (no sources)' });
  await sendChatMessage({ clientMessageId: newId(), text: 'Can I change the address? (no sources)' });
  const asked = RequestHumanResultSchema.parse(await requestHuman());
  assert.ok(asked.ok && asked.turn);
  wix.published.length = 0;
  return { threadId: chat.threadId, asked };
}

describe('requestHuman through @wix/inbox', () => {
  it("opens the member's conversation and leaves the team a note only the team sees: why, the last questions, nothing private", async () => {
    await handedOff();
    const conversationId = inbox.conversations.get(ada.id);
    assert.ok(conversationId, 'getOrCreateConversation was asked for the member');
    const [note] = inbox.messagesOf(ada.id);
    assert.deepEqual([note!.direction, note!.visibility, note!.sendAs], ['PARTICIPANT_TO_BUSINESS', 'BUSINESS', 'PARTICIPANT']);
    assert.match(note!.text, /Why: they asked for a person after 2 answers in a row/);
    assert.match(note!.text, /- Where is my parcel\? \(no sources\)\n- Can I change the address\? \(no sources\)/);
    assert.doesNotMatch(note!.text, /https?:|member-ada|ada@example|sitegpt\.ai/);
    // The member's row remembers the conversation (replies from it come back) and the state.
    const row = threadRow();
    assert.equal(row.inboxConversationId, conversationId);
    assert.deepEqual([row.handoffState, row.handoffReason, row.handoffTargets], ['active', 'low-confidence', ['wix-inbox']]);
    assert.equal(row.threadId, turnRows()[0]!.threadId, 'the whole row is still there: only handoff fields were patched');
    assert.deepEqual(turnRows().find((r) => r.kind === 'system')!.handoff, { reason: 'low-confidence', targets: ['wix-inbox'] });
  });

  it("while handed off, the member's question goes to the conversation as their own words", async () => {
    await handedOff();
    const sent = await sendChatMessage({ clientMessageId: newId(), text: 'Thanks, I am here.' });
    assert.ok(sent.ok && sent.turn.kind === 'agent' && sent.handoff === 'active');
    const last = inbox.messagesOf(ada.id).at(-1)!;
    assert.deepEqual([last.text, last.direction, last.visibility, last.sendAs], ['Thanks, I am here.', 'PARTICIPANT_TO_BUSINESS', 'BUSINESS_AND_PARTICIPANT', 'PARTICIPANT']);
  });

  it('Wix Inbox refusing (no permission) is a failed target: with no other target, a clear error and no state', async () => {
    const chat = await getMemberChat();
    assert.ok(chat.ok);
    inbox.faults.push(403);
    const result = await requestHuman();
    assert.ok(!result.ok);
    assert.equal(result.error.code, 'UPSTREAM_UNAVAILABLE');
    assert.equal(threadRow().handoffState, undefined);
    assert.ok(logged.some((line) => /"method":"requestHuman".*"reason":"handoff-targets-failed"/.test(line)));
  });
});

describe("backend/events.js: the owner's replies", () => {
  it('a reply in the conversation the kit opened becomes one agent turn, and the member\'s devices get a content-free notice', async () => {
    const { threadId } = await handedOff();
    const event = inbox.ownerReply(ada.id, 'Hi Ada, your parcel left today.');
    await wixInboxV2_onMessageSentToParticipant(event);
    const agent = turnRows().filter((r) => r.kind === 'agent');
    assert.equal(agent.length, 1);
    assert.deepEqual([agent[0]!.answer, agent[0]!.question, agent[0]!.threadId, agent[0]!.memberId], ['Hi Ada, your parcel left today.', null, threadId, ada.id]);
    assert.equal(wix.published.length, 1);
    assert.deepEqual(wix.published[0]!.resourceId, ada.id);
    assert.deepEqual(Object.keys(wix.published[0]!.payload as object).sort(), ['kind', 'rev', 'v']);
    assert.doesNotMatch(JSON.stringify(wix.published), /parcel/);
    // The member's page shows it, labelled by kind as a person's, while still handed off.
    const page = MessagesResultSchema.parse(await getChatMessages({ after: 0 }));
    assert.ok(page.ok && page.handoff === 'active');
    assert.ok(page.turns.some((turn) => turn.kind === 'agent' && turn.answer === 'Hi Ada, your parcel left today.'));
    // The episode runs 24 h from this reply now.
    assert.equal(typeof threadRow().handoffReplyAt, 'number');
  });

  it('the same event twice (or under both of its names) is still one turn and one notice', async () => {
    await handedOff();
    const event = inbox.ownerReply(ada.id, 'Once only.');
    await wixInboxV2_onMessageSentToParticipant(event);
    await wixCrmInbox_onMessageSentToParticipant(event);
    await wixInboxV2_onMessageSentToParticipant(structuredClone(event));
    assert.equal(turnRows().filter((r) => r.kind === 'agent').length, 1);
    assert.equal(wix.published.length, 1);
  });

  it('drops events of conversations the kit did not open, notes the team keeps to itself, and messages to the business', async () => {
    await handedOff();
    await wixInboxV2_onMessageSentToParticipant(inbox.ownerReply('member-bob', 'A reply to someone else.', { conversationId: crypto.randomUUID() }));
    await wixInboxV2_onMessageSentToParticipant(inbox.ownerReply(ada.id, 'Internal: check the warehouse.', { visibility: 'BUSINESS' }));
    const toBusiness = inbox.ownerReply(ada.id, 'Sent by the member.');
    toBusiness.data.message.direction = 'PARTICIPANT_TO_BUSINESS';
    await wixInboxV2_onMessageSentToParticipant(toBusiness);
    await wixInboxV2_onMessageSentToParticipant({ nonsense: true });
    assert.equal(turnRows().filter((r) => r.kind === 'agent').length, 0);
    assert.equal(wix.published.length, 0);
    const lines = logged.filter((line) => line.includes('"method":"inboxReply"'));
    assert.deepEqual(lines.map((line) => JSON.parse(line).reason), ['inbox-foreign-conversation', 'inbox-team-note', 'inbox-not-to-member', 'inbox-event-unreadable']);
    assert.ok(!logged.some((line) => /someone else|warehouse|Sent by the member/.test(line)), 'no message text in a log line');
  });

  it('no log line of the whole handoff holds the API key, the email or message text', async () => {
    await handedOff();
    await sendChatMessage({ clientMessageId: newId(), text: 'Thanks, I am here.' });
    await wixInboxV2_onMessageSentToParticipant(inbox.ownerReply(ada.id, 'Hi Ada, your parcel left today.'));
    const all = logged.join('\n');
    assert.ok(logged.some((line) => line.includes('"method":"inboxReply"') && line.includes('"memberId":"member-ada"')));
    for (const secret of [API_KEY, ada.loginEmail, 'parcel', 'I am here', 'address']) assert.ok(!all.includes(secret), secret);
  });
});

describe('the member row on Wix (SiteGptMemberThreads)', () => {
  it('patches only handoff fields, and finds a member by their inbox conversation', async () => {
    const chat = await getMemberChat();
    assert.ok(chat.ok);
    const store = wixThreadStore('SiteGptMemberThreads');
    await store.patchHandoff(ada.id, { handoffState: 'offer', handoffThreadId: chat.threadId, inboxConversationId: 'conv-1' });
    const patch = wix.requests.filter((r) => r.path.endsWith('/items/patch')).at(-1)!;
    const fields = (patch.body as { patch: { fieldModifications: { fieldPath: string }[] } }).patch.fieldModifications.map((m) => m.fieldPath);
    assert.deepEqual(fields.sort(), ['handoffState', 'handoffThreadId', 'inboxConversationId']);
    const found = await store.findByInboxConversation('conv-1');
    assert.deepEqual([found?.memberId, found?.threadId, found?.handoffState], [ada.id, chat.threadId, 'offer']);
    assert.equal(await store.findByInboxConversation('conv-2'), null);
    assert.equal(CHATBOT_ID, found?.chatbotId);
  });
});
