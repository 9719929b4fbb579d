/**
 * Widget mode's web methods as plain TypeScript over the thread ports: which SiteGPT thread
 * belongs to the signed-in member, a fresh one on request, and forgetting it. Native mode's
 * composition (kit.ts) runs the same building blocks with the transcript mirror added.
 */
import type { BackendConfig } from '../config.js';
import type { ChatResult, ForgetResult } from '../../../contract/index.js';
import { Deadline } from '../runtime/deadline.js';
import { instrument } from '../runtime/instrument.js';
import type { ThreadPorts } from './ports.js';
import { createMemberThreads } from './member-threads.js';

export interface MemberChatCore {
  getMemberChat(): Promise<ChatResult>;
  startNewConversation(): Promise<ChatResult>;
  forgetMyChat(): Promise<ForgetResult>;
}

export function createMemberChat(ports: ThreadPorts, config: BackendConfig): MemberChatCore {
  const threads = createMemberThreads(ports, config);
  const deadline = () => new Deadline(ports.clock, config.timeouts.overallMs);
  const chat = (mode: 'get' | 'new') => (trace: Parameters<typeof threads.answer>[1]) =>
    threads.resolve(mode, deadline(), trace).then((resolved) => threads.answer(resolved, trace));

  return {
    getMemberChat: () => instrument(ports, 'getMemberChat', chat('get')),
    startNewConversation: () => instrument(ports, 'startNewConversation', chat('new')),
    forgetMyChat: () =>
      instrument(ports, 'forgetMyChat', async (trace) => {
        await threads.forget(deadline(), trace);
        return { ok: true as const };
      }),
  };
}
