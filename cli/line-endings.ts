/**
 * Text compared as text, not as bytes: Git on Windows with core.autocrlf=true checks every
 * text file out with CRLF line endings, and the kit's files (written with LF) are still the
 * kit's files then. Everything the command compares or hashes goes through here; what it
 * writes keeps the kit's own bytes (LF).
 */

/** `bytes` with each CRLF as LF (the same bytes when there is no CR, without copying). */
export function asLf(bytes: Uint8Array): Buffer {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (!view.includes(13)) return view;
  const out = Buffer.allocUnsafe(view.length);
  let length = 0;
  for (let i = 0; i < view.length; i++) {
    if (view[i] === 13 && view[i + 1] === 10) continue;
    out[length++] = view[i]!;
  }
  return out.subarray(0, length);
}

/** Whether `a` and `b` hold the same text, whatever their line endings. */
export function sameText(a: Uint8Array, b: Uint8Array): boolean {
  return asLf(a).equals(asLf(b));
}
