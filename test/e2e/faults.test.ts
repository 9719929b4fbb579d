/**
 * SiteGPT failing, then recovering: the member sees the error view, "Try again" recovers, and
 * the retry lands on the same (one) thread. The fault switch is the sandbox's own dev endpoint,
 * which exists only while the stand-in is used.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { frameThread, signIn, startBed, waitForState, type Bed } from './support.js';

let bed: Bed;
before(async () => {
  bed = await startBed();
});
after(async () => {
  await bed?.close();
});

test('SiteGPT answering 500s: error view, retry recovers, no second thread', async () => {
  const page = await bed.openDevice();
  // The page's own origin calls the switch, as a developer would from the console.
  const pending = await page.evaluate(async () => {
    const response = await fetch('/_sandbox/faults', { method: 'POST', body: JSON.stringify({ status: 500, times: 2 }) });
    return ((await response.json()) as { pending: number }).pending;
  });
  assert.equal(pending, 2, 'the client retries a 5xx once, so two 500s fail one call');
  await signIn(page, 'ada');
  await waitForState(page, 'error');
  assert.equal(await page.getAttribute('sitegpt-member-chat', 'error'), 'UPSTREAM_UNAVAILABLE');
  assert.equal(bed.sandbox.threads.all().length, 0, 'nothing stored for a failed call');

  await page.click('sitegpt-member-chat [part~="retry-button"]');
  const thread = await frameThread(page);
  assert.equal(bed.sandbox.threads.all().length, 1);
  assert.equal(bed.sandbox.threads.all()[0]!.threadId, thread);
  assert.deepEqual(
    bed.sandbox.standin!.store.all().map((t) => t.threadId),
    [thread],
    'one SiteGPT thread: the retry derived the same ID',
  );
  const calls = bed.sandbox.calls.map((c) => `${c.method}:${c.outcome}`);
  assert.deepEqual(calls, ['getMemberChat:UPSTREAM_UNAVAILABLE', 'getMemberChat:OK']);
  await page.context().close();
});

test('the panel queues faults from its buttons and shows what is pending, without the console', async () => {
  const page = await bed.openDevice();
  const pending = page.locator('[data-faults-pending]');
  await page.getByRole('button', { name: '500 ×2' }).click();
  await page.waitForSelector('[data-faults-pending]:has-text("Pending: HTTP 500 ×2")');
  await signIn(page, 'grace');
  await waitForState(page, 'error');
  assert.equal(await page.getAttribute('sitegpt-member-chat', 'error'), 'UPSTREAM_UNAVAILABLE');
  await page.waitForSelector('[data-faults-pending]:has-text("No pending faults.")');

  await page.getByRole('button', { name: 'garbage 200' }).click();
  await page.getByRole('button', { name: 'slow 3 s' }).click();
  await page.waitForSelector('[data-faults-pending]:has-text("Pending: garbage 200 ×1, slow 3000 ms ×1")');
  await page.getByRole('button', { name: 'clear faults' }).click();
  await page.waitForSelector('[data-faults-pending]:has-text("No pending faults.")');
  assert.equal(bed.sandbox.standin!.faults.pending, 0);
  assert.equal(await pending.isVisible(), true);

  await page.click('sitegpt-member-chat [part~="retry-button"]');
  await frameThread(page);
  assert.equal(bed.sandbox.threads.all().filter((r) => r.memberId === 'grace').length, 1);
  await page.context().close();
});

test('the fault switch does not exist when the real SiteGPT is configured', async () => {
  const { startSandbox } = await import('../../sandbox/server.js');
  const real = await startSandbox({
    port: 0,
    dir: `${bed.dir}/real`,
    quiet: true,
    env: { SITEGPT_API_KEY: 'k', SITEGPT_CHATBOT_ID: '123' },
  });
  try {
    const response = await fetch(`http://127.0.0.1:${real.port}/_sandbox/faults`, { method: 'POST', body: '{}' });
    assert.notEqual(response.status, 200);
    assert.equal((await fetch(`http://127.0.0.1:${real.port}/sitegpt/chat.js`)).status, 404, 'no stand-in widget');
    const config = (await (await fetch(`http://127.0.0.1:${real.port}/_sandbox/config`)).json()) as { mode: string; widgetPath: unknown };
    assert.deepEqual([config.mode, config.widgetPath], ['sitegpt', null]);
    assert.equal(real.standin, undefined);
    const page = await bed.browser.newPage();
    await page.goto(`http://127.0.0.1:${real.port}/`);
    await page.waitForFunction(() => window.sandbox?.ready === true);
    assert.equal(await page.isVisible('[data-fault-panel]'), false, 'no fault buttons on the page');
    await page.close();
  } finally {
    await real.close();
  }
});
