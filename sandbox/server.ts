/**
 * The sandbox server: one node:http server on loopback that serves
 *   /                     the Wix-like member page, through Vite (page-server.ts)
 *   /_auth/*              sign in as any member, sign out, who am I (routes/auth-routes.ts)
 *   /_webmethods/{name}   the web methods: the real backend kit, for the cookie's member
 *                         (routes/web-method-route.ts, backend.ts); Admin ones only for the
 *                         site owner's session (admin-web-methods.ts, admin-backend.ts)
 *   /admin                the site owner's chat metrics, admins only (routes/admin-route.ts)
 *   /_sandbox/seed        POST: a few weeks of generated chats in the mirror (routes/seed-route.ts)
 *   /_realtime            the member's notices as Server-Sent Events, Wix Realtime's stand-in
 *                         (realtime-hub.ts)
 *   /_sandbox/*           config, state and, with the stand-in, the fault switch (routes/sandbox-api.ts)
 *                         and a human agent's reply (routes/agent-route.ts)
 *   /_sandbox/settings    the operator's SiteGptSettings item: read, change (routes/settings-route.ts)
 *   /_sandbox/inbox       the site owner's Wix Inbox stand-in: the conversations handoffs opened,
 *                         and the owner's reply, delivered as Wix's backend event (routes/inbox-route.ts)
 *   /_sandbox/setup       the setup check's *Break the setup* switch, switched by the site owner only
 *                         (routes/setup-route.ts, setup-site.ts)
 *   /sitegpt/*            stand-in only: the SiteGPT widget stand-in (standin.ts)
 * Every request must name a loopback host (host-guard.ts); a POST to our routes must come
 * from the page's own origin.
 */
import { mkdirSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LogLine } from '../velo/backend/ports.js';
import { SANDBOX_SETTINGS_CACHE_MS, createBackend } from './backend.js';
import { CallScope } from './call-scope.js';
import { refuseForeignHost } from './host-guard.js';
import { json, text } from './http-io.js';
import { createPageServer } from './page-server.js';
import { RealtimeHub } from './realtime-hub.js';
import { createInboxStandin, type InboxStandin } from './inbox-standin.js';
import { inboxRoute } from './routes/inbox-route.js';
import { agentRoute } from './routes/agent-route.js';
import { authRoutes } from './routes/auth-routes.js';
import { sandboxApi } from './routes/sandbox-api.js';
import { webMethodRoute } from './routes/web-method-route.js';
import { settingsRoute } from './routes/settings-route.js';
import { FileSettingsStore } from './settings-store.js';
import { adminRoute } from './routes/admin-route.js';
import { seedRoute } from './routes/seed-route.js';
import { createAdminBackend } from './admin-backend.js';
import { makeConfig } from '../velo/backend/config.js';
import { sandboxSetupPorts, SetupSwitch } from './setup-site.js';
import { setupRoute } from './routes/setup-route.js';
import { Sessions, loadSessionSecret } from './session.js';
import { DEV_API_KEY, DEV_CHATBOT_ID, STANDIN_API, createStandin, type Standin } from './standin.js';
import { DEV_OPENAI_KEY, createOpenAiStandin, type OpenAiStandin } from './openai-standin.js';
import { SqliteThreadStore } from './thread-store.js';
import { SqliteTranscriptStore } from './transcript-store.js';

export { DEV_API_KEY, DEV_CHATBOT_ID } from './standin.js';

const REPO = fileURLToPath(new URL('..', import.meta.url));

export interface SandboxOptions {
  /** 0 picks a free port. Default: PORT, else 8787. */
  port?: number;
  /** Default 127.0.0.1: the sandbox never listens beyond this machine. */
  host?: string;
  /** Data folder (database, session key, Vite cache). Default: SANDBOX_DIR, else .sandbox. */
  dir?: string;
  /** Where secrets and switches are read from. Default: process.env. */
  env?: Record<string, string | undefined>;
  /** No request log on stdout (tests). */
  quiet?: boolean;
}

export interface Sandbox {
  url: string;
  port: number;
  mode: 'standin' | 'sitegpt';
  chatbotId: string;
  threads: SqliteThreadStore;
  /** The transcript mirror (native mode): one row per turn. */
  transcript: SqliteTranscriptStore;
  /** The realtime stand-in: open streams and every notice published. */
  realtime: RealtimeHub;
  /** Only with the stand-in. */
  standin?: Pick<Standin, 'store' | 'faults'>;
  /** The OpenAI-compatible provider: its stand-in's requests, and the base URL the panel offers. */
  openai: Pick<OpenAiStandin, 'requests' | 'baseUrl' | 'real'>;
  /** Every web-method call's log line, oldest first. */
  calls: LogLine[];
  /** The operator's SiteGptSettings item (`settings.json` in the data folder). */
  settings: FileSettingsStore;
  /** The site owner's Wix Inbox stand-in: the conversations handoffs opened. */
  inbox: InboxStandin;
  close(): Promise<void>;
}

