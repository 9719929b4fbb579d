/**
 * `POST /_webmethods/{name}`: one web-method call, answered as Wix's transport answers it. The
 * request must be a POST of `application/json`, at most 64 KiB, holding a JSON array of
 * arguments that the method's schema accepts; anything else is a 4xx with `{error}` and never
 * reaches the kit. The member is the session cookie's, as on Wix.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Kit } from '../../velo/backend/kit.js';
import type { CallScope } from '../call-scope.js';
import { json, parseJson, readBody } from '../http-io.js';
import type { Sessions } from '../session.js';
import { findWebMethod } from '../web-method-table.js';
import type { AdminKit } from '../../velo/backend/admin-kit.js';
import { findAdminWebMethod, type AdminWebMethod } from '../admin-web-methods.js';

const PREFIX = '/_webmethods/';
export const MAX_ARGUMENTS_BYTES = 64 * 1024;

export function webMethodRoute(deps: { kit: Kit; adminKit?: AdminKit; scope: CallScope; sessions: Sessions }) {
  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> => {
    if (!url.pathname.startsWith(PREFIX)) return false;
    const name = url.pathname.slice(PREFIX.length);
    const admin = deps.adminKit && findAdminWebMethod(name);
    if (admin) return adminCall(req, res, admin, deps.adminKit!, deps);
    const method = findWebMethod(name);
    if (!method) return refuse(res, 404, 'no such web method');
    if (req.method !== 'POST') return refuse(res, 405, 'web methods are called with POST', { allow: 'POST' });
    if (!isJson(req.headers['content-type'])) return refuse(res, 415, 'a web-method call carries application/json');
    const body = await readBody(req, res, MAX_ARGUMENTS_BYTES);
    if (body === 'too-large') return refuse(res, 413, 'the arguments are over 64 KiB');
    const parsed = parseJson(body);
    if (!parsed.ok) return refuse(res, 400, 'the body is not JSON: send a JSON array of arguments');
    if (!Array.isArray(parsed.value)) return refuse(res, 400, 'the body must be a JSON array of arguments');
    const call = method.parse(parsed.value);
    if (!call.ok) return refuse(res, 400, call.error);

    const member = deps.sessions.member(req.headers.cookie);
    const { value, call: done } = await deps.scope.run(member && { id: member.id, loginEmail: member.loginEmail }, () => call.run(deps.kit));
    json(res, 200, value, {
      'x-sandbox-latency-ms': String(done.line?.latencyMs ?? ''),
      'x-sandbox-sitegpt-called': String(done.line?.sitegptCalled ?? false),
    });
    return true;
  };
}

/**
 * An Admin web method: refused (403, as Wix rejects the call) unless the session is the site
 * owner's admin one, checked before anything else is read.
 */
async function adminCall(
  req: IncomingMessage,
  res: ServerResponse,
  method: AdminWebMethod,
  kit: AdminKit,
  deps: { scope: CallScope; sessions: Sessions },
): Promise<true> {
  if (req.method !== 'POST') return refuse(res, 405, 'web methods are called with POST', { allow: 'POST' });
  if (!deps.sessions.isAdmin(req.headers.cookie)) return refuse(res, 403, 'an Admin web method: sign in as the site owner');
  if (!isJson(req.headers['content-type'])) return refuse(res, 415, 'a web-method call carries application/json');
  const body = await readBody(req, res, MAX_ARGUMENTS_BYTES);
  if (body === 'too-large') return refuse(res, 413, 'the arguments are over 64 KiB');
  const parsed = parseJson(body);
  if (!parsed.ok || !Array.isArray(parsed.value)) return refuse(res, 400, 'the body must be a JSON array of arguments');
  const call = method.parse(parsed.value);
  if (!call.ok) return refuse(res, 400, call.error);
  const { value, call: done } = await deps.scope.run(null, () => call.run(kit));
  json(res, 200, value, { 'x-sandbox-latency-ms': String(done.line?.latencyMs ?? '') });
  return true;
}

function isJson(contentType: string | undefined): boolean {
  return contentType?.split(';')[0]?.trim().toLowerCase() === 'application/json';
}

function refuse(res: ServerResponse, status: number, error: string, headers: Record<string, string> = {}): true {
  json(res, status, { error }, headers);
  return true;
}
