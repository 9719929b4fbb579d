/**
 * What `POST /_sandbox/faults` accepts: exactly one of four shapes, strict (zod), or a 400 that
 * says what was wrong. Anything looser used to queue a 500 for a typo.
 */
import { z } from 'zod';
import type { StandinFault } from '../test/fixtures/sitegpt-standin/rest-api.js';

const times = z.number().int().min(1).max(20).optional();

/** Keyed by the field that says which shape a body means. */
const SHAPES = {
  /** `retryAfter`: seconds for SiteGPT's Retry-After header (a 429 then carries retryAfterMs to the page). */
  status: z.strictObject({ status: z.number().int().min(400).max(599), retryAfter: z.number().int().min(0).max(3600).optional(), times }),
  delayMs: z.strictObject({ delayMs: z.number().int().min(1).max(60_000), times }),
  kind: z.strictObject({ kind: z.enum(['garbage', 'network-error', 'wrong-shape']), times }),
  clear: z.strictObject({ clear: z.literal(true) }),
} as const;

export const FAULT_SHAPES_HELP =
  'expected one of {"status": 400-599, "retryAfter"?: 0-3600 s, "times"?: 1-20}, {"delayMs": 1-60000, "times"?: 1-20}, ' +
  '{"kind": "garbage" | "network-error" | "wrong-shape", "times"?: 1-20} or {"clear": true}';

export type FaultRequest = { clear: true } | { fault: StandinFault; times: number };

export function parseFaultRequest(body: unknown): { ok: true; request: FaultRequest } | { ok: false; error: string } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { ok: false, error: FAULT_SHAPES_HELP };
  const keys = (Object.keys(SHAPES) as (keyof typeof SHAPES)[]).filter((key) => Object.hasOwn(body, key));
  if (keys.length !== 1) return { ok: false, error: `give exactly one of status, delayMs, kind or clear: ${FAULT_SHAPES_HELP}` };
  const parsed = SHAPES[keys[0]!].safeParse(body);
  if (!parsed.success) {
    return { ok: false, error: parsed.error.issues.map((i) => `${i.path.join('.') || keys[0]}: ${i.message}`).join('; ') };
  }
  const data = parsed.data;
  if ('clear' in data) return { ok: true, request: { clear: true } };
  const fault: StandinFault =
    'status' in data
      ? { kind: 'status', status: data.status, ...(data.retryAfter === undefined ? {} : { retryAfter: String(data.retryAfter) }) }
      : 'delayMs' in data
        ? { kind: 'delay', ms: data.delayMs }
        : { kind: data.kind };
  return { ok: true, request: { fault, times: data.times ?? 1 } };
}
