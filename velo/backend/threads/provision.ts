/**
 * Make a derived thread real: create it at SiteGPT first, then store the row. In that order a
 * stored row always points at a thread that exists, and a call that dies in between leaves
 * nothing a retry cannot finish (the retry derives the same ID; SiteGPT already has it).
 */
import type { BackendConfig } from '../config.js';
import type { Deadline } from '../runtime/deadline.js';
import { Failure } from '../runtime/failure.js';
import { portCall } from '../runtime/port-call.js';
import type { Member } from '../runtime/ports.js';
import type { ThreadPorts, ThreadRow } from './ports.js';
import type { SiteSecrets } from './site-secrets.js';

export interface ProvisionInput {
  member: Member;
  site: SiteSecrets;
  /** The member's row as read before, or null when there was none. */
  previous: ThreadRow | null;
  threadId: string;
  generation: number;
  deadline: Deadline;
}

/** Returns the row that now maps the member to a thread: ours, or the one that beat it. */
export async function provisionThread(ports: ThreadPorts, config: BackendConfig, input: ProvisionInput): Promise<ThreadRow> {
  const { member, site, previous, threadId, generation, deadline } = input;
  const cms = <T>(label: string, work: () => Promise<T>) => portCall(label, deadline, config, work);

  await ports.sitegpt.createThread(
    {
      apiKey: site.apiKey,
      chatbotId: site.chatbotId,
      threadId,
      ...(member.loginEmail ? { chatUserEmail: member.loginEmail } : {}),
    },
    deadline,
  );

  // createdAt is when the current thread was stored, so the CMS shows each thread's age.
  const now = new Date(ports.clock.now()).toISOString();
  const row: ThreadRow = {
    memberId: member.id,
    threadId,
    chatbotId: site.chatbotId,
    generation,
    createdAt: now,
    lastSeenAt: now,
    // A new thread ends any offer or handoff (their fields go), but the member's Wix Inbox
    // conversation stays theirs: a late reply of the owner still reaches them.
    ...(previous?.inboxConversationId ? { inboxConversationId: previous.inboxConversationId } : {}),
  };
  if (previous) {
    await cms('cms-write', () => ports.threads.update(row));
    return row;
  }
  if ((await cms('cms-write', () => ports.threads.insert(row))) === 'inserted') return row;

  // Another device (in another backend container) stored its row first: that row is the answer.
  const winner = await cms('cms-read', () => ports.threads.get(member.id, { consistent: true }));
  if (!winner?.threadId) throw new Failure('INTERNAL', 'cms-race');
  return winner;
}
