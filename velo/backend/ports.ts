/**
 * The small interfaces the core runs on. Wix adapters (wix/), the sandbox and the tests each
 * provide their own; the core never imports a Wix package, so it runs anywhere.
 */
import { z } from 'zod';
import type { ErrorCode } from './contract.js';
import type { Deadline } from './deadline.js';

export interface Member {
  id: string;
  /** The member's login email, when the site knows it; signed for the widget's identity check. */
  loginEmail?: string;
}

export interface MembersPort {
  /** The member of the current server session, or null for a visitor. */
  current(): Promise<Member | null>;
}

export interface SecretsPort {
  /** A secret's value, or undefined when the site has no secret of that name. */
  get(name: string): Promise<string | undefined>;
}

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

export interface SitegptPort {
  /** Creates the thread, or confirms that a thread with this ID already exists. */
  createThread(request: CreateThreadRequest, deadline: Deadline): Promise<void>;
}

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

export type MethodName = 'getMemberChat' | 'startNewConversation' | 'forgetMyChat';

/** One line per web-method call. Never the API key, the signature or the email. */
export interface LogLine {
  method: MethodName;
  outcome: 'OK' | ErrorCode;
  latencyMs: number;
  sitegptCalled: boolean;
  memberId?: string;
  /** Our own short label for why a call failed ('sitegpt-timeout'), or why an OK answer lacks something. */
  reason?: string;
}

export interface LogPort {
  write(line: LogLine): void;
}

export interface Ports {
  members: MembersPort;
  secrets: SecretsPort;
  threads: ThreadStore;
  sitegpt: SitegptPort;
  clock: Clock;
  log: LogPort;
}
