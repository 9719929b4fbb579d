/**
 * A member hitting the per-minute limit (the guardrails' own, counted from the mirror): the send
 * is refused with RATE_LIMITED and no SiteGPT call, the pane counts down on the question, which
 * keeps its text, and once the countdown ends *Retry* sends that same question. The wait is the
 * real one (up to a minute): the limit counts real time.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { signIn, startBed, type Bed } from './support.js';
import { ask, openNativeDevice, paneReady, paneTurns, waitForAnswer } from './native.js';
import { answeredBy, postedToSitegpt, setSettings } from './guardrails.js';

let bed: Bed;
before(async () => {
  bed = await startBed();
  await setSettings(bed.sandbox, { limitPerMinute: 2 });
});
after(async () => {
  await bed?.close();
});

test('over the per-minute limit: a countdown on the question, its text kept, and Retry sends it once the countdown ends', async () => {
  const page = await openNativeDevice(bed.browser, bed.sandbox);
  await signIn(page, 'ada');
  await paneReady(page);
  await ask(page, 'First question this minute');
  await waitForAnswer(page, 'First question this minute');
  await ask(page, 'Second question this minute');
  await waitForAnswer(page, 'Second question this minute');

  const question = 'Third question, one too many';
  await ask(page, question);
  const turn = page.locator('sitegpt-member-chat [part~="turn"][data-status="failed"]', { hasText: question });
  const retry = turn.locator('[part~="retry-send-button"]');
  await retry.and(page.locator('[disabled]')).waitFor();
  const sendError = JSON.parse((await page.getAttribute('sitegpt-member-chat', 'send-error'))!) as { code: string; retryAfterMs?: number };
  assert.equal(sendError.code, 'RATE_LIMITED');
  assert.ok(sendError.retryAfterMs! > 0 && sendError.retryAfterMs! <= 60_000, `${sendError.retryAfterMs}`);
  assert.match((await retry.textContent())!.trim(), /^Try again in \d+ s$/);
  assert.match((await turn.locator('[part~="send-error"]').textContent())!, /Not sent\. There are too many requests right now\./);
  assert.equal((await paneTurns(page)).at(-1)!.question, question, 'the question keeps its text');
  assert.equal(postedToSitegpt(bed.sandbox, question), 0, 'a limited send makes no SiteGPT call');
  assert.equal(bed.sandbox.calls.filter((c) => c.method === 'sendChatMessage').at(-1)!.outcome, 'RATE_LIMITED');

  // The countdown ends when the limit has room again; Retry then sends the same question.
  await retry.and(page.locator(':not([disabled])')).waitFor({ timeout: 65_000 });
  assert.equal((await retry.textContent())!.trim(), 'Try again');
  await retry.click();
  assert.equal(await answeredBy(page, question), 'ai');
  assert.equal(postedToSitegpt(bed.sandbox, question), 1, 'posted once');
  assert.deepEqual((await paneTurns(page)).map((t) => t.status), ['answered', 'answered', 'answered']);
  await page.context().close();
});
