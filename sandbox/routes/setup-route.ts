/**
 * The setup check's *Break the setup* switch (setup-site.ts), for /admin:
 *   GET  /_sandbox/setup   {broken, dropped: {secret, field}}
 *   POST /_sandbox/setup   {"broken": true | false}, the site owner's admin session only: it
 *                          breaks every member's chat, and /admin, its only caller, is owner-only.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { json, parseJson, readBody } from '../http-io.js';
import type { Sessions } from '../session.js';
import { DROPPED_FIELD, DROPPED_SECRET, type SetupSwitch } from '../setup-site.js';

export function setupRoute(setup: SetupSwitch, sessions: Sessions) {
  const state = () => ({ broken: setup.broken, dropped: { secret: DROPPED_SECRET, field: `${DROPPED_FIELD.collection}.${DROPPED_FIELD.field}` } });
  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> => {
    if (url.pathname !== '/_sandbox/setup') return false;
    if (req.method === 'GET') {
      json(res, 200, state());
      return true;
    }
    if (req.method !== 'POST') return false;
    // Checked before the body is read, as an Admin web method is (routes/web-method-route.ts).
    if (!sessions.isAdmin(req.headers.cookie)) {
      json(res, 403, { error: 'Break the setup is for the site owner: sign in as the site owner' });
      return true;
    }
    const body = await readBody(req, res, 1024);
    const parsed = body === 'too-large' ? undefined : parseJson(body);
    const broken = parsed?.ok ? (parsed.value as { broken?: unknown } | null)?.broken : undefined;
    if (typeof broken !== 'boolean') {
      json(res, 400, { error: 'send {"broken": true} or {"broken": false}' });
      return true;
    }
    setup.broken = broken;
    json(res, 200, state());
    return true;
  };
}
