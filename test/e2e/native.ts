/**
 * End-to-end helpers for native mode: a device on the sandbox page with `?mode=native` (and,
 * when asked, `realtime=off`), and what the member sees in the element's pane. Playwright's
 * CSS locators reach into the element's shadow root.
 */
import type { Browser, Page } from 'playwright-core';
import type { Sandbox } from '../../sandbox/server.js';
import { pageUrl, waitForState } from './support.js';

export interface NativeOptions {
  realtime?: boolean;
  width?: number;
  height?: number;
}

export function nativeUrl(sandbox: Sandbox, options: NativeOptions = {}): string {
  return `${pageUrl(sandbox)}?mode=native${options.realtime === false ? '&realtime=off' : ''}`;
}

/** A new device (its own cookies) with the sandbox page open in native mode. */
export async function openNativeDevice(browser: Browser, sandbox: Sandbox, options: NativeOptions = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: options.width ?? 1200, height: options.height ?? 720 } });
  const page = await context.newPage();
  await page.goto(nativeUrl(sandbox, options));
  await page.waitForFunction(() => window.sandbox?.ready === true);
  return page;
}

/** Waits until the pane shows the member's history (the element's `ready` in native mode). */
export async function paneReady(page: Page): Promise<void> {
  await waitForState(page, 'ready');
  await page.locator('sitegpt-member-chat [part~="composer"]').waitFor();
}

/** Waits until this device's realtime stream is open (a notice published before that is not delivered). */
export async function realtimeOpen(page: Page): Promise<void> {
  await page.waitForFunction(() => window.sandbox.realtime === 'open');
}

/** Types a question into the composer and presses Enter, as a member does. */
export async function ask(page: Page, text: string): Promise<void> {
  const input = page.locator('sitegpt-member-chat [part~="input"]');
  await input.fill(text);
  await input.press('Enter');
}

/** The pane's turns as the member reads them: question and answer text, status. */
export async function paneTurns(page: Page): Promise<Array<{ status: string; question: string; answer: string }>> {
  return page.locator('sitegpt-member-chat [part~="turn"]').evaluateAll((turns) =>
    turns.map((turn) => ({
      status: turn.getAttribute('data-status') ?? '',
      question: turn.querySelector('[part~="question"] .text')?.textContent?.trim() ?? '',
      answer: turn.querySelector('[part~="answer"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
    })),
  );
}

/** Waits until a turn asking `question` has its answer on screen. */
export async function waitForAnswer(page: Page, question: string, timeout = 10_000): Promise<void> {
  await page
    .locator('sitegpt-member-chat [part~="turn"][data-status="answered"]', { hasText: question })
    .locator('[part~="answer"]')
    .first()
    .waitFor({ timeout });
}

/** Everything of the element a person or a script could read: its shadow DOM and its own attributes. */
export async function elementText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.querySelector('sitegpt-member-chat')!;
    return `${element.shadowRoot!.innerHTML}\n${element.outerHTML}`;
  });
}
