/**
 * Native mode end to end: a send that fails keeps its text and offers *Retry*, and the retry
 * never posts the question to SiteGPT twice: after a refusal (429) it is posted once; after a
 * failure that may have reached SiteGPT (500) nothing is posted again at once; after a timeout
 * (the question reached SiteGPT, the answer came too late) it is taken from SiteGPT's thread,
 * not posted again. "Posted" is read from the stand-in's threads: what SiteGPT stored.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { signIn, startBed, type Bed } from './support.js';
import { ask, openNativeDevice, paneReady, paneTurns, waitForAnswer } from './native.js';

let bed: Bed;
before(async () => {
  bed = await startBed();
});
after(async () => {
  await bed?.close();
});

/** How many times SiteGPT's threads hold this question. */
function storedAtSitegpt(question: string): number {
  return bed.sandbox.standin!.store.all().flatMap((t) => t.messages).filter((m) => m.question?.text === question).length;
}

async function failedTurn(page: Page, question: string): Promise<void> {
  await page.locator('sitegpt-member-chat [part~="turn"][data-status="failed"]', { hasText: question }).locator('[part~="retry-send-button"]').waitFor({ timeout: 20_000 });
}

test('SiteGPT refuses the send (429): the text stays with Retry; Retry posts the question once', async () => {
  const page = await openNativeDevice(bed.browser, bed.sandbox);
  await signIn(page, 'ada');
  await paneReady(page);
  bed.sandbox.standin!.faults.next({ kind: 'status', status: 429 });
  const question = 'Will this arrive exactly once?';
  await ask(page, question);
  await failedTurn(page, question);
  assert.deepEqual((await paneTurns(page)).map((t) => [t.status, t.question]), [['failed', question]], 'the text stays on screen');
  assert.equal(storedAtSitegpt(question), 0);

  await page.locator('sitegpt-member-chat [part~="retry-send-button"]').click();
  await waitForAnswer(page, question);
  assert.equal(storedAtSitegpt(question), 1, 'posted once');
  const sends = bed.sandbox.calls.filter((c) => c.method === 'sendChatMessage' && c.memberId === 'ada').map((c) => c.outcome);
  assert.deepEqual(sends, ['RATE_LIMITED', 'OK']);
  const rows = bed.sandbox.transcript.all('ada');
  assert.equal(rows.filter((r) => r.kind !== 'claim').length, 1, 'one turn row for the question and its retry');
  assert.equal((await paneTurns(page)).length, 1);
  await page.context().close();
});

test('SiteGPT fails the send with a 500 (it may have stored it): an immediate Retry posts nothing and says when to try', async () => {
  const page = await openNativeDevice(bed.browser, bed.sandbox);
  await signIn(page, 'alan');
  await paneReady(page);
  bed.sandbox.standin!.faults.next({ kind: 'status', status: 500 });
  const question = 'Did this reach SiteGPT or not?';
  await ask(page, question);
  await failedTurn(page, question);
  await page.locator('sitegpt-member-chat [part~="retry-send-button"]').click();
  // The backend reads SiteGPT's thread first; the question is not there yet, so it waits for it to settle.
  await page.locator('sitegpt-member-chat [part~="retry-send-button"][disabled]').waitFor();
  const error = JSON.parse((await page.getAttribute('sitegpt-member-chat', 'send-error'))!) as { code: string; retryAfterMs?: number };
  assert.equal(error.code, 'UPSTREAM_UNAVAILABLE');
  assert.ok((error.retryAfterMs ?? 0) > 0, 'the member is told when to try again');
  assert.equal(storedAtSitegpt(question), 0, 'not posted again');
  assert.deepEqual((await paneTurns(page)).map((t) => [t.status, t.question]), [['failed', question]]);
  await page.context().close();
});

test('a send that timed out after reaching SiteGPT: Retry adopts the answer from SiteGPT\'s thread, no second post', async () => {
  const page = await openNativeDevice(bed.browser, bed.sandbox);
  await signIn(page, 'grace');
  await paneReady(page);
  // SiteGPT stores the question but answers after the backend's 10 s budget for a send.
  bed.sandbox.standin!.faults.next({ kind: 'delay', ms: 10_500 });
  const question = 'A late one that must not be posted twice';
  await ask(page, question);
  await failedTurn(page, question);
  await waitUntil(() => storedAtSitegpt(question) === 1, 5_000);

  await page.locator('sitegpt-member-chat [part~="retry-send-button"]').click();
  await waitForAnswer(page, question);
  assert.equal(storedAtSitegpt(question), 1, 'never posted again');
  assert.match((await paneTurns(page))[0]!.answer, /Stand-in answer to: A late one/);
  await page.context().close();
});

async function waitUntil(check: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
