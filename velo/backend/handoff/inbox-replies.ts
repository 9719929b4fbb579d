/**
 * Replies of the site's team in Wix Inbox, back into the member's chat (architecture.md §10).
 * Wix calls `wixInboxV2_onMessageSentToParticipant(event)` in backend/events.js for every
 * message the business sends to anyone (events.ts). Only a conversation the kit opened counts:
 * the member whose row holds that `inboxConversationId`; every other event is dropped. The
 * reply becomes an `agent` turn on the member's current thread, inserted once (its `_id` comes
 * from Wix's message ID, so a repeated event adds nothing), then a content-free notice brings it
 * to the member's open devices. A reply within an episode keeps the episode open 24 h longer.
 *
 * Not mirrored: messages to the member's side that are not the team's words to them (the kit's
 * own note, sent from the member's side, never fires this event), notes the team keeps to itself
 * (`visibility: BUSINESS`), and messages without text (an image or a file alone).
 */
import { z } from 'zod';
import type { ChatDeps } from '../chat/deps.js';
import type { TurnRow } from '../chat/ports.js';
import { seqOf, turnRowId } from '../chat/turn-id.js';
import { cleanAnswer } from '../guardrails/answer.js';
import { Deadline } from '../runtime/deadline.js';
import { digestId } from '../runtime/digest-id.js';
import type { Trace } from '../runtime/instrument.js';
import { portCall } from '../runtime/port-call.js';
import { handoffStateOf } from './episode.js';

type Deps = Pick<ChatDeps, 'ports' | 'config' | 'notices'>;

const Text = z.object({ text: z.string().optional() }).passthrough();
/** The event as Velo hands it to events.js (dev.wix.com …/wix-inbox-v2/events/on-message-sent-to-participant). */
const EventSchema = z.object({
  data: z.object({
    conversationId: z.string().min(1),
    message: z.object({
      _id: z.union([z.string().min(1), z.number()]).transform(String),
      direction: z.string().optional(),
      visibility: z.string().optional(),
      _createdDate: z.union([z.string(), z.date()]).nullish(),
      content: z.object({ previewText: z.string().nullish(), basic: z.object({ items: z.array(Text).nullish() }).nullish() }).passthrough().nullish(),
    }).passthrough(),
  }),
});

/** What became of one event; `reason` is our own label for the log line, never message text. */
export type ReplyOutcome = { ok: true };

export async function mirrorInboxReply(deps: Deps, event: unknown, trace: Trace): Promise<ReplyOutcome> {
  const { ports, config } = deps;
  const parsed = EventSchema.safeParse(event);
  if (!parsed.success) return dropped(trace, 'inbox-event-unreadable');
  const { conversationId, message } = parsed.data.data;
  if (message.direction !== undefined && message.direction !== 'BUSINESS_TO_PARTICIPANT') return dropped(trace, 'inbox-not-to-member');
  if (message.visibility === 'BUSINESS') return dropped(trace, 'inbox-team-note');
  const text = (message.content?.basic?.items ?? []).flatMap((item) => (item.text?.trim() ? [item.text] : [])).join('\n\n');
  if (!text) return dropped(trace, 'inbox-no-text');

  const deadline = new Deadline(ports.clock, config.timeouts.overallMs);
  const row = await portCall('cms-query', deadline, config, () => ports.threads.findByInboxConversation(conversationId));
  if (!row) return dropped(trace, 'inbox-foreign-conversation');
  trace.memberId = row.memberId;
  if (!row.threadId) return dropped(trace, 'inbox-chat-forgotten');

  const now = ports.clock.now();
  const sentAt = message._createdDate ? new Date(message._createdDate).getTime() : NaN;
  const askedAt = Number.isFinite(sentAt) ? Math.max(0, Math.round(sentAt)) : now;
  const id = await inboxTurnId(message._id);
  const turn: TurnRow = {
    _id: await turnRowId(row.memberId, id),
    memberId: row.memberId,
    threadId: row.threadId,
    clientMessageId: id,
    kind: 'agent',
    status: 'answered',
    question: null,
    answer: cleanAnswer(text, config.chat),
    sources: [],
    reaction: null,
    askedAt,
    answeredAt: askedAt,
    // Inserted now, so a device whose cursor is past the reply's own time still sees it.
    rev: now,
    seq: seqOf(askedAt, id),
    upstreamMessageId: null,
    upstreamLatencyMs: null,
    errorCode: null,
    uncertain: false,
    attempt: 1,
  };
  if ((await portCall('cms-write', deadline, config, () => ports.transcript.insert(turn))) === 'duplicate') return dropped(trace, 'inbox-already-mirrored');
  if (handoffStateOf(row, row.threadId, now) === 'active') {
    await portCall('cms-write', deadline, config, () => ports.threads.patchHandoff(row.memberId, { handoffReplyAt: now })).catch(() => {
      trace.note = 'handoff-state-write-failed';
    });
  }
  await deps.notices.publish(row.memberId, 'turns', turn.rev, deadline, trace);
  return { ok: true };
}

function dropped(trace: Trace, reason: string): ReplyOutcome {
  trace.note = reason;
  return { ok: true };
}

/** `inbox-<Wix's message ID>`, or a hash of an ID that would not fit a turn ID. */
async function inboxTurnId(messageId: string): Promise<string> {
  return /^[A-Za-z0-9_-]{1,58}$/.test(messageId) ? `inbox-${messageId}` : `inbox-${await digestId(['inbox', messageId])}`;
}
