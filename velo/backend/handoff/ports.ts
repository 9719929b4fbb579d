/**
 * The ports of the handoff (architecture.md §10): the site owner's Wix Inbox (wix/inbox.ts
 * through `@wix/inbox`) and SiteGPT's escalation (providers/sitegpt/escalation.ts). Both
 * optional in `Ports`: a target without its port counts as failed, never as taken.
 */
import type { SitegptCall } from '../chat/ports.js';
import type { Deadline } from '../runtime/deadline.js';

/** The site owner's Wix Inbox, one conversation per member. */
export interface InboxPort {
  /**
   * The member's conversation, created when there is none. Wix may change a conversation's ID
   * (contacts merged), so this is asked before every message rather than remembered.
   */
  conversationOf(memberId: string): Promise<string>;
  /**
   * A message in the conversation: `summary` is the kit's note to the site's team (the member
   * does not see it), `member` is the member's own words, sent as the member.
   */
  send(conversationId: string, text: string, as: 'summary' | 'member'): Promise<void>;
}

/** SiteGPT's human inbox for the member's thread (v0). */
export interface EscalationPort {
  /** `POST /chatbots/{id}/threads/{threadId}/escalate {escalationPrompt}`: the thread moves to SiteGPT's human inbox. */
  escalate(call: SitegptCall & { prompt: string }, deadline: Deadline): Promise<void>;
  /** `PATCH /chatbots/{id}/threads/{threadId} {mode}`: hands the thread back to SiteGPT's AI after an episode. */
  setMode(call: SitegptCall & { mode: 'AI' | 'AGENT' }, deadline: Deadline): Promise<void>;
}

export interface HandoffPorts {
  inbox?: InboxPort;
  escalation?: EscalationPort;
}

export type HandoffTarget = 'sitegpt' | 'wix-inbox';
