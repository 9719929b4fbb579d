/**
 * The sandbox's stand-in for Wix Realtime (architecture.md §8.5): Server-Sent Events on the
 * sandbox's own port. `GET /_realtime?resource=<memberId>` opens a stream of the member's
 * notices, and only for the member of the session cookie, the rule backend/realtime-permissions.js
 * gives Wix (any other resource, or no session, is a 403). The backend publishes through
 * RealtimePort, as on a site: content-free notices `{v, kind, rev}`, one `data:` line each.
 * `GET /_realtime?channel=sitegpt-chat-service` streams the site-wide `service` notices (the
 * operator changed the service mode) to any signed-in member's page.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SERVICE_CHANNEL, type Notice } from '../contract/index.js';
import type { RealtimePort } from '../velo/backend/ports.js';
import { json } from './http-io.js';
import type { Sessions } from './session.js';

export const REALTIME_PATH = '/_realtime';

export class RealtimeHub implements RealtimePort {
  readonly #streams = new Map<string, Set<ServerResponse>>();
  /** Pages listening to the site-wide service channel. */
  readonly #serviceStreams = new Set<ServerResponse>();
  /** Every notice published, oldest first (tests and the bench count them). */
  readonly published: Array<{ memberId: string; notice: Notice }> = [];
  /** Every site-wide service notice published, oldest first. */
  readonly publishedService: Notice[] = [];

  async publish(memberId: string, notice: Notice): Promise<void> {
    this.published.push({ memberId, notice });
    const data = `data: ${JSON.stringify({ v: notice.v, kind: notice.kind, rev: notice.rev })}\n\n`;
    for (const stream of this.#streams.get(memberId) ?? []) stream.write(data);
  }

  async publishService(notice: Notice): Promise<void> {
    this.publishedService.push(notice);
    const data = `data: ${JSON.stringify({ v: notice.v, kind: notice.kind, rev: notice.rev })}\n\n`;
    for (const stream of this.#serviceStreams) stream.write(data);
  }

  /** Pages listening to the service channel. */
  serviceStreams(): number {
    return this.#serviceStreams.size;
  }

  /** Open streams of one member (or of everyone). */
  streams(memberId?: string): number {
    if (memberId !== undefined) return this.#streams.get(memberId)?.size ?? 0;
    return [...this.#streams.values()].reduce((sum, set) => sum + set.size, 0);
  }

  route(sessions: Sessions) {
    return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> => {
      if (url.pathname !== REALTIME_PATH) return false;
      if (req.method !== 'GET') {
        json(res, 405, { error: 'subscribe with GET' }, { allow: 'GET' });
        return true;
      }
      const member = sessions.member(req.headers.cookie);
      if (url.searchParams.get('channel') === SERVICE_CHANNEL) {
        if (!member) {
          json(res, 403, { error: 'the service channel is for signed-in members' });
          return true;
        }
        open(res);
        this.#serviceStreams.add(res);
        req.on('close', () => this.#serviceStreams.delete(res));
        return true;
      }
      const resource = url.searchParams.get('resource');
      if (!member || resource !== member.id) {
        json(res, 403, { error: 'only the signed-in member may subscribe, and only to their own ID' });
        return true;
      }
      open(res);
      const set = this.#streams.get(member.id) ?? new Set();
      this.#streams.set(member.id, set.add(res));
      req.on('close', () => {
        set.delete(res);
        if (set.size === 0 && this.#streams.get(member.id) === set) this.#streams.delete(member.id);
      });
      return true;
    };
  }
}

/** Starts an event stream; the comment line sends the headers now, so the page's EventSource opens. */
function open(res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' });
  res.write(': subscribed\n\n');
}
