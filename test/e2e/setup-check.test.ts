/**
 * The setup check at `/admin` in Chromium: the sandbox, set up as the guide says, passes every
 * row; *Break the setup* drops SITEGPT_API_KEY and SiteGptMessages' threadId, and the check
 * names both with their fixes (and, since the key is gone for every part, a member's chat is
 * "not set up correctly" too); switched back, everything passes again. The console stays clean.
 * Screenshots: docs/screenshots/setup-check.png and setup-check-broken.png (`npm run screenshots`).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { SETUP_CHECK_IDS } from '../../contract/setup.js';
import { pageUrl, screenshot, startBed, type Bed } from './support.js';

let bed: Bed;
before(async () => {
  bed = await startBed();
});
after(async () => {
  await bed?.close();
});

const statuses = (page: Page) =>
  page.locator('sitegpt-setup-check [part~="check"]').evaluateAll((rows) => Object.fromEntries(rows.map((row) => [(row as HTMLElement).dataset.id, (row as HTMLElement).dataset.status])));

async function checked(page: Page, id: string, status: string): Promise<void> {
  await page.waitForSelector(`sitegpt-setup-check [part~="check"][data-id="${id}"][data-status="${status}"]`, { state: 'attached' });
  await page.waitForSelector('sitegpt-setup-check[state="ready"]', { state: 'attached' });
}

test('/admin: the setup check passes, names what Break the setup broke with the fix, and passes again', async () => {
  const context = await bed.browser.newContext({ viewport: { width: 1000, height: 1100 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(String(error)));
  await page.goto(new URL('/admin', pageUrl(bed.sandbox)).href);
  await page.getByRole('button', { name: 'Sign in as the site owner' }).click();
  await page.waitForURL(/\/admin\/$/);
  problems.length = 0; // the refusal page's own 403 was the point

  await checked(page, 'provider', 'pass');
  assert.deepEqual(await statuses(page), Object.fromEntries(SETUP_CHECK_IDS.map((id) => [id, 'pass'])));
  assert.match((await page.locator('sitegpt-setup-check [role="status"]').textContent())!, /Everything is set up: all 12 checks passed\./);
  const box = page.locator('.setup-box');
  await box.scrollIntoViewIfNeeded();
  await screenshot(page, 'setup-check', box);

  await page.getByLabel(/Break the setup/).check();
  await checked(page, 'secret-api-key', 'fail');
  await checked(page, 'collection-messages', 'warn');
  const broken = await statuses(page);
  assert.equal(broken['sitegpt-access'], 'unchecked');
  assert.deepEqual(Object.keys(broken).slice(0, 3), ['secret-api-key', 'collection-messages', 'sitegpt-access'], 'what to fix comes first');
  const key = page.locator('sitegpt-setup-check [part~="check"][data-id="secret-api-key"]');
  assert.match((await key.locator('.fix').textContent())!, /Secrets Manager.*Name: SITEGPT_API_KEY/);
  assert.match((await page.locator('sitegpt-setup-check [data-id="collection-messages"] .found').textContent())!, /Missing field: threadId\./);
  assert.match((await page.locator('sitegpt-setup-check [role="status"]').textContent())!, /1 to fix, 1 to look at, 2 could not be checked/);
  await screenshot(page, 'setup-check-broken', box);

  // The key is gone for the members' chats too: getMemberChat is MISCONFIGURED, as on a site.
  const memberContext = await bed.browser.newContext();
  const origin = { origin: new URL(pageUrl(bed.sandbox)).origin };
  const signedIn = await memberContext.request.post(new URL('/_auth/login', pageUrl(bed.sandbox)).href, { data: { memberId: 'ada' }, headers: origin });
  assert.ok(signedIn.ok(), await signedIn.text());
  const chat = await memberContext.request.post(new URL('/_webmethods/getMemberChat', pageUrl(bed.sandbox)).href, { data: [], headers: origin });
  assert.equal(((await chat.json()) as { error?: { code?: string } }).error?.code, 'MISCONFIGURED');
  await memberContext.close();

  await page.getByLabel(/Break the setup/).uncheck();
  await checked(page, 'secret-api-key', 'pass');
  await checked(page, 'sitegpt-access', 'pass');
  assert.deepEqual(Object.values(await statuses(page)).filter((status) => status !== 'pass'), []);
  assert.deepEqual(problems, []);
  await context.close();
});
