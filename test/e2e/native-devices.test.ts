/**
 * Native mode end to end, on several devices (browser contexts) of one member: a message sent
 * on one shows on the other without a reload (realtime notice → getChatMessages), a reload
 * shows the same history, a new conversation on one is followed on the other, and a member
 * switch leaves none of the previous member's turns in the element.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { signIn, startBed, waitForState, type Bed } from './support.js';
import { ask, elementText, openNativeDevice, paneReady, paneTurns, realtimeOpen, waitForAnswer } from './native.js';

let bed: Bed;
before(async () => {
  bed = await startBed();
});
after(async () => {
  await bed?.close();
});

test('two devices of one member: a message sent on the laptop appears on the phone without a reload; a reload shows the same history', async () => {
  const laptop = await openNativeDevice(bed.browser, bed.sandbox);
  const phone = await openNativeDevice(bed.browser, bed.sandbox, { width: 360, height: 740 });
  await Promise.all([signIn(laptop, 'ada'), signIn(phone, 'ada')]);
  await Promise.all([paneReady(laptop), paneReady(phone), realtimeOpen(laptop), realtimeOpen(phone)]);
  await phone.evaluate(() => ((window as unknown as { stillThisPage: boolean }).stillThisPage = true));

  await ask(laptop, 'Hello from the laptop');
  await waitForAnswer(laptop, 'Hello from the laptop');
  await waitForAnswer(phone, 'Hello from the laptop');
  assert.equal(await phone.evaluate(() => (window as unknown as { stillThisPage?: boolean }).stillThisPage), true, 'the phone did not reload');
  const onLaptop = await paneTurns(laptop);
  assert.deepEqual(await paneTurns(phone), onLaptop);
  assert.equal(onLaptop.length, 1);
  assert.match(onLaptop[0]!.answer, /Stand-in answer to: Hello from the laptop/);
  const phoneCalls = await phone.evaluate(() => window.sandbox.log.filter((e) => e.kind === 'call').map((e) => e.name));
  assert.ok(phoneCalls.includes('getChatMessages()'), 'the phone fetched the new turn itself');
  assert.ok(!phoneCalls.includes('sendChatMessage()'));

  // And the other way round, then a reload of the laptop: the same history, in the same order.
  await ask(phone, 'And one from the phone');
  await waitForAnswer(laptop, 'And one from the phone');
  await laptop.reload();
  await laptop.waitForFunction(() => window.sandbox?.ready === true);
  await paneReady(laptop);
  assert.deepEqual(
    (await paneTurns(laptop)).map((t) => t.question),
    ['Hello from the laptop', 'And one from the phone'],
  );
  assert.deepEqual(await paneTurns(laptop), await paneTurns(phone));
  // Claim rows are content-free locks (here each question's rate-limit slot), not turns.
  assert.equal(bed.sandbox.transcript.all('ada').filter((r) => r.kind !== 'claim').length, 2, 'one mirrored row per turn');
  const standin = bed.sandbox.standin!.store.all();
  assert.equal(standin.length, 1, 'one SiteGPT thread');
  assert.equal(standin[0]!.messages.length, 2, 'each question reached SiteGPT once');

  // A new conversation on the laptop is followed on the phone at once: an empty pane, no reload.
  await laptop.locator('sitegpt-member-chat [part~="new-conversation-button"]').click();
  await laptop.locator('sitegpt-member-chat [part~="confirm-button"]').click();
  await laptop.waitForFunction(() => document.querySelector('sitegpt-member-chat')!.shadowRoot!.querySelectorAll('[part~="turn"]').length === 0);
  await phone.waitForFunction(() => document.querySelector('sitegpt-member-chat')!.shadowRoot!.querySelectorAll('[part~="turn"]').length === 0);
  assert.equal(await phone.getAttribute('sitegpt-member-chat', 'thread'), await laptop.getAttribute('sitegpt-member-chat', 'thread'));
  assert.equal(await phone.evaluate(() => (window as unknown as { stillThisPage?: boolean }).stillThisPage), true);
  await laptop.context().close();
  await phone.context().close();
});

test('a member switch shows none of the previous member\'s turns, not even while the next one loads', async () => {
  const page = await openNativeDevice(bed.browser, bed.sandbox);
  await signIn(page, 'grace');
  await paneReady(page);
  await ask(page, 'Grace asks about her invoice');
  await waitForAnswer(page, 'Grace asks about her invoice');
  const graceThread = (await page.getAttribute('sitegpt-member-chat', 'thread'))!;

  // A slow SiteGPT keeps Alan (a new member: his first call creates his thread) loading.
  bed.sandbox.standin!.faults.next({ kind: 'delay', ms: 1_500 });
  await signIn(page, 'alan');
  await waitForState(page, 'loading');
  const whileLoading = await elementText(page);
  for (const leftover of ['Grace asks', 'invoice', 'Stand-in answer', graceThread]) {
    assert.ok(!whileLoading.includes(leftover), `"${leftover}" is still in the element while Alan loads`);
  }
  await paneReady(page);
  assert.deepEqual(await paneTurns(page), []);
  const asAlan = await elementText(page);
  assert.ok(!asAlan.includes('Grace asks') && !asAlan.includes(graceThread));
  assert.ok(!(await page.getAttribute('sitegpt-member-chat', 'messages'))?.includes('Grace'), 'nor in the messages attribute');
  await page.context().close();
});

test('a human agent\'s reply (played from the panel) shows on the member\'s open devices as an agent turn', async () => {
  const laptop = await openNativeDevice(bed.browser, bed.sandbox);
  const phone = await openNativeDevice(bed.browser, bed.sandbox, { width: 360, height: 740 });
  await laptop.fill('[data-sign-in-as] input', 'tester-agent');
  await laptop.press('[data-sign-in-as] input', 'Enter');
  await phone.fill('[data-sign-in-as] input', 'tester-agent');
  await phone.press('[data-sign-in-as] input', 'Enter');
  await Promise.all([paneReady(laptop), paneReady(phone), realtimeOpen(laptop), realtimeOpen(phone)]);
  await ask(laptop, 'Can a person help me?');
  await waitForAnswer(phone, 'Can a person help me?');

  await laptop.fill('[data-agent-form] input', 'Hi, this is Sam from support.');
  await laptop.click('[data-agent-form] button');
  for (const device of [laptop, phone]) {
    await device.locator('sitegpt-member-chat [part~="answer"][data-kind="agent"]', { hasText: 'Hi, this is Sam from support.' }).waitFor();
  }
  const rows = bed.sandbox.transcript.all('tester-agent').filter((r) => r.kind !== 'claim');
  assert.deepEqual(rows.map((r) => r.kind), ['ai', 'agent'], 'mirrored once, as an agent turn');
  await laptop.context().close();
  await phone.context().close();
});
