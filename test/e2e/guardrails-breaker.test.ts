/**
 * SiteGPT failing opens the circuit breaker: after two failed sends (the stand-in's 500 faults)
 * the next questions get static replies, labelled as automatic, with no SiteGPT call; once the
 * breaker's open time has passed, one probe reaches SiteGPT and its answer closes it again.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { signIn, startBed, type Bed } from './support.js';
import { ask, openNativeDevice, paneReady } from './native.js';
import { answeredBy, answerText, postedToSitegpt, setSettings } from './guardrails.js';

const OPEN_SECONDS = 3;

let bed: Bed;
before(async () => {
  bed = await startBed();
  await setSettings(bed.sandbox, {
    breakerFailures: 2,
    breakerWindowSeconds: 60,
    breakerOpenSeconds: OPEN_SECONDS,
    staticReplies: JSON.stringify([{ keywords: ['delivery'], reply: 'Deliveries take 2 to 3 working days.' }]),
  });
});
after(async () => {
  await bed?.close();
});

async function failedSend(page: Page, question: string): Promise<void> {
  bed.sandbox.standin!.faults.next({ kind: 'status', status: 500 });
  await ask(page, question);
  await page.locator('sitegpt-member-chat [part~="turn"][data-status="failed"]', { hasText: question }).waitFor();
}

test('two SiteGPT failures open the breaker: automatic replies with no SiteGPT call, then SiteGPT again after the open time', async () => {
  const page = await openNativeDevice(bed.browser, bed.sandbox);
  await signIn(page, 'grace');
  await paneReady(page);
  await ask(page, 'Is SiteGPT up?');
  assert.equal(await answeredBy(page, 'Is SiteGPT up?'), 'ai');

  await failedSend(page, 'This one fails');
  await failedSend(page, 'This one fails too');

  const question = 'How long does delivery take?';
  await ask(page, question);
  assert.equal(await answeredBy(page, question), 'fallback');
  assert.match(await answerText(page, question), /^Automatic reply .*Deliveries take 2 to 3 working days\./);
  assert.equal(postedToSitegpt(bed.sandbox, question), 0, 'the open breaker makes no SiteGPT call');
  const call = bed.sandbox.calls.filter((c) => c.method === 'sendChatMessage').at(-1)!;
  assert.equal(call.outcome, 'OK');
  assert.equal(call.sitegptCalled, false);

  // After the open time, one probe goes to SiteGPT, which answers: closed again.
  await new Promise((resolve) => setTimeout(resolve, OPEN_SECONDS * 1000 + 300));
  await ask(page, 'Are you back?');
  assert.equal(await answeredBy(page, 'Are you back?'), 'ai');
  assert.equal(postedToSitegpt(bed.sandbox, 'Are you back?'), 1);
  await ask(page, 'And still back?');
  assert.equal(await answeredBy(page, 'And still back?'), 'ai');
  await page.context().close();
});
