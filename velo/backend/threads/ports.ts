/** The ports of member → thread: the thread rows and SiteGPT's thread creation. */
import { z } from 'zod';
import type { Deadline } from '../runtime/deadline.js';
import type { Clock, LogPort, MembersPort, SecretsPort } from '../runtime/ports.js';

export const ThreadRowSchema = z.object({
  memberId: z.string().min(1),
  /** null once the member forgot their chat: the mapping is gone, the counter stays (see core). */
  threadId: z.string().min(1).nullable(),
  chatbotId: z.string().min(1),
  generation: z.number().int().nonnegative(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
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
