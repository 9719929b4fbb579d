/**
 * The backend's composition: every web method's logic over one set of ports. sitegpt.web.ts
 * (one kit per backend container), the sandbox and the tests each build a kit on their own
 * ports. Every method answers its contract's result, errors as values, never thrown, with one
 * log line per call; arguments are checked inside, since Wix passes whatever the page sends.
 */
import {
  GetMemberChatArgsSchema,
  type ChatResult,
  type ForgetResult,
  type MessagesResult,
  type RateResult,
  type RequestHumanResult,
  type SendResult,
} from '../../contract/index.js';
import { createAgentSync } from './chat/agent-sync.js';
import { parseArgs } from './chat/args.js';
import { storeCall, type ChatDeps } from './chat/deps.js';
import { createHistory } from './chat/history.js';
import { createNotices } from './chat/notices.js';
import { createRate } from './chat/rate.js';
import { createSend } from './chat/send.js';
import type { BackendConfig } from './config.js';
import { createGuardrails } from './guardrails/guard.js';
import type { Ports } from './ports.js';
import { Deadline } from './runtime/deadline.js';
import { instrument } from './runtime/instrument.js';
import { createMemberThreads } from './threads/member-threads.js';
import { classifyAnswers } from './handoff/classify.js';
import { createHandoff } from './handoff/handoff.js';
import { sitegptCompletion } from './providers/sitegpt/completion.js';
import { createOpenAiClient } from './providers/openai/client.js';
import { openaiCompletion } from './providers/openai/completion.js';

export interface Kit {
  /** `{history: true}` adds the newest page of the member's thread (native mode). */
  getMemberChat(args?: unknown): Promise<ChatResult>;
  /** A fresh thread; native mode's answer carries its (empty) first page. */
  startNewConversation(): Promise<ChatResult>;
  /** The member's mapping and every mirrored turn of theirs go. */
  forgetMyChat(): Promise<ForgetResult>;
  sendChatMessage(args: unknown): Promise<SendResult>;
  getChatMessages(args: unknown): Promise<MessagesResult>;
  rateAnswer(args: unknown): Promise<RateResult>;
  /** The member asks for a person (architecture.md §10); takes no argument. */
  requestHuman(...args: unknown[]): Promise<RequestHumanResult>;
}

export function createKit(ports: Ports, config: BackendConfig): Kit {
  const threads = createMemberThreads(ports, config);
  const guard = createGuardrails(ports, config);
  const sitegpt = sitegptCompletion(ports.sitegpt);
  const openai = openaiCompletion({
    // Looked up per call, not captured at load, like SiteGPT's client on Wix (wix/ports.ts).
    client: ports.openai ?? createOpenAiClient({ fetch: (input, init) => globalThis.fetch(input, init), maxReplyBytes: config.openai.maxReplyBytes }),
    transcript: ports.transcript,
    secrets: ports.secrets,
    clock: ports.clock,
    config,
    // A send has no page path: the context holds what the site knows of the member.
    context: (member, deadline) => guard.context(member, undefined, deadline),
  });
  const notices = createNotices(ports.realtime, config);
  const deps: ChatDeps = {
    ports,
    config,
    threads,
    notices,
    guard,
    // The operator's `provider` setting, read with each send (architecture.md §11).
    provider: (settings) => (settings.provider === 'openai' ? openai : sitegpt),
    classifier: classifyAnswers,
    handoff: createHandoff({ ports, config, threads, notices, guard }),
  };
  const history = createHistory(deps, createAgentSync(deps));
  const send = createSend(deps);
  const rate = createRate(deps);
  const deadline = () => new Deadline(ports.clock, config.timeouts.overallMs);

  return {
    getMemberChat: (args) =>
      instrument(ports, 'getMemberChat', async (trace) => {
        const wanted = parseArgs(GetMemberChatArgsSchema, args, 'nothing or {history: true, path: "/page"}');
        const callDeadline = deadline();
        // The settings never fail (defaults at worst), so they never keep a member from their chat.
        const [current, settings] = await Promise.all([threads.resolve('get', callDeadline, trace), guard.settings()]);
        const [chat, page, context] = await Promise.all([
          threads.answer(current, trace),
          wanted?.history ? history.pageBefore(current.member, current.threadId, callDeadline) : undefined,
          guard.context(current.member, wanted?.path, callDeadline),
        ]);
        const service = guard.service(settings);
        const handoff = deps.handoff.stateOf(current);
        return {
          ...chat,
          ...(page ? { history: handoff ? { ...page, handoff } : page } : {}),
          ...(service ? { service } : {}),
          ...(context ? { context: context.widget } : {}),
        };
      }),

    startNewConversation: () =>
      instrument(ports, 'startNewConversation', async (trace) => {
        const callDeadline = deadline();
        const current = await threads.resolve('new', callDeadline, trace);
        const [chat, settings] = await Promise.all([
          threads.answer(current, trace),
          guard.settings(),
          deps.notices.publish(current.member.id, 'thread', ports.clock.now(), callDeadline, trace),
        ]);
        const service = guard.service(settings);
        // A new thread has no turns yet: its page needs no read.
        return { ...chat, history: { threadId: current.threadId, turns: [], older: null, cursor: 0 }, ...(service ? { service } : {}) };
      }),

    forgetMyChat: () =>
      instrument(ports, 'forgetMyChat', async (trace) => {
        const callDeadline = deadline();
        const member = await threads.forget(callDeadline, trace);
        // The mapping goes first, so no send lands on the old thread while its turns go.
        await storeCall(deps, 'cms-remove', callDeadline, () => ports.transcript.removeMember(member.id));
        await deps.notices.publish(member.id, 'thread', ports.clock.now(), callDeadline, trace);
        return { ok: true as const };
      }),

    sendChatMessage: (args) => instrument(ports, 'sendChatMessage', (trace) => send(args, trace)),
    getChatMessages: (args) => instrument(ports, 'getChatMessages', (trace) => history.getChatMessages(args, trace)),
    rateAnswer: (args) => instrument(ports, 'rateAnswer', (trace) => rate(args, trace)),
    requestHuman: (...args) => instrument(ports, 'requestHuman', (trace) => deps.handoff.requestHuman(args, trace)),
  };
}
