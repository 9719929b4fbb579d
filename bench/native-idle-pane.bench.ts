/**
 * Native mode, what an open pane that nobody touches costs the backend: web-method calls per
 * minute from one device, with realtime (the sandbox's Server-Sent Events stand-in: expect 0)
 * and without it (`?realtime=off`: page code polls every 30 s while the pane is visible).
 * Both panes run side by side in one bounded window (BENCH_IDLE_S, default 90 s), counted by
 * the sandbox's own log of web-method calls. Figures only, never asserted.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox } from '../sandbox/server.js';
import { launchChromium } from '../test/e2e/support.js';
import { openNativeDevice, paneReady, realtimeOpen } from '../test/e2e/native.js';

const WINDOW_S = Number(process.env.BENCH_IDLE_S ?? 90);

const dir = mkdtempSync(join(tmpdir(), 'sandbox-bench-'));
const sandbox = await startSandbox({ port: 0, dir, quiet: true, env: {} });
const browser = await launchChromium();

try {
  const panes = [
    { label: 'with realtime (SSE stand-in)', member: 'ada', realtime: true },
    { label: 'without realtime (polling)', member: 'grace', realtime: false },
  ];
  const pages = await Promise.all(
    panes.map(async ({ member, realtime }) => {
      const page = await openNativeDevice(browser, sandbox, { realtime });
      await page.click(`[data-member="${member}"]`);
      await paneReady(page);
      if (realtime) await realtimeOpen(page);
      return page;
    }),
  );
  const callsOf = (member: string) => sandbox.calls.filter((c) => c.memberId === member).length;
  const before = panes.map(({ member }) => callsOf(member));
  const noticesBefore = sandbox.realtime.published.length;
  await new Promise((resolve) => setTimeout(resolve, WINDOW_S * 1000));
  console.log(`Native mode: backend calls of one open, idle pane (Chromium, sandbox), over ${WINDOW_S} s:`);
  panes.forEach(({ label, member }, i) => {
    const calls = callsOf(member) - before[i]!;
    console.log(`  ${label.padEnd(30)} ${String(calls).padStart(3)} calls = ${((calls * 60) / WINDOW_S).toFixed(1)} per minute`);
  });
  console.log(`  realtime notices published meanwhile: ${sandbox.realtime.published.length - noticesBefore}`);
  await Promise.all(pages.map((page) => page.context().close()));
} finally {
  await browser.close();
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
}
