/**
 * The ports of the completion providers (architecture.md §11) beyond SiteGPT's, which is
 * `Ports.sitegpt`: an OpenAI-compatible chat-completions endpoint. The Wix site, the sandbox
 * (its stand-in) and the tests each bring their own client; without one the kit makes one on
 * the runtime's global `fetch`.
 */
import type { Deadline } from '../runtime/deadline.js';

/** One message of a chat-completions request. The member's text is only ever a `user` message's content. */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** `POST {baseUrl}/chat/completions`: exactly what is sent, nothing else. */
export interface CompletionBody {
  model: string;
  temperature: number;
  max_tokens: number;
  messages: ChatMessage[];
}

export interface CompletionCall {
  /** The operator's `openaiBaseUrl` (https), e.g. `https://api.openai.com/v1`. */
  baseUrl: string;
  /** Sent as `Authorization: Bearer <apiKey>` and nowhere else. */
  apiKey: string;
  body: CompletionBody;
  /** This request's own cap, inside the caller's deadline. */
  timeoutMs: number;
}

/** A completion as read from the reply; `finishReason` as the endpoint said it (`stop`, `length`, `content_filter`, …). */
export interface Completion {
  id: string | null;
  content: string | null;
  /** The model's refusal message, where the endpoint gives one instead of content. */
  refusal: string | null;
  finishReason: string | null;
  usage: { prompt: number; completion: number } | null;
}

export interface OpenAiChatPort {
  /** One request, never retried; throws a Failure that says what went wrong (replies.ts). */
  complete(call: CompletionCall, deadline: Deadline): Promise<Completion>;
}

export interface ProviderPorts {
  openai?: OpenAiChatPort;
}
