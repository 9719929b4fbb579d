/**
 * The handoff as a member lives it, end to end on the sandbox: the site owner sets the handoff in
 * the operator panel (both targets, a refusal phrase of the site's own), then two poor answers (one
 * without sources, one saying that phrase) →
 * the pane offers "Talk to a person" → handed off (one system turn, one conversation in the site
 * owner's Wix Inbox and SiteGPT's human inbox, never a second) → the member's next question goes
 * to the team with no typing indicator → the owner's reply in the inbox stand-in reaches both of
 * the member's devices live, labelled as a person's. And a member may ask at any time; a device
 * without realtime gets the person's reply by polling. Screenshots of the offer and the
 * handed-off pane for the README.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { ask, openNativeDevice, paneReady, realtimeOpen, waitForAnswer } from './native.js';
import { screenshot, signIn, startBed, type Bed } from './support.js';

let bed: Bed;
before(async () => {
  bed = await startBed();
});
after(async () => {
  await bed?.close();
});

const inPane = (page: Page, part: string) => page.locator(`sitegpt-member-chat [part~="${part}"]`);
const chatBox = (page: Page) => page.locator('.chat-box');
const BANNER = "You're talking to our team. A person will reply here.";

/** The answers in the pane with who gave them (the label in their meta line) and their text. */
async function answers(page: Page): Promise<Array<{ kind: string; meta: string; text: string }>> {
  return page.locator('sitegpt-member-chat [part~="answer"]').evaluateAll((nodes) =>
    nodes.map((node) => ({
      kind: node.getAttribute('data-kind') ?? '',
      meta: node.querySelector('.meta')?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
      text: node.querySelector('[part~="markdown"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
    })),
  );
}

/** Waits until a person's reply with `text` is in the pane. */
async function personReply(page: Page, text: string, timeout = 10_000): Promise<void> {
  await page.locator('sitegpt-member-chat [part~="answer"][data-kind="agent"]', { hasText: text }).waitFor({ timeout });
}

/** The calls of one web method this page made. */
async function callsOf(page: Page, name: string): Promise<number> {
  return page.evaluate((method) => window.sandbox.log.filter((e) => e.kind === 'call' && e.name === `${method}()`).length, name);
}

/** The site owner's browser: the operator panel's handoff settings, saved before any call reads them. */
async function ownerSetsHandoff(owner: Page): Promise<void> {
  const fields = owner.locator('[data-handoff-settings]');
  await owner.locator('[data-operator-panel] summary').click();
  await owner.waitForFunction(() => document.querySelector<HTMLInputElement>('[name="handoffAfter"]')?.value === '2');
  await fields.getByLabel("SiteGPT's human inbox").check();
  await fields.locator('textarea[name="refusalPhrases"]').fill('our records show nothing');
  await owner.locator('[data-operator-form] button[type="submit"]').click();
  await owner.locator('[data-operator-panel] .pending', { hasText: 'Saved.' }).waitFor();
}

test('two poor answers → the offer → handed off once → the owner\'s reply in Wix Inbox shows live on both devices, as a person\'s', async () => {
  const owner = await openNativeDevice(bed.browser, bed.sandbox);
  await ownerSetsHandoff(owner);
  const stored = (await (await fetch(new URL('/_sandbox/settings', bed.sandbox.url))).json()) as { settings: Record<string, unknown> };
  assert.deepEqual(
    { after: stored.settings.handoffAfter, targets: stored.settings.handoffTargets, phrases: stored.settings.refusalPhrases },
    { after: 2, targets: ['wix-inbox', 'sitegpt'], phrases: ['our records show nothing'] },
  );

  const laptop = await openNativeDevice(bed.browser, bed.sandbox);
  const phone = await openNativeDevice(bed.browser, bed.sandbox, { width: 360, height: 740 });
  await Promise.all([signIn(laptop, 'ada'), signIn(phone, 'ada')]);
  await Promise.all([paneReady(laptop), paneReady(phone), realtimeOpen(laptop), realtimeOpen(phone)]);

  await ask(laptop, 'Where is my parcel? (no sources)');
  await waitForAnswer(laptop, 'Where is my parcel?');
  assert.equal(await inPane(laptop, 'handoff-offer').count(), 0, 'one poor answer is not yet a streak');
  // An answer with sources, but in the site's own refusal words (the stand-in repeats the question).
  await ask(laptop, 'It was due on Monday and our records show nothing. Any news?');
  await waitForAnswer(laptop, 'It was due on Monday');
  assert.equal(await laptop.locator('sitegpt-member-chat [part~="sources"]').count(), 1, 'the second answer cites its sources');
  // The offer, under the last answer, on both devices (the phone learns it from its page of changes).
  for (const device of [laptop, phone]) {
    await inPane(device, 'handoff-offer').waitFor();
    assert.match((await inPane(device, 'handoff-offer').textContent())!, /Need more help\?\s*Talk to a person/);
  }
  await screenshot(laptop, 'handoff-offer', chatBox(laptop));

  await inPane(laptop, 'handoff-offer').getByRole('button', { name: 'Talk to a person' }).click();
  for (const device of [laptop, phone]) {
    await inPane(device, 'handoff-banner').waitFor();
    assert.equal(await inPane(device, 'handoff-banner').textContent(), BANNER);
    assert.equal(await inPane(device, 'handoff-button').count(), 0, 'no second request once handed off');
    await device.locator('sitegpt-member-chat [part~="answer"][data-kind="system"]', { hasText: 'passed your conversation to our team' }).waitFor();
  }
  assert.equal(await callsOf(laptop, 'requestHuman'), 1);

  // The owner's inbox holds one conversation for Ada, with the kit's note; SiteGPT's thread is escalated.
  const [conversation] = bed.sandbox.inbox.conversations();
  assert.equal(conversation?.memberId, 'ada');
  assert.deepEqual(conversation!.messages.map((m) => m.from), ['kit']);
  assert.match(conversation!.messages[0]!.text, /Where is my parcel\?/);
  assert.equal(bed.sandbox.standin!.store.all()[0]?.escalated, true);

  // Never twice in one episode: asking again (another device, straight to the web method) hands off nothing new.
  const again = await phone.evaluate(async () => (await fetch('/_webmethods/requestHuman', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '[]' })).json());
  assert.deepEqual(again, { ok: true, threadId: await phone.getAttribute('sitegpt-member-chat', 'thread'), handoff: 'active' });
  assert.equal(bed.sandbox.inbox.conversations().length, 1);
  assert.equal(bed.sandbox.inbox.conversations()[0]!.messages.length, 1, 'no second note');
  assert.equal(bed.sandbox.transcript.all('ada').filter((row) => row.kind === 'system').length, 1, 'one handoff turn');

  // The member's next question goes to the team: shown as sent, and nobody is "writing" an AI answer.
  await ask(laptop, 'Is anyone there?');
  const asked = laptop.locator('sitegpt-member-chat [part~="turn"]', { hasText: 'Is anyone there?' });
  await asked.waitFor();
  assert.equal(await inPane(laptop, 'typing').count(), 0);
  await laptop.waitForFunction(() => {
    const turns = [...document.querySelector('sitegpt-member-chat')!.shadowRoot!.querySelectorAll('[part~="turn"]')];
    return turns.find((turn) => turn.textContent!.includes('Is anyone there?'))?.getAttribute('data-status') !== 'pending';
  });
  assert.equal(await asked.getAttribute('data-status'), 'answered', `forwarded to the team: ${await asked.textContent()}`);
  assert.match((await asked.locator('[part~="question"] .meta').textContent())!, /Sent$/);
  assert.equal(await asked.locator('[part~="answer"]').count(), 0, 'no AI answer to it');
  assert.equal(await inPane(laptop, 'typing').count(), 0);
  assert.deepEqual(bed.sandbox.inbox.conversations()[0]!.messages.map((m) => m.from), ['kit', 'member']);

  // The site owner answers from the inbox (in their own browser): both of Ada's devices show it, no reload.
  await phone.evaluate(() => ((window as unknown as { stillThisPage: boolean }).stillThisPage = true));
  await owner.locator('[data-inbox-refresh]').click();
  const thread = owner.locator('[data-inbox-conversation="ada"]');
  await thread.waitFor();
  await thread.locator('input').fill('Hi Ada, this is Sam from the shop. Your parcel leaves today.');
  await thread.getByRole('button', { name: 'Reply' }).click();
  for (const device of [laptop, phone]) {
    await personReply(device, 'Your parcel leaves today.');
    const last = (await answers(device)).at(-1)!;
    assert.equal(last.kind, 'agent');
    assert.match(last.meta, /^A person from our team/);
    assert.equal(last.text, 'Hi Ada, this is Sam from the shop. Your parcel leaves today.');
  }
  assert.equal(await phone.evaluate(() => (window as unknown as { stillThisPage?: boolean }).stillThisPage), true, 'the phone did not reload');
  assert.equal(await callsOf(phone, 'sendChatMessage'), 0);
  await screenshot(laptop, 'handoff-active', chatBox(laptop));
  for (const page of [laptop, phone, owner]) await page.context().close();
});

test('a member may ask for a person at any time; without realtime the person\'s reply arrives by polling', async () => {
  const page = await openNativeDevice(bed.browser, bed.sandbox, { realtime: false });
  await signIn(page, 'grace');
  await paneReady(page);
  await ask(page, 'Can I change my order?');
  await waitForAnswer(page, 'Can I change my order?');
  assert.equal(await inPane(page, 'handoff-offer').count(), 0, 'a good answer: no offer');

  await page.locator('sitegpt-member-chat [part~="toolbar"]').getByRole('button', { name: 'Talk to a person' }).click();
  await inPane(page, 'handoff-banner').waitFor();
  assert.equal(await inPane(page, 'handoff-banner').textContent(), BANNER);

  // A SiteGPT agent answers in SiteGPT's inbox (the panel's "Play a human agent").
  await page.locator('[data-agent-form] input').fill('Sam here: yes, until it ships.');
  await page.locator('[data-agent-form] button').click();
  await personReply(page, 'Sam here: yes, until it ships.', 30_000);
  assert.equal(await page.evaluate(() => window.sandbox.realtime), 'polling');
  assert.match((await answers(page)).at(-1)!.meta, /^A person from our team/);
  await page.context().close();
});
