/**
 * `/admin` in Chromium after `npm run seed`'s history: the owner signs in from the refusal
 * page, the real element, controller and admin kit show exactly the figures the definitions give
 * for the seeded mirror, another range loads on a click, the page fits a phone, the console stays
 * clean; and the README's screenshot (docs/screenshots/metrics.png with `npm run screenshots`).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { ChatMetricsResult } from '../../contract/metrics.js';
import { seedMirror } from '../../sandbox/seed/apply.js';
import { computeMetrics } from '../../velo/backend/metrics/accumulator.js';
import { pageUrl, screenshot, startBed, type Bed } from './support.js';

const DAY = 86_400_000;
let bed: Bed;
before(async () => {
  bed = await startBed();
  seedMirror(bed.sandbox.transcript, { seed: 42 });
});
after(async () => {
  await bed?.close();
});

async function openAdmin(width: number, height: number): Promise<{ page: Page; problems: string[] }> {
  const context = await bed.browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(String(error)));
  await page.goto(new URL('/admin', pageUrl(bed.sandbox)).href);
  assert.equal(await page.locator('h1').textContent(), 'Admins only');
  await page.getByRole('button', { name: 'Sign in as the site owner' }).click();
  await page.waitForURL(/\/admin\/$/);
  problems.length = 0; // the refusal's own 403 was the point
  await page.waitForSelector('sitegpt-chat-metrics[state="ready"]', { state: 'attached' });
  return { page, problems };
}

async function shownMetrics(page: Page) {
  const result = JSON.parse((await page.getAttribute('sitegpt-chat-metrics', 'metrics'))!) as ChatMetricsResult;
  assert.ok(result.ok);
  const { ok: _ok, ...figures } = result;
  return figures;
}

const percent = new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 1 });
const seconds = (ms: number | null) => `${(ms! / 1000).toFixed(1)} s`;

test('/admin shows the seeded history\'s figures, as the definitions compute them, and loads another range', async () => {
  const { page, problems } = await openAdmin(1200, 1420);
  const shown = await shownMetrics(page);
  assert.ok(Math.abs(shown.to - shown.from - 28 * DAY) <= 3_600_000, 'the last 28 days (a clock change makes one day an hour off)');
  assert.deepEqual(shown, computeMetrics(bed.sandbox.transcript.all(), { from: shown.from, to: shown.to }));
  assert.ok(shown.questions > 1000 && shown.members > 300, `${shown.questions} questions from ${shown.members} members`);

  const cards = await page.locator('sitegpt-chat-metrics [part~="figure"]').allTextContents();
  assert.match(cards[0]!, new RegExp(`First response \\(median\\)\\s*${seconds(shown.latency.p50)}\\s*p95 ${seconds(shown.latency.p95)}`));
  assert.match(cards[1]!, new RegExp(`Solved without a person\\s*${percent.format(shown.rates.solvedWithoutHandoff!)}`));
  assert.match(cards[2]!, new RegExp(`Repeat questions\\s*${percent.format(shown.rates.repeatQuestion!)}`));
  const questions = await page.locator('sitegpt-chat-metrics [part~="question"] .text').allTextContents();
  assert.deepEqual(questions, shown.unresolved.map((u) => u.question));
  assert.match((await page.locator('sitegpt-chat-metrics [part~="csv-link"]').getAttribute('download'))!, /^chat-metrics_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv$/);
  await screenshot(page, 'metrics');

  const calls = await page.evaluate(() => window.sandboxAdmin.calls);
  await page.getByRole('button', { name: 'Last 7 days' }).click();
  await page.waitForFunction(() => window.sandboxAdmin.calls > 0 && document.querySelector('sitegpt-chat-metrics')!.getAttribute('state') === 'ready');
  await page.waitForFunction((before) => window.sandboxAdmin.calls === before + 1, calls);
  await page.waitForSelector('sitegpt-chat-metrics[state="ready"]', { state: 'attached' });
  const week = await shownMetrics(page);
  assert.ok(Math.abs(week.to - week.from - 7 * DAY) <= 3_600_000);
  assert.equal(week.to, shown.to);
  assert.deepEqual(week, computeMetrics(bed.sandbox.transcript.all(), { from: week.from, to: week.to }));
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('/admin fits a 360 px phone', async () => {
  const { page, problems } = await openAdmin(360, 740);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `the page is ${width} px wide`);
  const cards = await page.locator('sitegpt-chat-metrics [part~="figure"]').evaluateAll((all) => all.map((card) => card.getBoundingClientRect().top));
  assert.ok(cards[1]! > cards[0]! && cards[2]! > cards[1]!, 'the headline figures stack');
  await screenshot(page, 'metrics-360');
  assert.deepEqual(problems, []);
  await page.context().close();
});
