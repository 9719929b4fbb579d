/**
 * A reply body read up to a byte cap, never whole: an upstream that answers with hundreds of
 * megabytes (by mistake or not) must not fill the backend container's memory. A declared
 * Content-Length over the cap fails before anything is read. Shared by the providers' clients;
 * `tooLargeReason` is the caller's own log label (`sitegpt-too-large`, `openai-too-large`).
 */
import { Failure } from '../runtime/failure.js';

export async function readCapped(response: Response, maxBytes: number, tooLargeReason = 'sitegpt-too-large'): Promise<string> {
  const tooLarge = () => new Failure('UPSTREAM_UNAVAILABLE', tooLargeReason);
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > maxBytes) {
    void response.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        // Not awaited: a source that is slow to cancel must not hold the member's answer.
        void reader.cancel().catch(() => undefined);
        throw tooLarge();
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof Failure) throw error;
    // A body cut off mid-way reads as empty, which the caller treats as an unreadable reply.
    return '';
  }
  return new TextDecoder().decode(concat(chunks, total));
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
