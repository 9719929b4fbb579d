/**
 * The site owner's Wix Inbox in the sandbox: the backend tests' stand-in (WixInboxFake, its REST
 * handlers answered in-process through msw's getResponse, as the SiteGPT stand-in is) behind the
 * handoff's InboxPort, and the owner's side of it: the conversations the kit opened, and a reply,
 * which reaches the backend as Wix delivers it, the event `wixInboxV2_onMessageSentToParticipant`
 * gets in backend/events.js. Its conversations live in memory, like the SiteGPT stand-in's threads.
 */
import { getResponse } from 'msw';
import type { InboxPort } from '../velo/backend/ports.js';
import { WixInboxFake } from '../test/velo/support/wix-inbox-fake.js';

/** Never resolved: the stand-in answers in-process. */
const INBOX_API = 'https://wix-inbox-standin.invalid';
/** Wix's cap on a message preview (wix/inbox.ts). */
const PREVIEW_MAX = 256;

/** One message as the owner's inbox lists it: the kit's note, the member's words, or the team's reply. */
export interface InboxEntry {
  id: string;
  from: 'kit' | 'member' | 'owner';
  text: string;
}

export interface InboxConversation {
  conversationId: string;
  memberId: string;
  messages: InboxEntry[];
}

export interface InboxStandin {
  /** The handoff's Wix Inbox target, for the backend's ports. */
  port: InboxPort;
  /** Every conversation the kit opened, newest member first. */
  conversations(): InboxConversation[];
  /**
   * The owner replies in a conversation: stored like Wix Inbox stores it, and answered with the
   * event Wix would hand backend/events.js; undefined when there is no such conversation.
   */
  reply(conversationId: string, text: string): unknown;
}

export function createInboxStandin(): InboxStandin {
  const fake = new WixInboxFake();

  /** One REST call of @wix/inbox, as the SDK sends it (bodies of wix/inbox.ts). */
  async function call(path: string, body: unknown): Promise<Record<string, unknown>> {
    const request = new Request(`${INBOX_API}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const response = await getResponse(fake.handlers, request);
    if (!response?.ok) throw new Error(`inbox stand-in answered ${response?.status ?? 'nothing'}`);
    return (await response.json()) as Record<string, unknown>;
  }

  const port: InboxPort = {
    async conversationOf(memberId) {
      const answer = await call('/inbox/v2/conversations', { participantId: { memberId } });
      return String((answer.conversation as { id: string }).id);
    },
    async send(conversationId, text, as) {
      await call('/inbox/v2/messages', {
        conversationId,
        message: {
          content: { basic: { items: [{ text }] }, previewText: Array.from(text).slice(0, PREVIEW_MAX).join('') },
          direction: 'PARTICIPANT_TO_BUSINESS',
          visibility: as === 'summary' ? 'BUSINESS' : 'BUSINESS_AND_PARTICIPANT',
        },
        sendAs: 'PARTICIPANT',
        sendNotifications: true,
      });
    },
  };

  const memberOf = (conversationId: string) => [...fake.conversations].find(([, id]) => id === conversationId)?.[0];

  return {
    port,
    conversations: () =>
      [...fake.conversations]
        .reverse()
        .map(([memberId, conversationId]) => ({
          conversationId,
          memberId,
          messages: fake.messages
            .filter((message) => message.conversationId === conversationId)
            .map(({ id, text, direction, visibility }) => ({
              id,
              text,
              from: direction === 'BUSINESS_TO_PARTICIPANT' ? ('owner' as const) : visibility === 'BUSINESS' ? ('kit' as const) : ('member' as const),
            })),
        })),
    reply(conversationId, text) {
      const memberId = memberOf(conversationId);
      return memberId === undefined ? undefined : fake.ownerReply(memberId, text, { conversationId });
    },
  };
}
