/**
 * The sandbox's sign-in, standing in for Wix's: `GET /_auth/me`, `POST /_auth/login` with
 * `{memberId}` (one of the bar's members or any ID shaped like `member-id`), `POST
 * /_auth/owner` (the site owner, an admin: the one session the Admin web methods and `/admin`
 * admit), `POST /_auth/logout`. The member lives in a signed HttpOnly cookie, never in page state.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { MEMBER_ID } from '../../element/src/formats.js';
import { json, parseJson, readBody } from '../http-io.js';
import { memberFor, SITE_OWNER, type Sessions } from '../session.js';

const LoginBody = z.strictObject({ memberId: z.string().regex(MEMBER_ID) });
/** One fixed reason: a refused value (or key) is never echoed back. */
const LOGIN_HELP = 'send {"memberId": "…"}: 1-64 ASCII letters, digits, "-" or "_", starting with a letter or digit';

export function authRoutes(sessions: Sessions) {
  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> => {
    const path = url.pathname;
    if (path === '/_auth/me' && req.method === 'GET') {
      const member = sessions.member(req.headers.cookie);
      json(res, 200, { member: member && { id: member.id, name: member.name }, admin: sessions.isAdmin(req.headers.cookie) });
      return true;
    }
    if (path === '/_auth/owner' && req.method === 'POST') {
      // From the admin page's refusal (a plain form): straight on to the page.
      if (url.searchParams.get('then') === 'admin') {
        res.writeHead(303, { location: '/admin/', 'set-cookie': sessions.signInOwner(), 'cache-control': 'no-store' });
        res.end();
        return true;
      }
      json(res, 200, { member: { id: SITE_OWNER.id, name: SITE_OWNER.name }, admin: true }, { 'set-cookie': sessions.signInOwner() });
      return true;
    }
    if (path === '/_auth/login' && req.method === 'POST') {
      const body = await readBody(req, res, 1024);
      if (body === 'too-large') return refuse(res, 413, 'the sign-in body is over 1 KiB');
      const parsed = parseJson(body);
      const login = parsed.ok ? LoginBody.safeParse(parsed.value) : undefined;
      if (!login?.success) return refuse(res, 400, LOGIN_HELP);
      const member = memberFor(login.data.memberId)!;
      json(res, 200, { member: { id: member.id, name: member.name } }, { 'set-cookie': sessions.signIn(member.id) });
      return true;
    }
    if (path === '/_auth/logout' && req.method === 'POST') {
      json(res, 200, { member: null }, { 'set-cookie': sessions.signOut() });
      return true;
    }
    return false;
  };
}

function refuse(res: ServerResponse, status: number, error: string): true {
  json(res, status, { error });
  return true;
}
