/**
 * Pictures of the guardrails as a member sees them, for the README: the closed chat (kill switch
 * `off`) with its contact link, the pane answering automatically (`fallback`), and a question
 * over the per-minute limit counting down. Written under test-output/screenshots (and, with
 * `npm run screenshots`, to docs/screenshots). Each state is asserted first.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { screenshot, signIn, startBed, type Bed } from './support.js';
import { ask, openNativeDevice, paneReady, waitForAnswer } from './native.js';
import { answeredBy, automaticNote, closedView, serviceChannelOpen, setSettings } from './guardrails.js';

let bed: Bed;
before(async () => {
  bed = await startBed();
  await setSettings(bed.sandbox, {
    staticReplies: JSON.stringify([{ keywords: ['hours', 'open'], reply: 'We are open **9 to 5**, Monday to Friday.' }]),
    closedMessage: 'Our chat is closed for maintenance until 2 pm. You can reach our team here: {contact}',
    contactUrl: '/contact',
    limitPerMinute: 2,
  });
});
after(async () => {
  await bed?.close();
});

const chatBox = (page: Page) => page.locator('.chat-box');

async function member(id: string): Promise<Page> {
  const page = await openNativeDevice(bed.browser, bed.sandbox);
  await signIn(page, id);
  await Promise.all([paneReady(page), serviceChannelOpen(page)]);
  return page;
}

test('screenshots of the guardrails: automatic replies, the closed chat, a rate-limited question', async () => {
  const page = await member('ada');
  await ask(page, 'Where can I see my orders?');
  await waitForAnswer(page, 'Where can I see my orders?');
  await setSettings(bed.sandbox, { mode: 'fallback' });
  await automaticNote(page, true);
  await ask(page, 'What are your opening hours?');
  assert.equal(await answeredBy(page, 'What are your opening hours?'), 'fallback');
  await screenshot(page, 'guardrails-fallback', chatBox(page));

  await setSettings(bed.sandbox, { mode: 'off' });
  const closed = await closedView(page);
  assert.equal(closed.href, '/contact');
  await screenshot(page, 'guardrails-closed', chatBox(page));

  await setSettings(bed.sandbox, { mode: 'on' });
  const limited = await member('grace');
  await ask(limited, 'How do I change my delivery address?');
  await waitForAnswer(limited, 'How do I change my delivery address?');
  await ask(limited, 'And my billing address?');
  await waitForAnswer(limited, 'And my billing address?');
  await ask(limited, 'And my phone number?');
  await limited.locator('sitegpt-member-chat [part~="retry-send-button"][disabled]').waitFor();
  const sendError = JSON.parse((await limited.getAttribute('sitegpt-member-chat', 'send-error'))!) as { code: string };
  assert.equal(sendError.code, 'RATE_LIMITED');
  await screenshot(limited, 'guardrails-rate-limited', chatBox(limited));
  await Promise.all([page.context().close(), limited.context().close()]);
});