type Route = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>;

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const env = options.env ?? process.env;
  const dir = resolve(options.dir ?? env.SANDBOX_DIR ?? join(REPO, '.sandbox'));
  mkdirSync(dir, { recursive: true });
  const real = Boolean(env.SITEGPT_API_KEY && env.SITEGPT_CHATBOT_ID);
  const chatbotId = real ? env.SITEGPT_CHATBOT_ID!.trim() : DEV_CHATBOT_ID;
  // The setup check's *Break the setup* switch drops SITEGPT_API_KEY from what every part reads.
  const setup = new SetupSwitch();
  const secrets = setup.secrets({
    SITEGPT_API_KEY: real ? env.SITEGPT_API_KEY : DEV_API_KEY,
    SITEGPT_CHATBOT_ID: chatbotId,
    SITEGPT_THREAD_SECRET: env.SITEGPT_THREAD_SECRET || undefined,
    OPENAI_API_KEY: env.OPENAI_API_KEY || DEV_OPENAI_KEY,
  });

  const scope = new CallScope();
  const standin = real ? undefined : createStandin(scope);
  // The fault panel's faults answer the provider's requests too (SiteGPT's or this endpoint's).
  const openai = createOpenAiStandin({
    apiKey: secrets.OPENAI_API_KEY,
    real: Boolean(env.OPENAI_API_KEY),
    ...(env.OPENAI_BASE_URL ? { realBaseUrl: env.OPENAI_BASE_URL } : {}),
    ...(standin ? { faults: standin.faults } : {}),
  });
  const threads = await SqliteThreadStore.open(join(dir, 'member-threads.sqlite'));
  const transcript = await SqliteTranscriptStore.open(join(dir, 'member-messages.sqlite'));
  const realtime = new RealtimeHub();
  const sessions = new Sessions(loadSessionSecret(dir, env));
  const calls: LogLine[] = [];
  const settings = new FileSettingsStore(join(dir, 'settings.json'));
  const inbox = createInboxStandin();
  const kit = createBackend({
    inbox: inbox.port,
    scope,
    threads,
    transcript,
    realtime,
    settings,
    secrets,
    calls,
    quiet: options.quiet,
    openaiFetch: openai.fetch,
    ...(standin ? { sitegptBaseUrl: STANDIN_API, sitegptFetch: standin.fetch } : { sitegptFetch: (input, init) => globalThis.fetch(input, init) }),
  });
  const vite = await createPageServer({ repo: REPO, dataDir: dir, quiet: options.quiet });
  const sitegptFetch: typeof fetch = standin ? standin.fetch : (input, init) => globalThis.fetch(input, init);
  const setupPorts = sandboxSetupPorts({
    config: makeConfig(standin ? { sitegptBaseUrl: STANDIN_API } : {}),
    setup,
    secrets,
    settings,
    sitegptFetch,
    openaiFetch: openai.fetch,
    ...(openai.real ? {} : { openaiStandinKey: DEV_OPENAI_KEY }),
  });
  const routes: Route[] = [
    authRoutes(sessions),
    webMethodRoute({ kit, adminKit: createAdminBackend({ scope, transcript, calls, quiet: options.quiet, setup: setupPorts }), scope, sessions }),
    adminRoute(sessions),
    seedRoute(transcript),
    realtime.route(sessions),
    sandboxApi({ chatbotId, threads, transcript, standin, openai }),
    agentRoute({ chatbotId, sessions, threads, realtime, standin }),
    settingsRoute({ store: settings, realtime, cacheMs: SANDBOX_SETTINGS_CACHE_MS }),
    inboxRoute({ inbox, backend: kit }),
    setupRoute(setup, sessions),
  ];

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (refuseForeignHost(req, res)) return;
    const url = new URL(req.url ?? '/', 'http://sandbox.local');
    if (/^\/_(?:auth|webmethods|sandbox)\//.test(url.pathname) && req.method === 'POST' && !sameOrigin(req)) {
      return json(res, 403, { error: 'cross-origin request refused' });
    }
    for (const route of routes) if (await route(req, res, url)) return;
    const toVite = () => vite.middlewares(req, res, () => text(res, 404, 'Not found'));
    if (standin) return standin.widget(req, res, toVite);
    toVite();
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('[sandbox]', error);
      if (!res.headersSent) json(res, 500, { error: 'internal error' });
      else res.destroy();
    });
  });
  const host = options.host ?? '127.0.0.1';
  const wanted = options.port ?? Number(env.PORT ?? 8787);
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(wanted, host, () => done());
  });
  const port = (server.address() as AddressInfo).port;

  let closing: Promise<void> | undefined;
  return {
    url: `http://${host === '127.0.0.1' ? 'localhost' : host}:${port}/`,
    port,
    mode: real ? 'sitegpt' : 'standin',
    chatbotId,
    threads,
    transcript,
    realtime,
    standin: standin && { store: standin.store, faults: standin.faults },
    openai: { requests: openai.requests, baseUrl: openai.baseUrl, real: openai.real },
    calls,
    settings,
    inbox,
    close: () =>
      (closing ??= (async () => {
        server.closeAllConnections();
        await new Promise<void>((done) => server.close(() => done()));
        await vite.close();
        threads.close();
        transcript.close();
      })()),
  };
}

/** A POST from another origin cannot sign in or call (browsers send Origin on POST; curl may omit it). */
function sameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  return origin === undefined || origin === `http://${req.headers.host}`;
}
