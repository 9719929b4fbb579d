/**
 * Issue 14, "Delete my chat", end to end in the sandbox, as the install guide's privacy note
 * describes it: the element's menu → its confirmation in words → page code → forgetMyChat →
 * the member's new, empty chat. In native mode the member's mirrored turns are gone from the
 * store (another member's stay), the member's row points at no old thread, and their second
 * open device follows to the empty chat; in widget mode the widget moves to a new thread. Also
 * takes the guide's pictures of the menu and the confirmation (docs/screenshots with
 * `npm run screenshots`, see support.ts).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { frameText, frameThread, screenshot, send, signIn, startBed, waitForState, type Bed } from './support.js';
import { ask, openNativeDevice, paneReady, paneTurns, realtimeOpen, waitForAnswer } from './native.js';

let bed: Bed;
before(async () => {
  bed = await startBed();
});
after(async () => {
  await bed?.close();
});

const chatBox = (page: Page) => page.locator('.chat-box');
const part = (page: Page, name: string) => page.locator(`sitegpt-member-chat [part~="${name}"]`);
const CONFIRM = "Delete your chat? You'll start again with an empty chat, and this one can't be brought back.";

/** What a member does: the menu, *Delete my chat*, then *Delete* in the confirmation. */
async function openConfirmation(page: Page): Promise<void> {
  await part(page, 'menu-button').click();
  await part(page, 'delete-chat-button').click();
  await part(page, 'confirm').getByText(CONFIRM).waitFor();
}

test('native mode: Delete my chat empties the pane on every device and removes the member\'s mirrored turns', async () => {
  const ada = await openNativeDevice(bed.browser, bed.sandbox);
  await signIn(ada, 'ada');
  await paneReady(ada);
  const phone = await openNativeDevice(bed.browser, bed.sandbox, { width: 360, height: 740 });
  await signIn(phone, 'ada');
  await paneReady(phone);
  await realtimeOpen(phone);
  const grace = await openNativeDevice(bed.browser, bed.sandbox);
  await signIn(grace, 'grace');
  await paneReady(grace);
  await ask(grace, "Grace's own question");
  await waitForAnswer(grace, "Grace's own question");

  await ask(ada, 'A question Ada wants forgotten');
  await waitForAnswer(ada, 'A question Ada wants forgotten');
  await waitForAnswer(phone, 'A question Ada wants forgotten');
  const oldThread = (await ada.getAttribute('sitegpt-member-chat', 'thread'))!;
  assert.equal(bed.sandbox.transcript.all('ada').filter((row) => row.kind !== 'claim').length, 1);

  await part(ada, 'menu-button').click();
  await part(ada, 'delete-chat-button').waitFor();
  await screenshot(ada, 'delete-chat-menu', chatBox(ada));
  await part(ada, 'delete-chat-button').click();
  await part(ada, 'confirm').getByText(CONFIRM).waitFor();
  await screenshot(ada, 'delete-chat-confirm', chatBox(ada));

  await part(ada, 'confirm-button').click();
  await part(ada, 'deleted-text').getByText('Your chat was deleted.').waitFor();
  await paneReady(ada);
  const newThread = (await ada.getAttribute('sitegpt-member-chat', 'thread'))!;
  assert.notEqual(newThread, oldThread, 'the member is on a new thread');
  assert.deepEqual(await paneTurns(ada), [], 'the pane is empty');
  assert.equal(await part(ada, 'starter-button').count(), 3, 'an empty chat offers its starters again');
  await screenshot(ada, 'delete-chat-done', chatBox(ada));

  // Stored: none of Ada's rows in the mirror, and her thread row points at the new thread only.
  assert.deepEqual(bed.sandbox.transcript.all('ada'), []);
  const row = bed.sandbox.threads.all().find((r) => r.memberId === 'ada');
  assert.ok(row && row.threadId === newThread, 'the row holds the new thread');
  assert.ok(bed.sandbox.transcript.all('grace').some((r) => r.question === "Grace's own question"), "another member's turns stay");

  // Ada's phone follows without a reload; Grace's chat is untouched.
  await phone.waitForFunction((thread) => document.querySelector('sitegpt-member-chat')?.getAttribute('thread') === thread, newThread);
  await paneReady(phone);
  assert.deepEqual(await paneTurns(phone), []);
  assert.equal((await paneTurns(grace)).length, 1);

  // A reload shows the empty chat too: nothing came back from anywhere.
  await ada.reload();
  await ada.waitForFunction(() => window.sandbox?.ready === true);
  await paneReady(ada);
  assert.deepEqual(await paneTurns(ada), []);
  assert.doesNotMatch(await ada.evaluate(() => document.querySelector('sitegpt-member-chat')!.shadowRoot!.innerHTML), /wants forgotten/);

  for (const page of [ada, phone, grace]) await page.context().close();
});

test('native mode: Cancel keeps the chat, and nothing is deleted', async () => {
  const page = await openNativeDevice(bed.browser, bed.sandbox);
  await signIn(page, 'grace');
  await paneReady(page);
  await ask(page, 'Keep this one');
  await waitForAnswer(page, 'Keep this one');
  const turns = (await paneTurns(page)).length;
  const calls = bed.sandbox.calls.length;
  await openConfirmation(page);
  await part(page, 'cancel-button').click();
  assert.equal(await part(page, 'confirm').count(), 0);
  assert.equal((await paneTurns(page)).length, turns);
  assert.equal(bed.sandbox.calls.slice(calls).filter((line) => line.method === 'forgetMyChat').length, 0);
  assert.equal(bed.sandbox.transcript.all('grace').filter((row) => row.kind !== 'claim').length, turns);
  await page.context().close();
});

test('widget mode: Delete my chat moves the widget to a new, empty thread', async () => {
  const page = await bed.openDevice();
  await signIn(page, 'alan');
  await waitForState(page, 'ready');
  const oldThread = await frameThread(page);
  await send(page, 'A widget question to forget');
  assert.match(await frameText(page), /A widget question to forget/);

  await openConfirmation(page);
  await part(page, 'confirm-button').click();
  await part(page, 'deleted-text').waitFor();
  const newThread = await frameThread(page);
  assert.notEqual(newThread, oldThread);
  assert.doesNotMatch(await frameText(page), /A widget question to forget/);
  await page.context().close();
});
