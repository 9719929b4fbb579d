/**
 * Plain HTTP against a started sandbox, no browser: raw requests (any Host header, any body,
 * which fetch does not allow) and a member's device that signs in and calls web methods with
 * its own cookie, as the page does. Used by the HTTP tests and the load bench.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { request, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox, type Sandbox } from '../../sandbox/server.js';

export interface RawReply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface RawRequest {
  method?: string;
  path: string;
  /** Default `127.0.0.1:<port>`, what a browser on the page's URL sends. */
  host?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/** One request exactly as written: the path is not normalised, the Host header is ours to pick. */
export function rawRequest(port: number, { method = 'GET', path, host, headers = {}, body }: RawRequest): Promise<RawReply> {
  // A declared length: node sends a DELETE's body unframed otherwise, and the server refuses it.
  const length: Record<string, string> =
    body === undefined || headers['transfer-encoding'] ? {} : { 'content-length': String(Buffer.byteLength(body)) };
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method, path, agent: false, headers: { host: host ?? `127.0.0.1:${port}`, ...length, ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

export interface QuietSandbox {
  sandbox: Sandbox;
  dir: string;
  close(): Promise<void>;
}

/** A stand-in sandbox on a free port over a data folder (a new temporary one unless given). */
export async function startQuietSandbox(options: { dir?: string } = {}): Promise<QuietSandbox> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'sandbox-http-'));
  const sandbox = await startSandbox({ port: 0, dir, quiet: true, env: {} });
  return {
    sandbox,
    dir,
    async close() {
      await sandbox.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface WebMethodReply<T = unknown> {
  status: number;
  result: T;
  /** Round trip as this device saw it. */
  ms: number;
  sitegptCalled: boolean;
}

export interface RealtimeStream {
  status: number;
  contentType: string;
  /** Everything received so far. */
  text: string;
  /** The JSON of every `data:` line so far. */
  events: unknown[];
  close(): void;
}

/** One browser's worth of session: the sign-in cookie, then web-method calls with it. */
export class MemberDevice {
  #cookie = '';

  constructor(readonly base: string) {}

  /** The sign-in cookie (`name=value`), "" before a sign-in. */
  get cookie(): string {
    return this.#cookie;
  }

  /**
   * Opens the realtime stream for `resource` with this device's cookie, as the page's
   * EventSource does. Its `data:` lines collect in `events`; a refused stream has its status
   * and body and no events.
   */
  openRealtime(resource: string): Promise<RealtimeStream> {
    const url = new URL(`/_realtime?resource=${encodeURIComponent(resource)}`, this.base);
    return new Promise((resolve, reject) => {
      const req = request(url, { agent: false, headers: { cookie: this.#cookie, accept: 'text/event-stream' } }, (res) => {
        const stream: RealtimeStream = { status: res.statusCode ?? 0, contentType: String(res.headers['content-type']), text: '', events: [], close: () => req.destroy() };
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          stream.text += chunk;
          stream.events = stream.text.split('\n\n').flatMap((block) => block.split('\n').filter((l) => l.startsWith('data: ')).map((l) => JSON.parse(l.slice(6)) as unknown));
        });
        res.on('error', () => undefined);
        // The headers are here: a stream is open, a refusal's body follows at once.
        if (stream.status === 200) resolve(stream);
        else res.on('end', () => resolve(stream));
      });
      req.on('error', reject);
      req.end();
    });
  }

  async signIn(memberId: string): Promise<{ status: number; body: unknown }> {
    const response = await fetch(new URL('/_auth/login', this.base), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ memberId }),
    });
    const cookie = response.headers.get('set-cookie');
    if (cookie) this.#cookie = cookie.split(';')[0]!;
    return { status: response.status, body: await response.json() };
  }

  async call<T = unknown>(name: string, args: unknown[] = []): Promise<WebMethodReply<T>> {
    const started = performance.now();
    const response = await fetch(new URL(`/_webmethods/${name}`, this.base), {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: this.#cookie },
      body: JSON.stringify(args),
    });
    const result = (await response.json()) as T;
    return {
      status: response.status,
      result,
      ms: performance.now() - started,
      sitegptCalled: response.headers.get('x-sandbox-sitegpt-called') === 'true',
    };
  }
}
