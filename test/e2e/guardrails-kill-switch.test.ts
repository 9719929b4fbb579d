/**
 * The operator's kill switch, flipped live while two members chat (native mode, realtime on):
 * `fallback` → their next answers are static replies, labelled as automatic, with no SiteGPT
 * call; `off` → both see the closed view with the contact link, and a send is refused; `on` →
 * SiteGPT answers again. No reload anywhere: the site-wide service notice brings each change.
 * Widget mode in `fallback` shows the pane (static replies) instead of SiteGPT's widget.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { signIn, startBed, waitForState, widgetFrame, type Bed } from './support.js';
import { ask, openNativeDevice, paneReady, realtimeOpen } from './native.js';
import { answeredBy, answerText, automaticNote, closedView, postedToSitegpt, serviceChannelOpen, setSettings } from './guardrails.js';

let bed: Bed;
before(async () => {
  bed = await startBed();
  await setSettings(bed.sandbox, {
    staticReplies: JSON.stringify([{ keywords: ['hours', 'open'], reply: 'We are open 9 to 5, Monday to Friday.' }]),
    closedMessage: 'The chat is closed for maintenance. You can reach our team here: {contact}',
    contactUrl: '/contact',
  });
});
after(async () => {
  await bed?.close();
});

async function member(id: string): Promise<Page> {
  const page = await openNativeDevice(bed.browser, bed.sandbox);
  await signIn(page, id);
  await Promise.all([paneReady(page), realtimeOpen(page), serviceChannelOpen(page)]);
  return page;
}

test('kill switch flipped live while two members chat: fallback, off, on', async () => {
  const [ada, grace] = await Promise.all([member('ada'), member('grace')]);
  await ask(ada, 'What is a sandbox?');
  await ask(grace, 'How do I reset my password?');
  assert.equal(await answeredBy(ada, 'What is a sandbox?'), 'ai');
  assert.equal(await answeredBy(grace, 'How do I reset my password?'), 'ai');

  // fallback: each page hears of it and says answers are automatic; the answers are static replies.
  await setSettings(bed.sandbox, { mode: 'fallback' });
  await Promise.all([automaticNote(ada, true), automaticNote(grace, true)]);
  await ask(ada, 'When are you open?');
  await ask(grace, 'Can I talk to someone?');
  assert.equal(await answeredBy(ada, 'When are you open?'), 'fallback');
  assert.equal(await answeredBy(grace, 'Can I talk to someone?'), 'fallback');
  assert.match(await answerText(ada, 'When are you open?'), /^Automatic reply .*We are open 9 to 5, Monday to Friday\./);
  assert.match(await answerText(grace, 'Can I talk to someone?'), /\/contact/, 'the default reply gives the contact path');
  assert.equal(postedToSitegpt(bed.sandbox, 'When are you open?'), 0, 'no SiteGPT call for a static reply');
  assert.equal(postedToSitegpt(bed.sandbox, 'Can I talk to someone?'), 0);

  // off: the closed view on both, in words, with the contact link; no composer.
  const typed = 'A question I am still typing';
  await ada.locator('sitegpt-member-chat [part~="input"]').fill(typed);
  await setSettings(bed.sandbox, { mode: 'off' });
  for (const page of [ada, grace]) {
    const closed = await closedView(page);
    assert.match(closed.text, /The chat is closed.*The chat is closed for maintenance\. You can reach our team here: \/contact/);
    assert.equal(closed.href, '/contact');
    assert.equal(await page.locator('sitegpt-member-chat [part~="composer"]').count(), 0);
  }
  assert.ok(bed.sandbox.realtime.publishedService.length >= 2, 'each change went out as a site-wide notice');

  // on again, from the operator panel on a page: SiteGPT answers, the member's typing is still there.
  await grace.locator('[data-operator-panel] [data-service-mode="on"]').click();
  await Promise.all([paneReady(ada), paneReady(grace)]);
  await Promise.all([automaticNote(ada, false), automaticNote(grace, false)]);
  assert.equal(await ada.locator('sitegpt-member-chat [part~="input"]').inputValue(), typed, 'the typed text survived the closed view');
  await ask(ada, 'Back to normal?');
  assert.equal(await answeredBy(ada, 'Back to normal?'), 'ai');
  assert.equal(postedToSitegpt(bed.sandbox, 'Back to normal?'), 1);
  const sends = bed.sandbox.calls.filter((c) => c.method === 'sendChatMessage');
  assert.ok(sends.every((c) => c.outcome === 'OK'), sends.map((c) => c.outcome).join());
  await Promise.all([ada.context().close(), grace.context().close()]);
});

test('a send while the chat is off is refused in words, keeps its text, and the page shows the closed view', async () => {
  const page = await member('alan');
  // The page has not heard yet (no notice: the operator's change is written straight to the store).
  bed.sandbox.settings.update({ mode: 'off' });
  await new Promise((resolve) => setTimeout(resolve, 2_300)); // the sandbox backend's settings cache (2 s)
  await ask(page, 'Is anyone there?');
  const closed = await closedView(page);
  assert.equal(closed.href, '/contact');
  const call = bed.sandbox.calls.filter((c) => c.method === 'sendChatMessage' && c.memberId === 'alan').at(-1)!;
  assert.equal(call.outcome, 'CHAT_CLOSED');
  assert.equal(postedToSitegpt(bed.sandbox, 'Is anyone there?'), 0);
  await setSettings(bed.sandbox, { mode: 'on' });
  await paneReady(page);
  const failed = page.locator('sitegpt-member-chat [part~="turn"][data-status="failed"]', { hasText: 'Is anyone there?' });
  assert.match((await failed.locator('[part~="send-error"]').textContent())!, /Not sent\. The chat is closed right now\./);
  await failed.locator('[part~="retry-send-button"]').click();
  assert.equal(await answeredBy(page, 'Is anyone there?'), 'ai');
  await page.context().close();
});

test('widget mode in fallback: the pane with static replies instead of the widget, and the widget again after', async () => {
  const context = await bed.browser.newContext({ viewport: { width: 1200, height: 720 } });
  const page = await context.newPage();
  await page.goto(bed.sandbox.url.replace('localhost', '127.0.0.1'));
  await page.waitForFunction(() => window.sandbox?.ready === true);
  await signIn(page, 'ada');
  await widgetFrame(page);
  await serviceChannelOpen(page);

  await setSettings(bed.sandbox, { mode: 'fallback' });
  await paneReady(page);
  await automaticNote(page, true);
  assert.equal(await page.getAttribute('sitegpt-member-chat', 'mode'), 'native');
  assert.equal(await page.locator('sitegpt-member-chat iframe').count(), 0, 'no widget');
  await ask(page, 'What are your opening hours?');
  assert.equal(await answeredBy(page, 'What are your opening hours?'), 'fallback');
  assert.equal(postedToSitegpt(bed.sandbox, 'What are your opening hours?'), 0);

  await setSettings(bed.sandbox, { mode: 'on' });
  await page.waitForFunction(() => document.querySelector('sitegpt-member-chat')!.getAttribute('mode') === 'widget');
  await waitForState(page, 'ready');
  const frame = await widgetFrame(page);
  assert.equal(await frame.evaluate(() => document.documentElement.dataset.thread), await page.getAttribute('sitegpt-member-chat', 'thread'));
  await context.close();
});
