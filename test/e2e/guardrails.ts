/**
 * End-to-end helpers for the guardrails: the operator's settings changed over the sandbox's
 * `/_sandbox/settings` (as a site owner changes the CMS item), and what a member then sees in the
 * element: the closed view, the line saying answers are automatic, who answered each turn.
 */
import type { Page } from 'playwright-core';
import type { Sandbox } from '../../sandbox/server.js';

/** Changes the operator's settings; throws with the sandbox's reason when it refuses them. */
export async function setSettings(sandbox: Sandbox, fields: Record<string, unknown>): Promise<void> {
  const response = await fetch(new URL('/_sandbox/settings', sandbox.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(fields),
  });
  if (!response.ok) throw new Error(`settings refused: ${await response.text()}`);
}

/** Waits until this page listens to the site-wide service channel (a notice before that is not delivered). */
export async function serviceChannelOpen(page: Page): Promise<void> {
  await page.waitForFunction(() => window.sandbox.serviceRealtime === 'open');
}

const inElement = (page: Page, selector: string) => page.locator(`sitegpt-member-chat ${selector}`);

/** Waits for the closed view; answers its words and where its contact link leads (null: no link). */
export async function closedView(page: Page, timeout = 10_000): Promise<{ text: string; href: string | null }> {
  await page.waitForSelector('sitegpt-member-chat[state="closed"]', { state: 'attached', timeout });
  const panel = inElement(page, '[part~="panel"][data-code="CHAT_CLOSED"]');
  await panel.waitFor({ timeout });
  const link = inElement(page, '[part~="contact-link"]');
  return {
    text: (await panel.textContent())!.replace(/\s+/g, ' ').trim(),
    href: (await link.count()) ? await link.getAttribute('href') : null,
  };
}

/** Waits until the pane says answers are automatic right now (`fallback`), or no longer says so. */
export async function automaticNote(page: Page, shown: boolean, timeout = 10_000): Promise<void> {
  await inElement(page, '[part~="service-note"]').waitFor({ state: shown ? 'visible' : 'detached', timeout });
}

/** Who answered the turn asking `question`, as the pane labels it (`data-kind`), once it is answered. */
export async function answeredBy(page: Page, question: string, timeout = 10_000): Promise<string> {
  const answer = inElement(page, '[part~="turn"][data-status="answered"]').filter({ hasText: question }).locator('[part~="answer"]').first();
  await answer.waitFor({ timeout });
  return (await answer.getAttribute('data-kind'))!;
}

/** The answer text of the turn asking `question`, whitespace collapsed. */
export async function answerText(page: Page, question: string): Promise<string> {
  const answer = inElement(page, '[part~="turn"][data-status="answered"]').filter({ hasText: question }).locator('[part~="answer"]').first();
  return (await answer.textContent())!.replace(/\s+/g, ' ').trim();
}

/** How many times SiteGPT's threads hold this question: it reached SiteGPT. */
export function postedToSitegpt(sandbox: Sandbox, question: string): number {
  return sandbox.standin!.store.all().flatMap((t) => t.messages).filter((m) => m.question?.text === question).length;
}
