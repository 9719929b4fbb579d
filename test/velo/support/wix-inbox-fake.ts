/**
 * A stand-in for the site owner's Wix Inbox behind msw: the two REST calls `@wix/inbox` makes
 * (get or create a participant's conversation, send a message), and the event Wix hands
 * backend/events.js when the owner replies (`ownerReply`). One conversation per member, as Wix
 * Inbox keeps them. No test-runner imports, so the sandbox can mount the same handlers.
 *
 * REST shapes as the SDK sends and reads them: `POST /inbox/v2/conversations
 * {participantId: {memberId}}` → `{conversation: {id, participant}, newConversation}`;
 * `POST /inbox/v2/messages {conversationId, message, sendAs?, sendNotifications?}` → `{message}`.
 */
import { http, HttpResponse, type HttpHandler } from 'msw';

export interface InboxMessage {
  id: string;
  conversationId: string;
  text: string;
  direction: string;
  visibility: string;
  sendAs: string | undefined;
}

interface SendBody {
  conversationId: string;
  message: { content?: { basic?: { items?: { text?: string }[] } }; direction?: string; visibility?: string };
  sendAs?: string;
}

export class WixInboxFake {
  /** member ID → conversation ID. */
  readonly conversations = new Map<string, string>();
  /** Every message the site sent into a conversation, oldest first. */
  readonly messages: InboxMessage[] = [];
  /** Each entry answers one upcoming inbox request with that HTTP status instead. */
  readonly faults: number[] = [];
  #messageIds = 0;

  reset(): void {
    this.conversations.clear();
    this.messages.length = 0;
    this.faults.length = 0;
  }

  /** The messages of one member's conversation. */
  messagesOf(memberId: string): InboxMessage[] {
    const id = this.conversations.get(memberId);
    return this.messages.filter((message) => message.conversationId === id);
  }

  readonly handlers: HttpHandler[] = [
    http.post('*/inbox/v2/conversations', async ({ request }) => {
      const body = (await request.json()) as { participantId?: { memberId?: string } };
      const fault = this.faults.shift();
      if (fault !== undefined) return inboxError(fault);
      const memberId = body.participantId?.memberId;
      if (!memberId) return inboxError(400);
      const known = this.conversations.get(memberId);
      const id = known ?? crypto.randomUUID();
      this.conversations.set(memberId, id);
      return HttpResponse.json({ conversation: { id, participant: { memberId }, channels: ['CHAT'], businessDisplayData: { name: 'Site' } }, newConversation: !known });
    }),
    http.post('*/inbox/v2/messages', async ({ request }) => {
      const body = (await request.json()) as SendBody;
      const fault = this.faults.shift();
      if (fault !== undefined) return inboxError(fault);
      if (![...this.conversations.values()].includes(body.conversationId)) return inboxError(404);
      const text = (body.message.content?.basic?.items ?? []).map((item) => item.text ?? '').join('\n');
      const message: InboxMessage = {
        id: this.#nextId(),
        conversationId: body.conversationId,
        text,
        direction: body.message.direction ?? 'UNKNOWN_DIRECTION',
        visibility: body.message.visibility ?? 'UNKNOWN_VISIBILITY',
        sendAs: body.sendAs,
      };
      this.messages.push(message);
      return HttpResponse.json({ message: { id: message.id, content: body.message.content, direction: message.direction, visibility: message.visibility } });
    }),
  ];

  /**
   * The owner answers the member in Wix Inbox: the event Velo passes to
   * `wixInboxV2_onMessageSentToParticipant` (shape of Wix's documented example). `conversationId`
   * defaults to the member's; `visibility: 'BUSINESS'` plays a note the team keeps to itself.
   */
  ownerReply(memberId: string, text: string, options: { conversationId?: string; visibility?: string; messageId?: string } = {}) {
    const conversationId = options.conversationId ?? this.conversations.get(memberId) ?? crypto.randomUUID();
    const id = options.messageId ?? this.#nextId();
    const visibility = options.visibility ?? 'BUSINESS_AND_PARTICIPANT';
    this.messages.push({ id, conversationId, text, direction: 'BUSINESS_TO_PARTICIPANT', visibility, sendAs: undefined });
    const now = new Date().toISOString();
    return {
      data: {
        conversationId,
        message: {
          _createdDate: now,
          _id: id,
          badges: [],
          content: { previewText: text.slice(0, 256), basic: { items: [{ text }] }, contentType: 'BASIC' },
          direction: 'BUSINESS_TO_PARTICIPANT',
          sender: { wixUserId: 'b17c523c-6ec9-4b56-9d9d-123cc6978bdf' },
          sequence: id,
          sourceChannel: 'UNKNOWN_CHANNEL_TYPE',
          targetChannels: [],
          visibility,
        },
      },
      metadata: { id: crypto.randomUUID(), entityId: id, eventTime: now, triggeredByAnonymizeRequest: false },
    };
  }

  /** 16 digits, like Wix's message IDs (1700065136558061). */
  #nextId(): string {
    this.#messageIds += 1;
    return `17000651${String(this.#messageIds).padStart(8, '0')}`;
  }
}

function inboxError(status: number): Response {
  return HttpResponse.json({ message: 'Injected inbox fault', details: { applicationError: { code: 'INBOX_FAULT', description: 'Injected inbox fault', data: {} } } }, { status });
}
