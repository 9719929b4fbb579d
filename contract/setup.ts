/**
 * `checkSetup()`, the Admin web method behind `<sitegpt-setup-check>`: its answer. One row per
 * requirement of the install guide, always the same rows in the same order, each keyed by a
 * stable `id`, so the guide's troubleshooting can say "if `collection-messages` fails, …". The
 * words are the backend's, in English, for a site owner: what was found and what to do. No row
 * ever holds a secret's value. Kept out of contract/index.ts, like metrics.ts, so the member
 * element's bundle never carries these schemas.
 */
import * as z from 'zod/mini';
import { FailedSchema, wholeNumber } from './errors.js';

/** Every check, in the order the answer lists them. Stable: the guide is keyed by them. */
export const SETUP_CHECK_IDS = [
  'secret-api-key',
  'secret-chatbot-id',
  'secret-thread-secret',
  'secret-v2-token',
  'secret-openai-key',
  'collection-threads',
  'collection-messages',
  'collection-settings',
  'sitegpt-access',
  'realtime-permissions',
  'settings-item',
  'provider',
] as const;
export type SetupCheckId = (typeof SETUP_CHECK_IDS)[number];

/**
 * `pass`: checked and fine. `warn`: checked; the chat works, but something should be fixed.
 * `fail`: checked; the chat, or part of it, does not work until this is fixed. `unchecked`: it
 * could not be checked (a secret it needs is missing, or Wix or SiteGPT did not answer in time);
 * `found` says why.
 */
export const SETUP_STATUSES = ['pass', 'warn', 'fail', 'unchecked'] as const;
export type SetupStatus = (typeof SETUP_STATUSES)[number];

export const SETUP_LIMITS = {
  titleChars: 120,
  foundChars: 2000,
  fixChars: 2000,
} as const;

export const SetupCheckSchema = z.object({
  id: z.enum(SETUP_CHECK_IDS),
  status: z.enum(SETUP_STATUSES),
  /** What is checked, e.g. "Secret SITEGPT_API_KEY". */
  title: z.string().check(z.minLength(1), z.maxLength(SETUP_LIMITS.titleChars)),
  /** What the check found, in plain words. */
  found: z.string().check(z.maxLength(SETUP_LIMITS.foundChars)),
  /** What to do, where the status is not `pass`. */
  fix: z.optional(z.string().check(z.maxLength(SETUP_LIMITS.fixChars))),
});
export type SetupCheck = z.infer<typeof SetupCheckSchema>;

export const SetupReportSchema = z.object({
  /** ms since the epoch, when the check began. */
  checkedAt: wholeNumber(),
  /** How long the whole check took, ms. */
  tookMs: wholeNumber(),
  checks: z.array(SetupCheckSchema).check(z.maxLength(SETUP_CHECK_IDS.length)),
});
export type SetupReport = z.infer<typeof SetupReportSchema>;

export const SetupResultSchema = z.discriminatedUnion('ok', [z.extend(SetupReportSchema, { ok: z.literal(true) }), FailedSchema]);
export type SetupResult = z.infer<typeof SetupResultSchema>;
