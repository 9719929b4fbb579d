import { defaultReporter } from '@web/test-runner';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { safeClonePlugin } from './test/runner/wtr-safe-clone-plugin.mjs';
import { countReporter } from './test/runner/wtr-count-reporter.mjs';
import { standinMiddleware } from './test/fixtures/sitegpt-standin/middleware.ts';

// Flags that let Debian's Chromium start as root on a machine with no outside network.
const chromiumArgs = ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-dev-shm-usage',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-quic', '--no-first-run', '--disable-default-apps', '--disable-extensions'];

// Widgets that never come alive, for the readiness tests: error pages post no message, and a
// page refused by X-Frame-Options never runs the script that would have posted one.
const DEAD_PAGES = {
  '/dead/404': { status: 404, body: '<!doctype html><title>Not found</title><p>Not found</p>' },
  '/dead/500': { status: 500, body: '<!doctype html><title>Server error</title><p>Internal server error</p>' },
  '/dead/xfo': { status: 200, headers: { 'x-frame-options': 'DENY' },
    body: "<!doctype html><title>Framed</title><script>parent.postMessage({event: 'sitegpt_chat_opened'}, '*')</script>" },
  '/dead/silent': { status: 200, body: '<!doctype html><title>Silent widget</title><p>A chat page that posts nothing</p>' },
};
function deadWidgets(ctx, next) {
  const page = DEAD_PAGES[ctx.path];
  if (!page) return next();
  ctx.status = page.status;
  ctx.type = 'html';
  for (const [name, value] of Object.entries(page.headers ?? {})) ctx.set(name, value);
  ctx.body = page.body;
}

export default {
  files: 'test/element/**/*.test.ts',
  nodeResolve: true,
  // One page at a time and a generous per-test timeout: with two pages, or a busy machine,
  // a page's animation frames and iframe loads stall long enough to time tests out.
  concurrency: 1,
  testFramework: { config: { timeout: 20000 } },
  reporters: [defaultReporter(), countReporter()],
  middleware: [
    // msw's worker must live at /mockServiceWorker.js (scope "/"); serve the installed copy.
    (ctx, next) => {
      if (ctx.path === '/mockServiceWorker.js') ctx.path = '/node_modules/msw/lib/mockServiceWorker.js';
      return next();
    },
    standinMiddleware(),
    deadWidgets,
  ],
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json' }), safeClonePlugin()],
  browsers: [chromeLauncher({ launchOptions: {
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', headless: true, args: chromiumArgs } })],
};
