import * as z from 'zod/mini';
import { wholeNumber } from '../../../contract/errors.js';
import { ChatPageSchema, TURN_ID } from '../../../contract/turns.js';
import { ERROR_CODE } from '../formats.js';

/** `send-error`: the send of turn `id` failed with a backend error code (architecture.md §8.6). */
const SendErrorSchema = z.object({
  id: z.string().check(z.regex(TURN_ID)),
  code: z.string().check(z.regex(ERROR_CODE)),
  retryAfterMs: z.optional(wholeNumber()),
});
export type SendError = z.infer<typeof SendErrorSchema>;

/**
 * A reader of one JSON attribute that parses and checks each value once: every render reads
 * every attribute, and `messages` may be half a megabyte. It returns the same object for the
 * same value, so nothing may mutate what it returns.
 */
export function jsonReader<T>(schema: z.ZodMiniType<T>, max: number): (value: string) => T | undefined {
  let last: string | undefined;
  let parsed: T | undefined;
  return (value) => {
    if (value !== last) {
      last = value;
      parsed = undefined;
      try {
        const result = value.length <= max ? schema.safeParse(JSON.parse(value)) : undefined;
        if (result?.success) parsed = result.data;
      } catch {
        // Not JSON: reads as invalid, like a failed check.
      }
    }
    return parsed;
  };
}

export const MESSAGES_MAX = 512 * 1024;
export const SEND_ERROR_MAX = 1024;
/** `messages`: a page of turns (contract/turns.ts), ≤ 512 KiB. */
export const readPage = jsonReader(ChatPageSchema, MESSAGES_MAX);
/** `send-error`: `{id, code, retryAfterMs?}`, ≤ 1 KiB. */
export const readSendError = jsonReader(SendErrorSchema, SEND_ERROR_MAX);
