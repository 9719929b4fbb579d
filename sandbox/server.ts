/**
 * The sandbox server (design.md section 6): one node:http server on loopback that serves
 *   /                     the Wix-like member page (sandbox/page, through Vite in middleware
 *                         mode, so the real element and page code run from their TS sources)
 *   /_auth/*              sign in as a sandbox member, sign out, who am I (signed cookie)
 *   /_webmethods/{name}   the three web methods: the real backend core, for the cookie's member
 *   /_sandbox/config      what the page needs (chatbot ID, widget URL, members)
 *   /_sandbox/faults      stand-in only: make the next SiteGPT API calls fail (500s)
 *   /sitegpt/*            stand-in only: the SiteGPT widget stand-in (chat page, loader)
 * The stand-in's REST API runs in-process: the backend's SiteGPT client gets a fetch that
 * answers with the tests' msw handlers (msw's getResponse), over the same StandinStore the
 * widget pages read, so a thread the backend creates is the one the widget shows.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getResponse } from 'msw';
import { createServer as createViteServer, type ViteDevServer } from 'vite';
import { makeConfig } from '../velo/backend/config.js';
import { createMemberChat } from '../velo/backend/member-chat.core.js';
import type { LogLine, Member, MethodName, Ports } from '../velo/backend/ports.js';
import { createSitegptClient } from '../velo/backend/sitegpt/client.js';
import { createStandinHandler } from '../test/fixtures/sitegpt-standin/handler.js';
import { toNodeListener } from '../test/fixtures/sitegpt-standin/node-adapter.js';
import { StandinFaults, sitegptRestHandlers } from '../test/fixtures/sitegpt-standin/rest-api.js';
import { StandinStore } from '../test/fixtures/sitegpt-standin/store.js';
import { SANDBOX_MEMBERS, Sessions, findMember } from './session.js';
import { SqliteThreadStore } from './thread-store.js';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const METHODS: readonly MethodName[] = ['getMemberChat', 'startNewConversation', 'forgetMyChat'];

/** Development defaults for the stand-in; never used against the real SiteGPT. */
export const DEV_API_KEY = 'sandbox-dev-key-not-a-secret';
export const DEV_CHATBOT_ID = '361628903185318481';
const STANDIN_API = 'http://sitegpt-standin.invalid/api/v0';

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
  /** Only with the stand-in. */
  standin?: { store: StandinStore; faults: StandinFaults };
  /** Every web-method call's log line, oldest first. */
  calls: LogLine[];
  close(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const env = options.env ?? process.env;
  const dir = resolve(options.dir ?? env.SANDBOX_DIR ?? join(REPO, '.sandbox'));
  mkdirSync(dir, { recursive: true });
  const real = Boolean(env.SITEGPT_API_KEY && env.SITEGPT_CHATBOT_ID);
  const secrets: Record<string, string | undefined> = {
    SITEGPT_API_KEY: real ? env.SITEGPT_API_KEY : DEV_API_KEY,
    SITEGPT_CHATBOT_ID: real ? env.SITEGPT_CHATBOT_ID!.trim() : DEV_CHATBOT_ID,
    SITEGPT_THREAD_SECRET: env.SITEGPT_THREAD_SECRET || undefined,
  };
  const chatbotId = secrets.SITEGPT_CHATBOT_ID!;

  // SiteGPT: the real API, or the stand-in's REST handlers answered in-process.
  const standin = real ? undefined : { store: new StandinStore(), faults: new StandinFaults() };
  const config = makeConfig(real ? {} : { sitegptBaseUrl: STANDIN_API });
  let sitegptFetch: typeof fetch = (input, init) => globalThis.fetch(input, init);
  if (standin) {
    const handlers = sitegptRestHandlers({
      store: standin.store,
      faults: standin.faults,
      apiKey: DEV_API_KEY,
      baseUrl: STANDIN_API,
      chatbotIds: [DEV_CHATBOT_ID],
    });
    sitegptFetch = async (input, init) => {
      const response = await getResponse(handlers, new Request(input, init));
      if (!response) return new Response('Not found', { status: 404 });
      if (response.type === 'error') throw new TypeError('fetch failed'); // the stand-in's network-error fault
      return response;
    };
  }

  const threads = await SqliteThreadStore.open(join(dir, 'member-threads.sqlite'));
  const sessions = new Sessions(sessionSecret(dir, env));
  const calls: LogLine[] = [];
  const session = new AsyncLocalStorage<{ member: Member | null; line?: LogLine }>();
  const ports: Ports = {
    members: { current: async () => session.getStore()?.member ?? null },
    secrets: { get: async (name) => secrets[name] },
    threads,
    sitegpt: createSitegptClient({ baseUrl: config.sitegptBaseUrl, fetch: sitegptFetch, callTimeoutMs: config.timeouts.sitegptCallMs }),
    clock: { now: () => Date.now() },
    log: {
      write(line) {
        calls.push(line);
        const store = session.getStore();
        if (store) store.line = line;
        if (!options.quiet) {
          console.log(`[webmethod] ${line.method} ${line.outcome} ${line.latencyMs} ms${line.memberId ? ` member=${line.memberId}` : ''}${line.sitegptCalled ? ' (SiteGPT called)' : ''}${line.reason ? ` reason=${line.reason}` : ''}`);
        }
      },
    },
  };
  const core = createMemberChat(ports, config);

  const vite: ViteDevServer = await createViteServer({
    configFile: false,
    root: join(REPO, 'sandbox/page'),
    cacheDir: join(dir, 'vite-cache'),
    appType: 'mpa',
    logLevel: options.quiet ? 'silent' : 'warn',
    publicDir: false,
    server: { middlewareMode: true, hmr: false, ws: false, fs: { allow: [REPO] } },
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  const standinWidget = standin ? toNodeListener(createStandinHandler({ store: standin.store })) : undefined;

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sandbox.local');
    const path = url.pathname;
    const member = sessions.member(req.headers.cookie);

    if (path.startsWith('/_auth/') || path.startsWith('/_webmethods/') || path.startsWith('/_sandbox/')) {
      if (req.method === 'POST' && !sameOrigin(req)) return json(res, 403, { error: 'cross-origin request refused' });
    }
    if (path === '/_auth/me' && req.method === 'GET') {
      return json(res, 200, { member: member && { id: member.id, name: member.name } });
    }
    if (path === '/_auth/login' && req.method === 'POST') {
      const body = (await readJson(req)) as { memberId?: unknown } | undefined;
      const chosen = findMember(body?.memberId);
      if (!chosen) return json(res, 400, { error: 'unknown member' });
      return json(res, 200, { member: { id: chosen.id, name: chosen.name } }, { 'set-cookie': sessions.signIn(chosen.id) });
    }
    if (path === '/_auth/logout' && req.method === 'POST') {
      return json(res, 200, { member: null }, { 'set-cookie': sessions.signOut() });
    }
    if (path.startsWith('/_webmethods/') && req.method === 'POST') {
      const name = path.slice('/_webmethods/'.length) as MethodName;
      if (!METHODS.includes(name)) return json(res, 404, { error: 'no such web method' });
      const store: { member: Member | null; line?: LogLine } = { member: member && { id: member.id, loginEmail: member.loginEmail } };
      const result = await session.run(store, () => core[name]());
      return json(res, 200, result, {
        'x-sandbox-latency-ms': String(store.line?.latencyMs ?? ''),
        'x-sandbox-sitegpt-called': String(store.line?.sitegptCalled ?? false),
      });
    }
    if (path === '/_sandbox/config' && req.method === 'GET') {
      return json(res, 200, {
        mode: real ? 'sitegpt' : 'standin',
        chatbotId,
        // The page makes it absolute on its own origin (localhost or 127.0.0.1).
        widgetPath: real ? null : '/sitegpt/c/{chatbotId}?tid={thread}',
        members: SANDBOX_MEMBERS.map(({ id, name }) => ({ id, name })),
      });
    }
    if (path === '/_sandbox/faults' && req.method === 'POST' && standin) {
      // {status?: 4xx/5xx (default 500), times?: 1-100} or {delayMs, times?} or {clear: true}.
      const body = ((await readJson(req)) ?? {}) as { status?: unknown; delayMs?: unknown; times?: unknown; clear?: unknown };
      const times = typeof body.times === 'number' && body.times > 0 && body.times <= 100 ? Math.floor(body.times) : 1;
      if (body.clear === true) standin.faults.clear();
      else if (typeof body.delayMs === 'number' && body.delayMs > 0 && body.delayMs <= 60_000) {
        standin.faults.next({ kind: 'delay', ms: body.delayMs }, times);
      } else {
        const status = typeof body.status === 'number' && body.status >= 400 && body.status < 600 ? body.status : 500;
        standin.faults.next({ kind: 'status', status }, times);
      }
      return json(res, 200, { pending: standin.faults.pending });
    }
    if (path === '/_sandbox/state' && req.method === 'GET') {
      return json(res, 200, {
        rows: threads.all(),
        standinThreads: standin?.store.all().map((t) => ({ threadId: t.threadId, messages: t.messages.length })),
      });
    }
    if (standinWidget && path.startsWith('/sitegpt/')) return standinWidget(req, res);
    vite.middlewares(req, res, () => {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    });
  }

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
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
    standin,
    calls,
    close: () =>
      (closing ??= (async () => {
        server.closeAllConnections();
        await new Promise<void>((done) => server.close(() => done()));
        await vite.close();
        threads.close();
      })()),
  };
}

/** SANDBOX_SESSION_SECRET, else a random key kept in the data folder (sessions survive restarts). */
function sessionSecret(dir: string, env: Record<string, string | undefined>): Buffer {
  if (env.SANDBOX_SESSION_SECRET) return Buffer.from(env.SANDBOX_SESSION_SECRET, 'utf8');
  const file = join(dir, 'session-secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'utf8');
}

/** A POST from another origin cannot sign in or call (browsers send Origin on POST; curl may omit it). */
function sameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  return origin === undefined || origin === `http://${req.headers.host}`;
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > 16 * 1024) return undefined;
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null');
  } catch {
    return undefined;
  }
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}
