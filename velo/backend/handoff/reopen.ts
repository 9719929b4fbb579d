/**
 * The end of an episode (episode.ts), acted on by the first send after it: the member's row
 * forgets the handoff state (its record stays: when, why, to whom, the inbox mapping), and a
 * thread that SiteGPT took into its human inbox is handed back to SiteGPT's AI, so the question
 * that follows gets an AI answer again. Best effort: a failure is noted on the log line, and
 * the send goes on to the AI either way.
 */
import type { ChatDeps } from '../chat/deps.js';
import type { Deadline } from '../runtime/deadline.js';
import type { Trace } from '../runtime/instrument.js';
import { portCall } from '../runtime/port-call.js';
import type { MemberThread } from '../threads/member-threads.js';

export async function reopenAfterEpisode(deps: Pick<ChatDeps, 'ports' | 'config'>, current: MemberThread, deadline: Deadline, trace: Trace): Promise<MemberThread> {
  const { ports, config } = deps;
  const cleared = portCall('cms-write', deadline, config, () => ports.threads.patchHandoff(current.member.id, { handoffState: null })).catch(() => {
    trace.note = 'handoff-state-write-failed';
  });
  const { escalation } = ports;
  const backToAi =
    current.handoff?.handoffTargets?.includes('sitegpt') && escalation
      ? escalation
          .setMode({ apiKey: current.site.apiKey, chatbotId: current.site.chatbotId, threadId: current.threadId, mode: 'AI' }, deadline)
          .catch(() => {
            trace.note = 'sitegpt-mode-failed';
          })
      : undefined;
  if (backToAi) trace.sitegptCalled = true;
  await Promise.all([cleared, backToAi]);
  return { ...current, handoff: { ...current.handoff, handoffState: null } };
}
