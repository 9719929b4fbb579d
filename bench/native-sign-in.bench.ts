/**
 * Native mode, sign-in to rendered history in the sandbox (Chromium): a returning member with
 * a history signs in on a new device (a fresh browser context each run); the clock runs from
 * the click on "Sign in" to the element's `sitegpt-ready`, which native mode fires once the
 * member's history is on screen. Printed beside it: the getMemberChat({history: true}) round
 * trip as the page saw it (the one web-method call sign-in costs) and what the page spent on
 * top of it. Median and p95; figures only, never asserted.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { startSandbox } from '../sandbox/server.js';
import { MemberDevice } from '../test/e2e/http.js';
import { launchChromium, waitForState } from '../test/e2e/support.js';
import { nativeUrl } from '../test/e2e/native.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 21);
const TURNS = 12;
const MEMBERS = ['ada', 'grace'];

interface Sample {
  /** Wix's onLogin → history on screen. */
  total: number;
  /** The click on "Sign in" → history on screen (adds the sandbox's own sign-in request). */
  fromClick: number;
  roundTrip: number;
  backend: number;
  /** onLogin → the getMemberChat request leaves; its answer → history on screen. */
  before: number;
  after: number;
  calls: number;
}

const dir = mkdtempSync(join(tmpdir(), 'sandbox-bench-'));
const sandbox = await startSandbox({ port: 0, dir, quiet: true, env: {} });
// The history is written in a burst; the default per-member limits (10 a minute) would refuse it.
sandbox.settings.update({ limitPerMinute: 1000, limitPerDay: 100_000, siteLimitPerMinute: 100_000 });
const browser = await launchChromium();

async function once(browser: Browser, memberId: string): Promise<Sample> {
  const context = await browser.newContext({ viewport: { width: 1200, height: 720 } });
  const page = await context.newPage();
  await page.goto(nativeUrl(sandbox));
  await page.waitForFunction(() => window.sandbox?.ready === true);
  await waitForState(page, 'signed-out');
  await page.click(`[data-member="${memberId}"]`);
  await waitForState(page, 'ready', 30_000);
  const sample = await page.evaluate(() => {
    const log = window.sandbox.log;
    const click = log.find((e) => e.kind === 'auth' && e.name === 'sign in')!;
    const login = log.find((e) => e.kind === 'auth' && e.name === 'login')!;
    const call = log.find((e) => e.kind === 'call' && e.name === 'getMemberChat()')!;
    const ready = log.find((e) => e.name === 'sitegpt-ready')!;
    const calls = log.filter((e) => e.kind === 'call' && e.at <= ready.at).length;
    return {
      total: ready.at - login.at,
      fromClick: ready.at - click.at,
      roundTrip: call.ms!,
      backend: call.backendMs ?? NaN,
      before: call.at - call.ms! - login.at,
      after: ready.at - call.at,
      calls,
    };
  });
  const turns = await page.locator('sitegpt-member-chat [part~="turn"]').count();
  if (turns !== TURNS) throw new Error(`expected ${TURNS} turns on screen, saw ${turns}`);
  await context.close();
  return sample;
}

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
};
const figure = (values: number[]) => `median ${quantile(values, 0.5).toFixed(0).padStart(4)} ms, p95 ${quantile(values, 0.95).toFixed(0).padStart(4)} ms`;

try {
  // Returning members: each has a thread with a history of TURNS answered turns.
  for (const memberId of MEMBERS) {
    const device = new MemberDevice(`http://127.0.0.1:${sandbox.port}/`);
    await device.signIn(memberId);
    for (let i = 0; i < TURNS; i++) await device.call('sendChatMessage', [{ clientMessageId: `bench-${memberId}-${String(i).padStart(4, '0')}`, text: `Question ${i} from ${memberId}` }]);
  }
  await once(browser, MEMBERS[0]!); // warm-up: Vite transforms the page's modules once
  const samples: Sample[] = [];
  for (let i = 0; i < RUNS; i++) samples.push(await once(browser, MEMBERS[i % MEMBERS.length]!));
  console.log(`Native mode: sign-in to rendered history (${TURNS} turns), returning member on a new device, n=${samples.length} (Chromium, stand-in SiteGPT, sql.js stores):`);
  console.log(`  sign-in → history on screen   ${figure(samples.map((s) => s.total))}  (from Wix's onLogin)`);
  console.log(`  getMemberChat round trip       ${figure(samples.map((s) => s.roundTrip))}  (backend kit ${figure(samples.map((s) => s.backend))})`);
  console.log(`  on top of the round trip       ${figure(samples.map((s) => s.total - s.roundTrip))}  (target ≤ 30 ms)`);
  console.log(`    before the call leaves       ${figure(samples.map((s) => s.before))}`);
  console.log(`    answer → history on screen   ${figure(samples.map((s) => s.after))}`);
  console.log(`  from the click (sandbox login) ${figure(samples.map((s) => s.fromClick))}`);
  console.log(`  web-method calls until ready   ${[...new Set(samples.map((s) => s.calls))].join(', ')}`);
} finally {
  await browser.close();
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
}
