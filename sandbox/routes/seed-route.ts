/**
 * `POST /_sandbox/seed` with `{seed?, days?, members?}`: the seed command's way into a running
 * sandbox, whose database lives in its memory (a file written beside it would be overwritten by
 * its next save). Answers the summary: turns and members written, the range they cover.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { json, parseJson, readBody } from '../http-io.js';
import { seedMirror } from '../seed/apply.js';
import type { SqliteTranscriptStore } from '../transcript-store.js';

export const SeedBody = z.strictObject({
  seed: z.number().int().min(0).max(2 ** 32 - 1).optional(),
  days: z.number().int().min(1).max(92).optional(),
  members: z.number().int().min(1).max(5000).optional(),
});

export function seedRoute(transcript: SqliteTranscriptStore) {
  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> => {
    if (url.pathname !== '/_sandbox/seed' || req.method !== 'POST') return false;
    const body = await readBody(req, res, 1024);
    const parsed = body === 'too-large' ? undefined : parseJson(body);
    const options = parsed?.ok ? SeedBody.safeParse(parsed.value) : undefined;
    if (!options?.success) {
      json(res, 400, { error: 'send {"seed"?: 0–4294967295, "days"?: 1–92, "members"?: 1–5000}' });
      return true;
    }
    json(res, 200, seedMirror(transcript, options.data));
    return true;
  };
}
