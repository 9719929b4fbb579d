/**
 * `Retry-After` is either delta-seconds or an HTTP date (RFC 9110 10.2.3). SiteGPT documents
 * no retry headers, so an absent or unreadable value gives undefined, never a guess. Shared by
 * the providers' clients.
 */
export function parseRetryAfter(header: string | null, nowMs: number): number | undefined {
  if (header === null) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}
