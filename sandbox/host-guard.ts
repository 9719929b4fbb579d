/**
 * DNS rebinding defence. A page on attacker.example whose name is later re-pointed at
 * 127.0.0.1 reaches the sandbox from a member's browser as its own origin, so neither the
 * Origin check nor SameSite cookies stop it; the Host header still names attacker.example.
 * Every request (our routes, the stand-in's, Vite's) is answered only for loopback names.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { text } from './http-io.js';

/** localhost, 127.0.0.1 or [::1], with or without a port; nothing else (no trailing dot, no suffix). */
const LOOPBACK_HOST = /^(?:localhost|127\.0\.0\.1|\[::1\])(?::\d{1,5})?$/i;

export function isLoopbackHost(host: string | undefined): boolean {
  return host !== undefined && LOOPBACK_HOST.test(host);
}

/** Answers 421 and returns true when the request names another host. */
export function refuseForeignHost(req: IncomingMessage, res: ServerResponse): boolean {
  if (isLoopbackHost(req.headers.host)) return false;
  text(res, 421, 'This sandbox answers only localhost, 127.0.0.1 and [::1].\n');
  return true;
}
