/**
 * An OpenAI-compatible chat-completions endpoint as the completion provider (architecture.md
 * §11). It keeps nothing between questions, so each one is sent with what it needs: the
 * operator's strict system prompt, the typed context, the member's last turns from the mirror
 * and the question (request.ts, history.ts); model, temperature and max tokens from the
 * settings. What comes back:
 *
 * - an answer with the tokens it cost (`usage`), stored on the turn;
 * - `finish_reason: length`: the answer as far as it got, ending in the same marker as an
 *   answer the kit cuts itself ("[…]"), so nobody takes it for the whole; the tokens were spent;
 * - `finish_reason: content_filter` (or a refusal and no content): withheld; the member gets the
 *   operator's static reply, stored as a `fallback` turn with the tokens it cost;
 * - faults as the client reads them (client.ts, replies.ts): never retried, never `uncertain`
 *   (there is no thread to look in, so the member's Retry simply asks again).
 *
 * `messageId` stays null: a completion's ID is not a SiteGPT message, so rateAnswer must not
 * send SiteGPT a reaction for it. No sources: a completion cites nothing the kit could check.
 */
import type { TranscriptStore } from '../../chat/ports.js';
import type { BackendConfig } from '../../config.js';
import { TRUNCATION_MARKER } from '../../guardrails/answer.js';
import type { TypedContext } from '../../guardrails/context.js';
import type { Deadline } from '../../runtime/deadline.js';
import { portCall } from '../../runtime/port-call.js';
import type { Clock, Member, SecretsPort } from '../../runtime/ports.js';
import type { CompletionAnswer, CompletionProvider, CompletionRequest } from '../completion.js';
import type { ChatMessage, Completion, OpenAiChatPort } from '../ports.js';
import { createApiKeySource } from './api-key.js';
import { historyMessages } from './history.js';
import { completionBody } from './request.js';

export interface OpenAiCompletionDeps {
  client: OpenAiChatPort;
  transcript: TranscriptStore;
  secrets: SecretsPort;
  clock: Clock;
  config: BackendConfig;
  /** The member's typed context (guardrails/guard.ts); never throws. */
  context(member: Member, deadline: Deadline): Promise<TypedContext | undefined>;
}

export function openaiCompletion(deps: OpenAiCompletionDeps): CompletionProvider {
  const { client, config, clock } = deps;
  const apiKey = createApiKeySource(deps.secrets, clock, config);

  async function history({ member, threadId, seq, settings }: CompletionRequest, deadline: Deadline): Promise<ChatMessage[]> {
    if (settings.historyTurns === 0) return [];
    // Only the turns before this one: a retried question never sees itself, or what came after it.
    const rows = await portCall('cms-query', deadline, config, () =>
      deps.transcript.page(member.id, threadId, { beforeSeq: seq, limit: settings.historyTurns }),
    );
    return historyMessages(rows, config.openai.historyMaxChars);
  }

  return {
    name: 'openai',
    keepsThread: false,
    async answer(request, deadline) {
      const [key, earlier, context] = await Promise.all([apiKey.get(deadline), history(request, deadline), deps.context(request.member, deadline)]);
      const body = completionBody(request.settings, context, earlier, request.question);
      const completion = await client.complete({ baseUrl: request.settings.openaiBaseUrl, apiKey: key, body, timeoutMs: config.openai.requestMs }, deadline);
      return toAnswer(completion, request.question, clock.now());
    },
  };
}

export function toAnswer(completion: Completion, question: string, now: number): CompletionAnswer {
  const { content, refusal, finishReason, usage } = completion;
  const said = content !== null && content.trim() !== '' ? content : null;
  const base = { messageId: null, messageType: 'NORMAL_MESSAGE', question: { text: question, timestamp: now }, sources: [], tokens: usage };
  if (finishReason === 'content_filter' || (said === null && refusal !== null && refusal.trim() !== '')) {
    return { ...base, answer: null, withheld: 'content-filter' };
  }
  const text = said !== null && finishReason === 'length' ? `${said.trimEnd()}${TRUNCATION_MARKER}` : said;
  return { ...base, answer: text === null ? null : { text, timestamp: now } };
}
