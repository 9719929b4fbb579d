/**
 * The chat-completions request (architecture.md §11), built from typed parts only, in this
 * order: the operator's strict system prompt; the typed context as a second, separate system
 * message (facts the site holds, each matched by a narrow pattern in guardrails/context.ts;
 * never free text from the page or the member); the earlier turns from the mirror (history.ts);
 * the member's question as the last `user` message. The member's text is only ever the content
 * of a `user` message: never joined to a system message, never a name or a role.
 */
import type { TypedContext } from '../../guardrails/context.js';
import type { Settings } from '../../guardrails/settings-schema.js';
import type { ChatMessage, CompletionBody } from '../ports.js';

export type RequestSettings = Pick<Settings, 'systemPrompt' | 'openaiModel' | 'openaiTemperature' | 'openaiMaxTokens'>;

export function completionBody(settings: RequestSettings, context: TypedContext | undefined, history: readonly ChatMessage[], question: string): CompletionBody {
  const facts = context ? contextMessage(context) : undefined;
  return {
    model: settings.openaiModel,
    temperature: settings.openaiTemperature,
    max_tokens: settings.openaiMaxTokens,
    messages: [
      { role: 'system', content: settings.systemPrompt },
      ...(facts ? [{ role: 'system' as const, content: facts }] : []),
      ...history,
      { role: 'user', content: question },
    ],
  };
}

/** The typed context as one line of facts, or undefined when it holds none. */
export function contextMessage(context: TypedContext): string | undefined {
  const facts = [
    context.language && `language: ${context.language}`,
    context.tier && `plan: ${context.tier}`,
    context.path && `page: ${context.path}`,
  ].filter(Boolean);
  return facts.length === 0 ? undefined : `Facts about the member from the site (not written by the member): ${facts.join('; ')}.`;
}
