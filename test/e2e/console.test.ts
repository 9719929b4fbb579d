/**
 * The README asks a new user to open the console: it must be clean, in both modes. Page load,
 * sign-in, sign-out, a member switch and a reload (native mode: and a conversation, with its
 * realtime stream) log no error or warning, throw nothing, and no request fails (the page, its
 * modules, the widget frame, the realtime stream and a favicon).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { frameThread, pageUrl, signIn, signOut, startBed, waitForState, type Bed } from './support.js';
import { ask, nativeUrl, paneReady, realtimeOpen, waitForAnswer } from './native.js';

let bed: Bed;
before(async () => {
  bed = await startBed();
});
after(async () => {
  await bed?.close();
});

/** Everything a developer would see as a problem in DevTools (console and network), in order. */
function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`console.${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`failed: ${request.url()} ${request.failure()?.errorText ?? ''}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return problems;
}

test('a clean console: load, sign in, sign out, switch members, reload', async () => {
  const context = await bed.browser.newContext({ viewport: { width: 1200, height: 720 } });
  const page = await context.newPage();
  const problems = watch(page);
  await page.goto(pageUrl(bed.sandbox));
  await page.waitForFunction(() => window.sandbox?.ready === true);
  await waitForState(page, 'signed-out');

  await signIn(page, 'ada');
  const ada = await frameThread(page);
  await signOut(page);
  await waitForState(page, 'signed-out');
  await signIn(page, 'grace');
  const grace = await frameThread(page);
  await signIn(page, 'alan'); // a switch: sign-out and sign-in in one click
  const alan = await frameThread(page);
  assert.equal(new Set([ada, grace, alan]).size, 3);
  await page.reload();
  await page.waitForFunction(() => window.sandbox?.ready === true);
  assert.equal(await frameThread(page), alan);
  // Give a late websocket retry or favicon request time to show up before judging.
  await page.waitForTimeout(500);
  // The site-wide service channel's stream (the operator's kill switch) ends as the member's does
  // in native mode: the page closes it at sign-out, a switch or a reload (see below).
  assert.deepEqual(problems.filter((p) => !isClosedServiceStream(p)), []);
  await context.close();
});

test('a clean console in native mode: sign in, a conversation, sign out, switch members, reload', async () => {
  const context = await bed.browser.newContext({ viewport: { width: 1200, height: 720 } });
  const page = await context.newPage();
  const problems = watch(page);
  await page.goto(nativeUrl(bed.sandbox));
  await page.waitForFunction(() => window.sandbox?.ready === true);
  await waitForState(page, 'signed-out');

  await signIn(page, 'ada');
  await paneReady(page);
  await realtimeOpen(page);
  await ask(page, 'Is the console clean?');
  await waitForAnswer(page, 'Is the console clean?');
  await signOut(page);
  await waitForState(page, 'signed-out');
  await signIn(page, 'grace');
  await paneReady(page);
  await signIn(page, 'alan'); // a switch: sign-out and sign-in in one click
  await paneReady(page);
  await realtimeOpen(page);
  await page.reload();
  await page.waitForFunction(() => window.sandbox?.ready === true);
  await paneReady(page);
  await page.waitForTimeout(500);
  // A realtime stream ends by the page closing its EventSource (sign-out, a switch, a reload),
  // which Chromium reports as an aborted request: that is the stream's normal end, not a failure.
  // Anything else about /_realtime (a 403, a 5xx) still counts.
  const closedStreams = problems.filter((p) => /^failed: \S+\/_realtime\?resource=\S+ net::ERR_ABORTED$/.test(p));
  assert.ok(closedStreams.length >= 2, `Ada's stream at sign-out and Alan's at the reload: ${problems.join('\n')}`);
  assert.deepEqual(problems.filter((p) => !closedStreams.includes(p) && !isClosedServiceStream(p)), []);
  await context.close();
});

/** The service channel's stream, closed by the page: an aborted request, its normal end. */
function isClosedServiceStream(problem: string): boolean {
  return /^failed: \S+\/_realtime\?channel=sitegpt-chat-service net::ERR_ABORTED$/.test(problem);
}
