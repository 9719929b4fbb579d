/** The ports of member → thread: the thread rows and SiteGPT's thread creation. */
import { z } from 'zod';
import type { Deadline } from '../runtime/deadline.js';
import type { Clock, LogPort, MembersPort, SecretsPort } from '../runtime/ports.js';

/**
 * Where the member stands with a person (architecture.md §10, handoff/): flat fields, so a site
 * owner can read them in the CMS dashboard; absent on rows written before the handoff existed.
 * The state counts only for `handoffThreadId`: a new conversation ends it by itself.
 */
export const HandoffFieldsSchema = z.object({
  /** `offer`: the pane offers a person after poor answers; `active`: handed off (handoff/episode.ts). */
  handoffState: z.enum(['offer', 'active']).nullish(),
  handoffThreadId: z.string().min(1).nullish(),
  /** ms: when the offer or the handoff began. */
  handoffSince: z.number().nullish(),
  handoffReason: z.enum(['low-confidence', 'requested']).nullish(),
  /** The targets that took the handoff (`sitegpt`, `wix-inbox`). */
  handoffTargets: z.array(z.string()).nullish(),
  /** ms: the last reply of a person in this episode (the episode ends 24 h after it). */
  handoffReplyAt: z.number().nullish(),
  /** The member's Wix Inbox conversation the kit wrote to: replies in it come back (events.ts). */
  inboxConversationId: z.string().min(1).nullish(),
});
export type HandoffFields = z.infer<typeof HandoffFieldsSchema>;

export const ThreadRowSchema = z.object({
  memberId: z.string().min(1),
  /** null once the member forgot their chat: the mapping is gone, the counter stays (see core). */
  threadId: z.string().min(1).nullable(),
  chatbotId: z.string().min(1),
  generation: z.number().int().nonnegative(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  ...HandoffFieldsSchema.shape,
});
export type ThreadRow = z.infer<typeof ThreadRowSchema>;

/** One row per member, keyed by member ID, so the store itself refuses a second row. */
export interface ThreadStore {
  /** `consistent` asks for the primary copy, for a read right after someone else's write. */
  get(memberId: string, options?: { consistent?: boolean }): Promise<ThreadRow | null>;
  /** 'duplicate' when a row for this member already exists (another device won the race). */
  insert(row: ThreadRow): Promise<'inserted' | 'duplicate'>;
  /** Replaces the member's row. */
  update(row: ThreadRow): Promise<void>;
  /** Sets only lastSeenAt, so it cannot undo a concurrent write of the other fields. */
  touch(memberId: string, lastSeenAt: string): Promise<void>;
  /** Sets only the handoff fields given (null clears one), for the same reason; the row must exist. */
  patchHandoff(memberId: string, fields: HandoffFields): Promise<void>;
  /** The row whose `inboxConversationId` is this conversation, or null (a conversation the kit did not open). */
  findByInboxConversation(conversationId: string): Promise<ThreadRow | null>;
}

export interface CreateThreadRequest {
  apiKey: string;
  chatbotId: string;
  threadId: string;
  chatUserEmail?: string;
}

export interface SitegptThreadsPort {
  /** Creates the thread, or confirms that a thread with this ID already exists. */
  createThread(request: CreateThreadRequest, deadline: Deadline): Promise<void>;
}

export interface ThreadPorts {
  members: MembersPort;
  secrets: SecretsPort;
  threads: ThreadStore;
  sitegpt: SitegptThreadsPort;
  clock: Clock;
  log: LogPort;
}
