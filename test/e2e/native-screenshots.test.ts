/**
 * Pictures of native mode's pane for the README: empty (with starters), a conversation, the
 * typing indicator, a failed send and a rate-limited one, and the pane on a 360 px wide phone.
 * Written under test-output/screenshots (and, with `npm run screenshots`, to docs/screenshots).
 * Each state is asserted first, so a picture never shows the wrong one.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { screenshot, signIn, startBed, type Bed } from './support.js';
import { ask, openNativeDevice, paneReady, paneTurns, waitForAnswer } from './native.js';

let bed: Bed;
before(async () => {
  bed = await startBed();
});
after(async () => {
  await bed?.close();
});

const chatBox = (page: Page) => page.locator('.chat-box');
const inPane = (page: Page, part: string) => page.locator(`sitegpt-member-chat [part~="${part}"]`);

test('screenshots of the native pane: empty, conversation, typing, failed send, rate limited, 360 px', async () => {
  const page = await openNativeDevice(bed.browser, bed.sandbox);
  await signIn(page, 'ada');
  await paneReady(page);
  assert.equal(await inPane(page, 'starter-button').count(), 3);
  await screenshot(page, 'native-empty', chatBox(page));

  await inPane(page, 'starter-button').first().click();
  await waitForAnswer(page, 'How do I change my delivery address?');
  await ask(page, 'And the opening hours? (no sources)');
  await waitForAnswer(page, 'And the opening hours?');
  await inPane(page, 'vote-button').nth(2).click(); // thumbs up on the second answer
  await page.locator('sitegpt-member-chat [part~="vote-button"][aria-pressed="true"]').waitFor();
  assert.equal(await inPane(page, 'sources').count(), 1, 'the second answer has no sources');
  await screenshot(page, 'native-conversation', chatBox(page));

  // The same member on a phone 360 px wide: the same history, the pane fits.
  const phone = await openNativeDevice(bed.browser, bed.sandbox, { width: 360, height: 740 });
  await signIn(phone, 'ada');
  await paneReady(phone);
  assert.deepEqual(await paneTurns(phone), await paneTurns(page));
  const box = await chatBox(phone).boundingBox();
  assert.ok(box && box.width <= 360, `the pane fits the phone (${box?.width} px)`);
  await screenshot(phone, 'native-360', chatBox(phone));

  await ask(page, 'Can you look this up slowly?');
  await inPane(page, 'typing').waitFor();
  await screenshot(page, 'native-typing', chatBox(page));
  await waitForAnswer(page, 'Can you look this up slowly?');
  assert.equal(await inPane(page, 'typing').count(), 0);

  await ask(page, 'This question will fail');
  await page.locator('sitegpt-member-chat [part~="turn"][data-status="failed"]').waitFor();
  assert.equal(await inPane(page, 'retry-send-button').count(), 1);
  await screenshot(page, 'native-failed-send', chatBox(page));

  bed.sandbox.standin!.faults.next({ kind: 'status', status: 429, retryAfter: '30' });
  await ask(page, 'One more question');
  await page.locator('sitegpt-member-chat [part~="retry-send-button"][disabled]').waitFor();
  const sendError = JSON.parse((await page.getAttribute('sitegpt-member-chat', 'send-error'))!) as { code: string; retryAfterMs?: number };
  assert.equal(sendError.code, 'RATE_LIMITED');
  assert.equal(sendError.retryAfterMs, 30_000);
  await screenshot(page, 'native-rate-limited', chatBox(page));

  await page.context().close();
  await phone.context().close();
});
