/**
 * `/admin`: the site owner's chat-metrics page, as a Wix page whose permissions are "Admins
 * only". Anyone else gets a 403 page that says how to sign in as the owner; the owner gets the
 * page (sandbox/page/admin/, served by Vite). Everything under /admin is guarded, in any URL
 * form; the figures themselves are behind the Admin web method, which checks again.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Sessions } from '../session.js';

const REFUSED = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Admins only · sandbox</title>
<link rel="icon" href="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Cpath d='M8 1l7 7-7 7-7-7z' fill='%23116dff'/%3E%3C/svg%3E">
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#1f2937}button{font:inherit;padding:.4rem .9rem}</style>
</head><body>
<h1>Admins only</h1>
<p>This page shows every member's chat figures, so only the site's owner may open it, as on a Wix page whose permissions are "Admins only".</p>
<form method="post" action="/_auth/owner?then=admin"><button>Sign in as the site owner</button></form>
<p><a href="/">Back to the member page</a></p>
</body></html>`;

export function adminRoute(sessions: Sessions) {
  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> => {
    if (!isAdminPath(url.pathname)) return false;
    if (!sessions.isAdmin(req.headers.cookie)) {
      res.writeHead(403, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(REFUSED);
      return true;
    }
    if (url.pathname === '/admin') {
      res.writeHead(302, { location: '/admin/', 'cache-control': 'no-store' });
      res.end();
      return true;
    }
    return false;
  };
}

/** `/admin` and everything under it, however the path is spelled (case, escapes, doubled slashes). */
function isAdminPath(pathname: string): boolean {
  let path = pathname;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    // A broken escape: compare what was sent.
  }
  return /^\/+admin(?:\/|$)/i.test(path.replace(/\\/g, '/'));
}
