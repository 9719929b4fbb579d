/**
 * The real `<sitegpt-member-chat>` pane in Debian's Chromium (playwright-core), served from its
 * TypeScript sources by Vite: the suite shows a member's turns as the backend returned them
 * (the `messages` attribute, as page code sets it) and reads back what the member would see
 * and what the browser did: the shadow DOM's markup, links, labels, every request it made,
 * dialogs, and whether anything of an answer ran.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createServer } from 'vite';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../e2e/support.js';

const REPO = join(import.meta.dirname, '../..');

export interface PaneFacts {
  /** The shadow root's markup. */
  html: string;
  /** Tags inside the answers' markdown. */
  answerTags: string[];
  answerText: string;
  /** `tag@attribute` for every on* attribute in the shadow root. */
  handlerAttributes: string[];
  /** script, iframe, object, embed, form, style, link, meta, img, video, audio, base in the shadow root. */
  activeElements: string[];
  hrefs: string[];
  /** `data-kind` of every answer. */
  kinds: string[];
  /** The label of every answer (its meta line without the time). */
  labels: string[];
  handoffShown: boolean;
  /** Every URL the page requested after it loaded. */
  requests: string[];
  dialogs: number;
  /** What a payload would have set (`window.__redteam`), null when nothing ran. */
  ran: unknown;
}

export interface Pane {
  show(attributes: Record<string, string>): Promise<PaneFacts>;
  close(): Promise<void>;
}

export async function startPane(): Promise<Pane> {
  const cacheDir = mkdtempSync(join(tmpdir(), 'redteam-vite-'));
  const vite = await createServer({
    configFile: false,
    root: join(REPO, 'test/redteam/pane'),
    cacheDir,
    appType: 'mpa',
    logLevel: 'silent',
    publicDir: false,
    resolve: { conditions: ['module', 'browser', 'production'] },
    server: { middlewareMode: true, hmr: false, ws: false, fs: { strict: true, allow: [join(REPO, 'test/redteam/pane'), join(REPO, 'element/src'), join(REPO, 'contract'), join(REPO, 'node_modules')] } },
    optimizeDeps: { noDiscovery: true, include: [] },
    plugins: [{ name: 'redteam:without-vite-client', transformIndexHtml: { order: 'post', handler: (html) => html.replace(/<script type="module" src="[^"]*\/@vite\/client"><\/script>\s*/g, '') } }],
  });
  const http = createHttpServer((req, res) => vite.middlewares(req, res, () => res.writeHead(404).end()));
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  let browser: Browser;
  try {
    browser = await launchChromium();
  } catch (error) {
    await vite.close();
    http.close();
    throw error;
  }

  // One page for the run (loading the element's sources is the slow part); each case gets a
  // fresh element, request list and payload marker.
  const context = await browser.newContext();
  const page = await context.newPage();
  const requests: string[] = [];
  let dialogs = 0;
  page.on('dialog', (dialog) => {
    dialogs++;
    void dialog.dismiss();
  });
  // Nothing leaves the machine: the page's own origin answers, anything else is recorded and refused.
  await context.route('**/*', (route) => (route.request().url().startsWith(origin) ? route.continue() : route.abort()));
  await page.goto(`${origin}/index.html`);
  await page.waitForFunction(() => window.paneReady === true);
  page.on('request', (request) => requests.push(request.url()));

  return {
    async show(attributes) {
      requests.length = 0;
      dialogs = 0;
      await page.evaluate((attrs) => window.showTurns(attrs), attributes);
      await page.locator('sitegpt-member-chat [part~="turn"]').first().waitFor();
      // Give whatever an answer could have started (a load, a timer, an event) a moment to happen.
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 250))));
      const facts = await page.evaluate(readPane);
      return { ...facts, requests: [...requests], dialogs };
    },
    async close() {
      await browser.close();
      await vite.close();
      await new Promise((resolve) => http.close(resolve));
      rmSync(cacheDir, { recursive: true, force: true });
    },
  };
}

/** Runs in the page. */
function readPane(): Omit<PaneFacts, 'requests' | 'dialogs'> {
  const root = document.querySelector('sitegpt-member-chat')!.shadowRoot!;
  const all = [...root.querySelectorAll('*')];
  const answers = [...root.querySelectorAll('[part~="answer"]')];
  const markdown = [...root.querySelectorAll('[part~="markdown"]')];
  return {
    html: root.innerHTML,
    answerTags: markdown.flatMap((md) => [...md.querySelectorAll('*')].map((el) => el.tagName)),
    answerText: markdown.map((md) => md.textContent ?? '').join('\n'),
    handlerAttributes: all.flatMap((el) => el.getAttributeNames().filter((name) => name.startsWith('on')).map((name) => `${el.tagName}@${name}`)),
    activeElements: all
      // The composer is the pane's own form.
      .filter((el) => /^(SCRIPT|IFRAME|FRAME|OBJECT|EMBED|FORM|STYLE|LINK|META|IMG|VIDEO|AUDIO|BASE|INPUT)$/.test(el.tagName) && el.getAttribute('part') !== 'composer')
      .map((el) => el.tagName),
    hrefs: all.filter((el) => el.hasAttribute('href') || el.hasAttribute('xlink:href')).map((el) => el.getAttribute('href') ?? el.getAttribute('xlink:href') ?? ''),
    kinds: answers.map((el) => el.getAttribute('data-kind') ?? ''),
    labels: answers.map((el) => {
      const meta = el.querySelector('.meta');
      const time = meta?.querySelector('time')?.textContent ?? '';
      return (meta?.textContent ?? '').replace(time, '').trim();
    }),
    handoffShown: root.querySelector('[part~="handoff-banner"]') !== null,
    ran: (window as unknown as { __redteam?: unknown }).__redteam ?? null,
  };
}
