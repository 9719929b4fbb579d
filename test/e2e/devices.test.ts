/**
 * The kit's main job, end to end: one conversation per member across devices, nothing of a
 * member left after sign-out, another member gets their own thread.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { frameText, frameThread, send, signIn, signOut, startBed, waitForState, type Bed } from './support.js';

let bed: Bed;
before(async () => {
  bed = await startBed();
});
after(async () => {
  await bed?.close();
});

test('two devices signed in as the same member show one thread; a message sent on one is there after reloading the other', async () => {
  const phone = await bed.openDevice();
  const laptop = await bed.openDevice();
  await waitForState(phone, 'signed-out');
  await Promise.all([signIn(phone, 'ada'), signIn(laptop, 'ada')]);
  const [onPhone, onLaptop] = await Promise.all([frameThread(phone), frameThread(laptop)]);
  assert.equal(onPhone, onLaptop);
  assert.equal(bed.sandbox.threads.all().length, 1);
  assert.equal(bed.sandbox.threads.all()[0]!.threadId, onPhone);

  await send(phone, 'Hello from the phone');
  await laptop.reload();
  await laptop.waitForFunction(() => window.sandbox?.ready === true);
  assert.equal(await frameThread(laptop), onPhone, 'the session survives the reload');
  assert.match(await frameText(laptop), /Hello from the phone/);
  assert.equal(bed.sandbox.standin!.store.all().length, 1, 'one SiteGPT thread');
  await phone.context().close();
  await laptop.context().close();
});

test('sign-out leaves no widget and nothing of the member; another member gets their own thread', async () => {
  const page = await bed.openDevice();
  await signIn(page, 'grace');
  const graceThread = await frameThread(page);
  await signOut(page);
  await waitForState(page, 'signed-out');
  const leftovers = await page.evaluate(() => {
    const element = document.querySelector('sitegpt-member-chat')!;
    const shadow = element.shadowRoot!;
    return {
      frames: shadow.querySelectorAll('iframe').length,
      html: shadow.innerHTML + element.outerHTML,
    };
  });
  assert.equal(leftovers.frames, 0);
  assert.ok(!leftovers.html.includes(graceThread), 'no thread ID in the element');
  assert.ok(!leftovers.html.includes('grace'), 'no member ID or email in the element');

  await signIn(page, 'alan');
  const alanThread = await frameThread(page);
  assert.notEqual(alanThread, graceThread);
  assert.equal(bed.sandbox.threads.all().find((r) => r.memberId === 'alan')!.threadId, alanThread);
  await page.context().close();
});

test('"Sign in as…" takes any member ID: that member gets their own thread; an ID the element would refuse is not sent', async () => {
  const page = await bed.openDevice();
  await page.fill('[data-sign-in-as] input', 'tester-7');
  await page.press('[data-sign-in-as] input', 'Enter');
  const thread = await frameThread(page);
  assert.equal(await page.textContent('[data-who]'), 'Signed in as tester-7');
  assert.equal(bed.sandbox.threads.all().find((r) => r.memberId === 'tester-7')!.threadId, thread);

  const logins = bed.sandbox.calls.length;
  await page.fill('[data-sign-in-as] input', 'not valid!');
  await page.click('[data-sign-in-as] button');
  assert.equal(await page.$eval('[data-sign-in-as] input', (input) => (input as HTMLInputElement).validity.valid), false);
  assert.equal(await page.textContent('[data-who]'), 'Signed in as tester-7', 'still the same member');
  assert.equal(bed.sandbox.calls.length, logins, 'no web-method call for a refused ID');
  await page.context().close();
});
