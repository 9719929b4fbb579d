/**
 * The handoff's Wix Inbox in memory, for the core's tests (the Wix adapter itself is tested
 * through @wix/inbox and msw, wix-inbox-fake.ts): one conversation per member, every message
 * kept, and failures on demand.
 */
import type { InboxPort } from '../../../velo/backend/ports.js';

export class MemoryInbox implements InboxPort {
  readonly conversations = new Map<string, string>();
  readonly sent: Array<{ conversationId: string; text: string; as: 'summary' | 'member' }> = [];
  /** While true every call fails (Wix Inbox down, or no permission). */
  fail = false;
  calls = 0;

  async conversationOf(memberId: string): Promise<string> {
    this.calls++;
    if (this.fail) throw new Error('inbox is down');
    const id = this.conversations.get(memberId) ?? `conv-${memberId}`;
    this.conversations.set(memberId, id);
    return id;
  }

  async send(conversationId: string, text: string, as: 'summary' | 'member'): Promise<void> {
    this.calls++;
    if (this.fail) throw new Error('inbox is down');
    this.sent.push({ conversationId, text, as });
  }

  /** Messages of one member's conversation. */
  of(memberId: string): Array<{ text: string; as: 'summary' | 'member' }> {
    const id = this.conversations.get(memberId);
    return this.sent.filter((m) => m.conversationId === id).map(({ text, as }) => ({ text, as }));
  }
}
