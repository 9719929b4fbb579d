/**
 * A picture of each state (signed out, loading, ready, error) for the README: written under
 * test-output/screenshots (and, with `npm run screenshots`, to docs/screenshots). Each state is asserted first, so a
 * picture never shows the wrong one.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { screenshot, send, signIn, signOut, startBed, waitForState, widgetFrame, type Bed } from './support.js';

let bed: Bed;
before(async () => {
  bed = await startBed();
});
after(async () => {
  await bed?.close();
});

test('screenshots of the signed-out, loading, ready and error states', async () => {
  const page = await bed.openDevice();
  await waitForState(page, 'signed-out');
  await screenshot(page, 'signed-out');

  // A slow SiteGPT keeps the element in "loading" long enough to take its picture.
  bed.sandbox.standin!.faults.next({ kind: 'delay', ms: 2_500 });
  await signIn(page, 'ada');
  await waitForState(page, 'loading');
  await page.waitForTimeout(300); // the spinner's first frames
  await screenshot(page, 'loading');

  await widgetFrame(page);
  await send(page, 'How do I change my delivery address?');
  await page.waitForTimeout(200);
  await screenshot(page, 'ready');

  await signOut(page);
  await waitForState(page, 'signed-out');
  bed.sandbox.standin!.faults.next({ kind: 'status', status: 500 }, 2);
  await signIn(page, 'grace');
  await waitForState(page, 'error');
  assert.equal(await page.getAttribute('sitegpt-member-chat', 'error'), 'UPSTREAM_UNAVAILABLE');
  await screenshot(page, 'error');
  await page.context().close();
});
