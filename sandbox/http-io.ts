/**
 * The small HTTP helpers every sandbox route shares: JSON and text answers that are never
 * cached, and a request body read under a size cap.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}

export function text(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  res.end(body);
}

/**
 * The body, or 'too-large' as soon as it passes `maxBytes` (a declared Content-Length says so
 * before anything is read). The rest of an oversized body is drained, not read into memory,
 * and the connection closes after the answer, so the client reads the 413 rather than a reset.
 */
export async function readBody(req: IncomingMessage, res: ServerResponse, maxBytes: number): Promise<Buffer | 'too-large'> {
  const tooLarge = (): 'too-large' => {
    res.setHeader('connection', 'close');
    req.resume();
    return 'too-large';
  };
  if (Number(req.headers['content-length'] ?? 0) > maxBytes) return tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) return tooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** JSON.parse that says "not JSON" with a value instead of throwing. */
export function parseJson(bytes: Buffer): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(bytes.toString('utf8')) };
  } catch {
    return { ok: false };
  }
}
