/**
 * End-to-end support: each test file starts its own sandbox (free port, temp data folder) and
 * Debian's Chromium through playwright-core. Traffic stays on loopback.
 */
import { mkdtempSync, mkdirSync, copyFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Frame, type Locator, type Page } from 'playwright-core';
import { startSandbox, type Sandbox } from '../../sandbox/server.js';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

export interface Bed {
  sandbox: Sandbox;
  browser: Browser;
  dir: string;
  /** A fresh browser context (its own cookies: another device) with the sandbox page open. */
  openDevice(): Promise<Page>;
  close(): Promise<void>;
}

export async function startBed(options: { dir?: string } = {}): Promise<Bed> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'sandbox-e2e-'));
  const sandbox = await startSandbox({ port: 0, dir, quiet: true, env: {} });
  const browser = await launchChromium();
  return {
    sandbox,
    browser,
    dir,
    async openDevice() {
      const context = await browser.newContext({ viewport: { width: 1200, height: 720 } });
      const page = await context.newPage();
      await page.goto(pageUrl(sandbox));
      await page.waitForFunction(() => window.sandbox?.ready === true);
      return page;
    },
    async close() {
      await browser.close();
      await sandbox.close();
      if (!options.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** 127.0.0.1 rather than localhost: no name lookup, and the element allows http for both. */
export function pageUrl(sandbox: Sandbox): string {
  return `http://127.0.0.1:${sandbox.port}/`;
}

export async function signIn(page: Page, memberId: string): Promise<void> {
  await page.click(`[data-member="${memberId}"]`);
}

export async function signOut(page: Page): Promise<void> {
  await page.click('[data-sign-out]');
}

export async function waitForState(page: Page, state: string, timeout = 10_000): Promise<void> {
  await page.waitForSelector(`sitegpt-member-chat[state="${state}"]`, { state: 'attached', timeout });
}

/** The chat page inside the element, once it has loaded its thread's messages. */
export async function widgetFrame(page: Page): Promise<Frame> {
  await waitForState(page, 'ready');
  const handle = await page.waitForSelector('sitegpt-member-chat >> iframe');
  const frame = (await handle.contentFrame())!;
  await frame.waitForFunction(() => document.documentElement.dataset.state === 'ready');
  return frame;
}

export async function frameThread(page: Page): Promise<string> {
  const frame = await widgetFrame(page);
  return frame.evaluate(() => document.documentElement.dataset.thread!);
}

export async function send(page: Page, text: string): Promise<void> {
  const frame = await widgetFrame(page);
  await frame.evaluate((t) => (window as unknown as { standin: { send(t: string): Promise<void> } }).standin.send(t), text);
}

export async function frameText(page: Page): Promise<string> {
  const frame = await widgetFrame(page);
  return frame.evaluate(() => document.body.innerText);
}

/**
 * Saves a screenshot under test-output/screenshots: the page's viewport, or only `target` (an
 * element, such as the chat box) when given. With UPDATE_SCREENSHOTS=1 (`npm run screenshots`)
 * it also replaces the README's copy in docs/screenshots; a plain test run leaves the committed
 * pictures alone.
 */
export async function screenshot(page: Page, name: string, target?: Locator): Promise<void> {
  const out = join(process.cwd(), 'test-output', 'screenshots');
  mkdirSync(out, { recursive: true });
  await page.mouse.move(1, (page.viewportSize()?.height ?? 720) - 10); // no hover highlight on the sign-in bar
  const path = join(out, `${name}.png`);
  await (target ? target.screenshot({ path }) : page.screenshot({ path }));
  if (process.env.UPDATE_SCREENSHOTS === '1') {
    const docs = join(process.cwd(), 'docs', 'screenshots');
    mkdirSync(docs, { recursive: true });
    copyFileSync(join(out, `${name}.png`), join(docs, `${name}.png`));
  }
}
