import * as z from 'zod/mini';
import { regexes } from 'zod/v4/core';
import { CHATBOT_ID, ERROR_CODE, LANG, MEMBER_ID, SIGNATURE, THREAD_ID } from './formats.js';
import { LABEL_KEYS, type LabelKey } from './labels.js';
import { MEMBER_SCOPED } from './member-scope.js';
import { MESSAGES_MAX, SEND_ERROR_MAX, readPage, readSendError } from './pane/pane-input.js';
import { SERVICE_MAX, readService } from './service.js';
import { isSafeUrlTemplate } from './widget/url-template.js';

export const DEFAULT_WIDGET_URL = 'https://widget.sitegpt.ai/c/{chatbotId}?tid={thread}';
export const DEFAULT_LOADER_URL = 'https://sitegpt.ai/widget/{chatbotId}.js';

// Only zod's smallest building blocks (object, optional, string checks) are used here: each
// further zod construct costs the bundle kilobytes. Values stay strings; the few that are
// numbers or JSON are converted where they are used, after passing these checks.
const matching = (pattern: RegExp) => z.string().check(z.regex(pattern));
const satisfying = (max: number, test: (value: string) => boolean) =>
  z.string().check(z.maxLength(max), z.refine(test));
const label = z.optional(z.string().check(z.maxLength(300)));

const inRange = (min: number, max: number) => (value: string) =>
  /^\d{1,6}$/.test(value) && Number(value) >= min && Number(value) <= max;

const jsonStrings = (min: number, max: number, each: number) => (value: string) => {
  try {
    const parsed: unknown = JSON.parse(value);
    return (
      Array.isArray(parsed) &&
      parsed.length >= min &&
      parsed.length <= max &&
      parsed.every((part) => typeof part === 'string' && part.length <= each)
    );
  } catch {
    return false;
  }
};

const labels = Object.fromEntries(LABEL_KEYS.map((key) => [`label-${key}`, label])) as Record<
  `label-${LabelKey}`,
  typeof label
>;

/**
 * The element's whole attribute contract. Keys are the attribute names, so a failed check
 * names the attribute at fault. Empty member-scoped values read as absent (see parseAttributes).
 */
const schema = z.object({
  'chatbot-id': matching(CHATBOT_ID),
  'member-id': z.optional(matching(new RegExp(`^(?:${MEMBER_ID.source.slice(1, -1)})?$`))),
  thread: z.optional(matching(THREAD_ID)),
  email: z.optional(z.string().check(z.maxLength(254), z.regex(regexes.email))),
  'email-signature': z.optional(matching(SIGNATURE)),
  error: z.optional(matching(ERROR_CODE)),
  /** A backend error code for a *New conversation* that failed: the old chat stays, with a notice. */
  notice: z.optional(matching(ERROR_CODE)),
  'widget-strategy': z.optional(matching(/^(?:frame|script)$/)),
  'ready-on': z.optional(matching(/^(?:message|load)$/)),
  'loader-isolation': z.optional(matching(/^(?:sandboxed|same-origin)$/)),
  'widget-url': z.optional(satisfying(2048, isSafeUrlTemplate)),
  'loader-url': z.optional(satisfying(2048, isSafeUrlTemplate)),
  /** JSON array of 1–6 strings: the `$sitegpt` command that opens `{thread}`. */
  'resume-command': z.optional(satisfying(1300, jsonStrings(1, 6, 200))),
  /** JSON `[prefix, suffix]` for `set context`. */
  'widget-context': z.optional(satisfying(1100, jsonStrings(2, 2, 500))),
  'widget-css': z.optional(z.string().check(z.maxLength(8000))),
  'frame-css': z.optional(z.string().check(z.maxLength(8000))),
  lang: z.optional(matching(LANG)),
  /** `widget` (default) or `native`: the element renders the conversation itself (architecture.md §8.6). */
  mode: z.optional(matching(/^(?:widget|native)$/)),
  /** Native mode, member-scoped: JSON page of turns for `thread`. */
  messages: z.optional(satisfying(MESSAGES_MAX, (value) => readPage(value) !== undefined)),
  /** Native mode, member-scoped: JSON `{id, code, retryAfterMs?}` of a send that failed. */
  'send-error': z.optional(satisfying(SEND_ERROR_MAX, (value) => readSendError(value) !== undefined)),
  /** Native mode, member-scoped: `offer` (a person is offered) or `active` (handed off to one). */
  handoff: z.optional(matching(/^(?:offer|active)$/)),
  /** Native mode, member-scoped: a backend error code for a request for a person that failed. */
  'handoff-error': z.optional(matching(ERROR_CODE)),
  /** Page code: JSON `{mode, contactUrl, message?}`, the operator's service mode from getMemberChat. */
  service: z.optional(satisfying(SERVICE_MAX, (value) => readService(value) !== undefined)),
  /** Native mode: JSON array of up to 6 suggested first questions (≤ 120 characters each). */
  starters: z.optional(satisfying(6 * 120 * 6 + 20, jsonStrings(0, 6, 120))),
  'signed-out-delay': z.optional(satisfying(6, inRange(0, 60_000))),
  'widget-timeout': z.optional(satisfying(6, inRange(1_000, 120_000))),
  ...labels,
});

export type ChatAttributes = z.infer<typeof schema>;
export type AttributeName = keyof ChatAttributes;

/** Every attribute the element observes (besides its own read-only `state`). */
export const ATTRIBUTE_NAMES = Object.keys(schema.shape) as AttributeName[];

/** Site-wide values page code sets and clears (it cannot remove an attribute): "" reads as not given. */
const CLEARABLE = new Set(['service', 'widget-context']);

export type ParsedAttributes = { ok: true; value: ChatAttributes } | { ok: false; attribute: string };

/** Reads and validates every attribute; on failure names the first bad attribute, never its value. */
export function parseAttributes(read: (name: string) => string | null): ParsedAttributes {
  const raw: Record<string, string> = {};
  for (const name of ATTRIBUTE_NAMES) {
    const value = read(name);
    // Page code clears a member's values with "": read as not given. `member-id=""` stays: signed out.
    if (value !== null && !(value === '' && (MEMBER_SCOPED.has(name) || CLEARABLE.has(name)))) raw[name] = value;
  }
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, attribute: String(result.error.issues[0]?.path[0] ?? 'chatbot-id') };
}
