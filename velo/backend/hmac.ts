/**
 * HMAC-SHA256 through Web Crypto (`globalThis.crypto.subtle`), not `node:crypto`: the backend
 * Wix runs must import nothing but `@wix/*` (design.md section 2), and Web Crypto is a global
 * in Node ≥ 19 and, we assume, in Wix's Node backend. Same bytes as node's createHmac.
 */
const utf8 = new TextEncoder();

export async function hmacSha256(key: string | Uint8Array, data: string): Promise<Uint8Array> {
  const raw = typeof key === 'string' ? utf8.encode(key) : new Uint8Array(key);
  const cryptoKey = await crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return new Uint8Array(await crypto.subtle.sign('HMAC', cryptoKey, utf8.encode(data)));
}

export function toHex(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex;
}
