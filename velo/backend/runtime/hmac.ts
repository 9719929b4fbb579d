/**
 * HMAC-SHA256 through Web Crypto (`globalThis.crypto.subtle`), not `node:crypto`: the backend
 * Wix runs must import nothing but `@wix/*` (wix-bundle.test.ts checks it), and Web Crypto is
 * a global in Node ≥ 19 and, we assume, in Wix's Node backend. Same bytes as node's createHmac.
 */
const utf8 = new TextEncoder();

/** The last text key imported: the API key, which signs an email on every answer. */
let lastTextKey: { text: string; key: Promise<CryptoKey> } | undefined;

export async function hmacSha256(key: string | Uint8Array, data: string): Promise<Uint8Array> {
  const cryptoKey = typeof key === 'string' ? textKey(key) : importHmacKey(new Uint8Array(key));
  return new Uint8Array(await crypto.subtle.sign('HMAC', await cryptoKey, utf8.encode(data)));
}

function textKey(text: string): Promise<CryptoKey> {
  if (lastTextKey?.text !== text) lastTextKey = { text, key: importHmacKey(utf8.encode(text)) };
  return lastTextKey.key;
}

function importHmacKey(raw: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
}

export function toHex(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex;
}
