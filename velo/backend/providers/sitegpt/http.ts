/**
 * One SiteGPT request: its own timeout inside the caller's deadline, and one retry (after a
 * short random pause, so devices that failed together do not retry together) when the network
 * failed, the call timed out or SiteGPT answered 5xx. The body is read up to a byte cap.
 * Everything else is the caller's to read.
 */
import { defaultConfig } from '../../config.js';
import { Deadline, sleep, withTimeout } from '../../runtime/deadline.js';
import { Failure } from '../../runtime/failure.js';
import { readCapped } from '../read-capped.js';

export interface HttpOptions {
  baseUrl: string;
  fetch: typeof globalThis.fetch;
  callTimeoutMs: number;
  /** The most of a reply body that is read; `sitegptMaxReplyBytes` of the default config if unset. */
  maxReplyBytes?: number;
  /** The pause before the retry; random by default. */
  retryDelayMs?: () => number;
}

/** Failures a second try may cure. A reply that was too large would only be too large again. */
const RETRYABLE = new Set(['sitegpt-network', 'sitegpt-timeout', 'sitegpt-5xx']);

export interface SitegptReply {
  status: number;
  headers: Headers;
  /** The parsed body, or undefined when it was not JSON. */
  body: unknown;
}

export interface SitegptRequest {
  method: 'GET' | 'POST' | 'PATCH';
  path: string;
  apiKey: string;
  json?: unknown;
  /** This request's own cap instead of `callTimeoutMs` (sending a message waits for the answer). */
  timeoutMs?: number;
}

export async function sendWithRetry(
  options: HttpOptions,
  request: SitegptRequest,
  deadline: Deadline,
): Promise<SitegptReply> {
  const retryDelayMs = options.retryDelayMs ?? (() => 100 + Math.random() * 200);
  try {
    return await sendOnce(options, request, deadline);
  } catch (error) {
    const pause = retryDelayMs();
    if (!(error instanceof Failure) || !RETRYABLE.has(error.reason) || deadline.remainingMs() <= pause) {
      throw error;
    }
    await sleep(pause);
    return sendOnce(options, request, deadline);
  }
}

/** One try, no retry: for a request that must not run twice (posting a member's question). */
export async function sendOnce(options: HttpOptions, request: SitegptRequest, deadline: Deadline): Promise<SitegptReply> {
  const ms = deadline.allow(request.timeoutMs ?? options.callTimeoutMs);
  if (ms <= 0) throw new Failure('UPSTREAM_UNAVAILABLE', 'sitegpt-no-time');
  return withTimeout(
    ms,
    () => new Failure('UPSTREAM_UNAVAILABLE', 'sitegpt-timeout'),
    async (signal) => {
      let response: Response;
      try {
        response = await options.fetch(`${options.baseUrl}${request.path}`, {
          method: request.method,
          headers: {
            authorization: `Bearer ${request.apiKey}`,
            accept: 'application/json',
            ...(request.json === undefined ? {} : { 'content-type': 'application/json' }),
          },
          body: request.json === undefined ? undefined : JSON.stringify(request.json),
          signal,
        });
      } catch {
        // The fetch error may quote the request; only our own label goes further.
        throw new Failure('UPSTREAM_UNAVAILABLE', 'sitegpt-network');
      }
      if (response.status >= 500) {
        // Nothing in a 5xx body changes what we do, so it is not read at all.
        void response.body?.cancel().catch(() => undefined);
        throw new Failure('UPSTREAM_UNAVAILABLE', 'sitegpt-5xx');
      }
      const text = await readCapped(response, options.maxReplyBytes ?? defaultConfig.sitegptMaxReplyBytes);
      return { status: response.status, headers: response.headers, body: parseJson(text) };
    },
  );
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
