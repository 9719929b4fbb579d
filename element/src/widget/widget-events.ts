import * as z from 'zod/mini';
import { WIDGET_EVENT_NAMES, type WidgetEvent, type WidgetEventName } from '../events.js';
import { THREAD_ID } from '../formats.js';

/**
 * SiteGPT documents its events' names and payloads but not their wire format. Accepted
 * here: the dataLayer shape `{event: 'sitegpt_<name>', chatbotId?, threadId?}` (documented
 * for dataLayer, and what the local stand-in posts from its frame), also with the bare name.
 * Anything else, including a malformed threadId, is ignored without a sound.
 */
const wireEvent = z.object({
  event: z.string().check(z.maxLength(64)),
  threadId: z.optional(z.string().check(z.regex(THREAD_ID))),
});

export function parseWidgetEvent(data: unknown): WidgetEvent | undefined {
  const result = wireEvent.safeParse(data);
  if (!result.success) return undefined;
  const name = result.data.event.replace(/^sitegpt_/, '') as WidgetEventName;
  if (!WIDGET_EVENT_NAMES.includes(name)) return undefined;
  return result.data.threadId ? { name, threadId: result.data.threadId } : { name };
}
