/**
 * The handoff's targets (settings `handoffTargets`, architecture.md §10), side by side: SiteGPT's
 * human inbox (escalate the member's thread) and the site owner's Wix Inbox (get or create the
 * member's conversation, then the kit's note). A target that fails does not fail the others; the
 * handoff stands when at least one took it. While handed off, each question of the member goes
 * to the episode's targets instead of the AI.
 */
import type { BackendConfig } from '../config.js';
import type { Ports } from '../ports.js';
import type { Deadline } from '../runtime/deadline.js';
import { Failure } from '../runtime/failure.js';
import { portCall } from '../runtime/port-call.js';
import type { MemberThread } from '../threads/member-threads.js';
import type { HandoffTarget } from './ports.js';
import { escalationPrompt, inboxSummary, type HandoffReason } from './summary.js';

export interface Taken {
  /** The targets that took it, in the settings' order. */
  targets: HandoffTarget[];
  /** The member's Wix Inbox conversation, when Wix Inbox took it. */
  inboxConversationId: string | null;
  /** SiteGPT's message ID of a forwarded question, when SiteGPT took it. */
  upstreamMessageId: string | null;
}

export interface HandoffCase {
  reason: HandoffReason;
  poorAnswers: number;
  /** The member's last questions, oldest first (for the note). */
  questions: readonly string[];
}

type Io = { ports: Ports; config: BackendConfig };

/** Hands the member's conversation to every target; throws when none took it. */
export async function handToTargets(io: Io, current: MemberThread, targets: readonly HandoffTarget[], handoff: HandoffCase, deadline: Deadline): Promise<Taken> {
  return everyTarget(targets, {
    sitegpt: async () => {
      const escalation = need(io.ports.escalation, 'sitegpt');
      await escalation.escalate({ ...call(current), prompt: escalationPrompt(handoff.reason, handoff.poorAnswers) }, deadline);
      return {};
    },
    'wix-inbox': async () => {
      const inbox = need(io.ports.inbox, 'wix-inbox');
      const conversationId = await portCall('inbox-conversation', deadline, io.config, () => inbox.conversationOf(current.member.id));
      await portCall('inbox-send', deadline, io.config, () => inbox.send(conversationId, inboxSummary(handoff.reason, handoff.poorAnswers, handoff.questions), 'summary'));
      return { inboxConversationId: conversationId };
    },
  });
}

/** A question of the member while handed off, to the episode's targets; throws when none took it. */
export async function forwardQuestion(io: Io, current: MemberThread, targets: readonly HandoffTarget[], question: string, deadline: Deadline): Promise<Taken> {
  return everyTarget(targets, {
    // Posted to the escalated thread as the member (SiteGPT's agents read it there); an AI
    // answer SiteGPT might still give is not shown: a person answers now.
    sitegpt: async () => ({ upstreamMessageId: (await io.ports.sitegpt.sendMessage({ ...call(current), message: question }, deadline)).messageId }),
    'wix-inbox': async () => {
      const inbox = need(io.ports.inbox, 'wix-inbox');
      const conversationId = await portCall('inbox-conversation', deadline, io.config, () => inbox.conversationOf(current.member.id));
      await portCall('inbox-send', deadline, io.config, () => inbox.send(conversationId, question, 'member'));
      return { inboxConversationId: conversationId };
    },
  });
}

type Work = () => Promise<Partial<Omit<Taken, 'targets'>>>;

async function everyTarget(targets: readonly HandoffTarget[], work: Record<HandoffTarget, Work>): Promise<Taken> {
  const wanted = [...new Set(targets)];
  const settled = await Promise.allSettled(wanted.map((target) => work[target]()));
  const taken: Taken = { targets: [], inboxConversationId: null, upstreamMessageId: null };
  settled.forEach((outcome, index) => {
    if (outcome.status !== 'fulfilled') return;
    taken.targets.push(wanted[index]!);
    taken.inboxConversationId ??= outcome.value.inboxConversationId ?? null;
    taken.upstreamMessageId ??= outcome.value.upstreamMessageId ?? null;
  });
  // No target set in the settings is the site's set-up; targets that all failed may recover.
  if (wanted.length === 0) throw new Failure('MISCONFIGURED', 'handoff-no-target');
  if (taken.targets.length === 0) {
    throw new Failure('UPSTREAM_UNAVAILABLE', 'handoff-targets-failed', {
      message: "We couldn't reach our team just now. Please try again in a moment.",
    });
  }
  return taken;
}

function call(current: MemberThread) {
  return { apiKey: current.site.apiKey, chatbotId: current.site.chatbotId, threadId: current.threadId };
}

function need<T>(port: T | undefined, target: HandoffTarget): T {
  if (!port) throw new Failure('MISCONFIGURED', `handoff-${target}-unavailable`);
  return port;
}
