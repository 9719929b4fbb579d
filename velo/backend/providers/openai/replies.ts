/**
 * What an OpenAI-compatible chat-completions reply means for the kit
 * (https://platform.openai.com/docs/api-reference/chat/object and its error codes). Only the
 * fields we act on are required: the first choice's message and finish reason, and the usage
 * when given. An error body's message is never passed on: it can quote the request.
 */
import { z } from 'zod';
import { Failure } from '../../runtime/failure.js';
import type { Completion } from '../ports.js';
import { parseRetryAfter } from '../retry-after.js';

const Count = z.number().int().nonnegative();

const CompletionSchema = z.object({
  id: z.string().nullish(),
  choices: z
    .array(
      z.object({
        message: z.object({ content: z.string().nullish(), refusal: z.string().nullish() }),
        finish_reason: z.string().nullish(),
      }),
    )
    .min(1),
  usage: z.object({ prompt_tokens: Count, completion_tokens: Count }).nullish(),
});

const ErrorSchema = z.object({ error: z.object({ code: z.string().nullish(), type: z.string().nullish() }) });

export function readCompletion(status: number, headers: Headers, text: string, nowMs: number): Completion {
  const body = parseJson(text);
  if (status >= 200 && status < 300) {
    const parsed = CompletionSchema.safeParse(body);
    if (!parsed.success) throw new Failure('UPSTREAM_UNAVAILABLE', 'openai-bad-reply');
    const { id, choices, usage } = parsed.data;
    const [choice] = choices;
    return {
      id: id ?? null,
      content: choice!.message.content ?? null,
      refusal: choice!.message.refusal ?? null,
      finishReason: choice!.finish_reason ?? null,
      usage: usage ? { prompt: usage.prompt_tokens, completion: usage.completion_tokens } : null,
    };
  }
  throw failureOf(status, headers, body, nowMs);
}

function failureOf(status: number, headers: Headers, body: unknown, nowMs: number): Failure {
  const error = ErrorSchema.safeParse(body);
  const code = error.success ? (error.data.error.code ?? error.data.error.type ?? '') : '';
  if (status === 429) {
    // The account has no credit left: waiting does not help, the site owner must act.
    if (code === 'insufficient_quota') return new Failure('MISCONFIGURED', 'openai-quota');
    const retryAfterMs = parseRetryAfter(headers.get('retry-after'), nowMs);
    return new Failure('RATE_LIMITED', 'openai-429', retryAfterMs === undefined ? {} : { retryAfterMs });
  }
  // A wrong key, base URL or model is the site's set-up, not the member's doing.
  if (status === 401 || status === 403) return new Failure('MISCONFIGURED', 'openai-auth');
  if (status === 404) return new Failure('MISCONFIGURED', 'openai-not-found');
  // A request the endpoint refuses (a model that takes other parameters, a context too long).
  if (status === 400 || status === 422) return new Failure('INTERNAL', 'openai-rejected');
  return new Failure('UPSTREAM_UNAVAILABLE', `openai-${status}`);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
