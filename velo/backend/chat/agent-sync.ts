/**
 * A human agent's replies exist only in SiteGPT's thread (`AGENT_MESSAGE`), so the sync of
 * "what changed" reads the thread and mirrors each new one as an `agent` turn, inserted once
 * (its `_id` is derived from SiteGPT's message ID). At most one SiteGPT read per member per
 * `agentSyncMs` in a container, so devices polling together cost SiteGPT one request. Best
 * effort: a failed read is noted on the log line and the sync answers the mirror as it is.
 */
import type { Deadline } from '../runtime/deadline.js';
import type { Trace } from '../runtime/instrument.js';
import type { MemberThread } from '../threads/member-threads.js';
import { storeCall, type ChatDeps } from './deps.js';
import type { TurnRow, UpstreamMessage } from './ports.js';
import { agentTurnId, seqOf, turnRowId } from './turn-id.js';
import { cleanAnswer, cleanSources } from '../guardrails/answer.js';

/** Members remembered per container before the oldest are dropped (memory stays bounded). */
const MAX_MEMBERS = 5_000;

export interface AgentSync {
  sync(current: MemberThread, deadline: Deadline, trace: Trace): Promise<void>;
}

export function createAgentSync(deps: ChatDeps): AgentSync {
  const { ports, config } = deps;
  const lastRead = new Map<string, number>();
  /** SiteGPT message IDs this container already mirrored, per member and thread. */
  const mirrored = new Map<string, Set<string>>();

  const remember = <V>(map: Map<string, V>, key: string, value: V) => {
    map.delete(key);
    map.set(key, value);
    if (map.size > MAX_MEMBERS) map.delete(map.keys().next().value!);
  };

  return {
    async sync(current, deadline, trace) {
      const key = `${current.member.id}\n${current.threadId}`;
      const now = ports.clock.now();
      if (now - (lastRead.get(key) ?? -Infinity) < config.chat.agentSyncMs) return;
      remember(lastRead, key, now);
      const { site } = current;
      let messages: UpstreamMessage[] | null;
      try {
        trace.sitegptCalled = true;
        messages = await ports.sitegpt.threadMessages({ apiKey: site.apiKey, chatbotId: site.chatbotId, threadId: current.threadId }, deadline);
      } catch {
        trace.note = 'agent-sync-failed';
        return;
      }
      const seen = mirrored.get(key) ?? new Set<string>();
      remember(mirrored, key, seen);
      let newest = 0;
      for (const message of messages ?? []) {
        if (message.messageType !== 'AGENT_MESSAGE' || !message.answer?.text || seen.has(message.messageId)) continue;
        const row = await agentRow(deps, current, message, ports.clock.now());
        const outcome = await storeCall(deps, 'cms-write', deadline, () => ports.transcript.insert(row)).catch(() => null);
        if (outcome === null) {
          trace.note = 'agent-sync-failed';
          continue;
        }
        seen.add(message.messageId);
        if (outcome === 'inserted') newest = Math.max(newest, row.rev);
      }
      if (newest > 0) await deps.notices.publish(current.member.id, 'turns', newest, deadline, trace);
    },
  };
}

async function agentRow(deps: ChatDeps, current: MemberThread, message: UpstreamMessage, now: number): Promise<TurnRow> {
  const id = await agentTurnId(message.messageId);
  const askedAt = Math.max(0, Math.round(message.answer?.timestamp ?? now));
  return {
    _id: await turnRowId(current.member.id, id),
    memberId: current.member.id,
    threadId: current.threadId,
    clientMessageId: id,
    kind: 'agent',
    status: 'answered',
    question: null,
    answer: cleanAnswer(message.answer?.text ?? '', deps.config.chat),
    sources: cleanSources(message.sources, deps.config.chat),
    reaction: null,
    askedAt,
    answeredAt: askedAt,
    // Inserted now, so a device whose cursor is past the agent's timestamp still sees it.
    rev: now,
    seq: seqOf(askedAt, id),
    upstreamMessageId: message.messageId,
    upstreamLatencyMs: null,
    errorCode: null,
    uncertain: false,
    attempt: 1,
  };
}
