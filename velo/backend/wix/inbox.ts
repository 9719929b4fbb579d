/**
 * The site owner's Wix Inbox through `@wix/inbox` (Developer Preview), elevated: a web method
 * runs as the member, who may not write to the business's inbox. Both calls need the "Manage
 * Inbox Messages" permission, which `auth.elevate` gives the site's own code
 * (https://dev.wix.com/docs/sdk/backend-modules/inbox/conversations/get-or-create-conversation,
 * …/inbox/messages/send-message). The conversation is asked for before every message, since Wix
 * may change its ID when contacts merge.
 *
 * - the kit's summary: a basic text message from the participant's side, visible to the business
 *   only (`visibility: BUSINESS`), so it lands in the owner's list as unread and the member never
 *   sees the kit's note about them;
 * - the member's own question while handed off: sent as the member (`sendAs: PARTICIPANT`),
 *   visible to both, like a message they typed into Wix Chat.
 */
import { auth } from '@wix/essentials';
import { conversations, messages } from '@wix/inbox';
import type { InboxPort } from '../handoff/ports.js';
import { Failure } from '../runtime/failure.js';
import { httpStatus, requireWixContext } from './sdk-errors.js';

/** Wix's cap on one text item (BasicMessageData.text) and on the preview. */
const TEXT_MAX = 16_384;
const PREVIEW_MAX = 256;

export function wixInbox(): InboxPort {
  return {
    async conversationOf(memberId) {
      const answer = await inboxCall('inbox-conversation', () => auth.elevate(conversations.getOrCreateConversation)({ memberId }));
      const id = answer.conversation?._id;
      if (typeof id !== 'string' || id === '') throw new Failure('UPSTREAM_UNAVAILABLE', 'inbox-bad-reply');
      return id;
    },

    async send(conversationId, text, as) {
      const body = cut(text, TEXT_MAX);
      await inboxCall('inbox-send', () =>
        auth.elevate(messages.sendMessage)(
          conversationId,
          {
            content: { basic: { items: [{ text: body }] }, previewText: cut(body, PREVIEW_MAX) },
            direction: 'PARTICIPANT_TO_BUSINESS',
            visibility: as === 'summary' ? 'BUSINESS' : 'BUSINESS_AND_PARTICIPANT',
          },
          { sendAs: 'PARTICIPANT', sendNotifications: true },
        ),
      );
    },
  };
}

/** One inbox call: Wix's answers as our Failures; never the message text in a reason. */
async function inboxCall<T>(label: string, work: () => Promise<T>): Promise<Exclude<T, (...args: never[]) => unknown>> {
  let result: T;
  try {
    result = await work();
  } catch (error) {
    const status = httpStatus(error);
    // No permission or no Inbox on the site: its set-up, not the member's doing.
    if (status === 401 || status === 403 || status === 404) throw new Failure('MISCONFIGURED', `${label}-setup`);
    throw new Failure('UPSTREAM_UNAVAILABLE', `${label}-failed`);
  }
  return requireWixContext(result);
}

function cut(text: string, max: number): string {
  const points = Array.from(text);
  return points.length <= max ? text : points.slice(0, max).join('');
}
