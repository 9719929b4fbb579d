/**
 * Time-to-chat in the sandbox with Chromium: from the click on "Sign in" to the widget frame
 * loaded on the member's thread (the element's `sitegpt-ready`). Split into the backend's
 * share (the getMemberChat round trip as the page saw it, with the core's own figure) and the
 * widget's share (answer received → frame loaded). Median of repeated runs, each in a fresh
 * browser context (a new device). Figures only: no assertion on time.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { startSandbox } from '../sandbox/server.js';
import { launchChromium, pageUrl, waitForState } from '../test/e2e/support.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);

interface Sample {
  total: number;
  roundTrip: number;
  backend: number;
  widget: number;
}

const dir = mkdtempSync(join(tmpdir(), 'sandbox-bench-'));
const sandbox = await startSandbox({ port: 0, dir, quiet: true, env: {} });
const browser = await launchChromium();

async function once(browser: Browser, memberId: string): Promise<Sample> {
  const context = await browser.newContext({ viewport: { width: 1200, height: 720 } });
  const page = await context.newPage();
  await page.goto(pageUrl(sandbox));
  await page.waitForFunction(() => window.sandbox?.ready === true);
  await waitForState(page, 'signed-out');
  await page.click(`[data-member="${memberId}"]`);
  await waitForState(page, 'ready', 30_000);
  const sample = await page.evaluate(() => {
    const log = window.sandbox.log;
    const signIn = log.find((e) => e.kind === 'auth' && e.name === 'sign in')!;
    const call = log.find((e) => e.kind === 'call' && e.name === 'getMemberChat()')!;
    const ready = log.find((e) => e.name === 'sitegpt-ready')!;
    return { total: ready.at - signIn.at, roundTrip: call.ms!, backend: call.backendMs ?? NaN, widget: ready.at - call.at };
  });
  await context.close();
  return sample;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const report = (label: string, samples: Sample[]) => {
  const f = (key: keyof Sample) => median(samples.map((s) => s[key])).toFixed(0).padStart(5);
  console.log(
    `${label.padEnd(34)} n=${String(samples.length).padStart(2)}  time-to-chat ${f('total')} ms = ` +
      `web method ${f('roundTrip')} ms (core ${f('backend')} ms) + widget ${f('widget')} ms (+ sign-in)`,
  );
};

try {
  await once(browser, 'alan'); // warm-up: Vite transforms the page's modules once
  const first: Sample[] = [];
  for (const member of ['ada', 'grace']) first.push(await once(browser, member));
  const returning: Sample[] = [];
  for (let i = 0; i < RUNS; i++) returning.push(await once(browser, i % 2 ? 'ada' : 'grace'));
  console.log('Time to chat in the sandbox (Chromium, SiteGPT stand-in, sql.js store), medians:');
  report('first sign-in (thread created)', first);
  report('returning member, new device', returning);
} finally {
  await browser.close();
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
}
