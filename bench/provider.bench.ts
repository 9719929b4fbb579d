// The OpenAI-compatible provider (architecture.md §11): what building a request costs per
// message with 8 turns of history, and how many tokens a message sends for 0, 8 and 50 turns of
// history, which is why the history is cut (`historyTurns`, 8 by default, and
// `openai.historyMaxChars`, 24,000 characters). Tokens are estimated with the chat-completions
// stand-in's stated rule: a message costs ⌈characters ÷ 4⌉ tokens. Prints figures only;
// nothing is asserted (these machines are noisy).
import { makeConfig } from '../velo/backend/config.js';
import { buildContext } from '../velo/backend/guardrails/context.js';
import { DEFAULT_SETTINGS } from '../velo/backend/guardrails/settings-schema.js';
import { openaiCompletion } from '../velo/backend/providers/openai/completion.js';
import { historyMessages } from '../velo/backend/providers/openai/history.js';
import { completionBody } from '../velo/backend/providers/openai/request.js';
import type { CompletionBody, OpenAiChatPort, TurnRow } from '../velo/backend/ports.js';
import { Deadline } from '../velo/backend/runtime/deadline.js';
import { tokensOf } from '../test/fixtures/openai-standin/scripts.js';
import { MemorySecrets, MemoryTranscriptStore } from '../test/velo/support/memory-ports.js';
import { turnRow } from '../test/velo/support/transcript-store-contract.js';

const config = makeConfig();
const T0 = Date.UTC(2026, 2, 2, 9);
const QUESTION = 'How do I change the delivery address of an order I placed yesterday?';
/** A typical help answer: a few short paragraphs and a list, about 560 characters. */
const ANSWER = [
  'You can change the delivery address as long as the order has not shipped yet.',
  '1. Open **My orders** and pick the order.\n2. Choose *Change address* and enter the new one.\n3. Save: you get a confirmation email within a few minutes.',
  'If the order has already shipped, the carrier can usually redirect it: use the tracking link in your shipping email and choose *Deliver elsewhere*. ',
  'Orders to a pick-up point can be moved to another point of the same carrier. For anything else, write to our team and mention your order number, and we will sort it out for you.',
].join('\n\n');

/** `n` answered turns of one thread, newest first (as the mirror's page answers them). */
function turns(n: number): TurnRow[] {
  return Array.from({ length: n }, (_, i) =>
    turnRow({ _id: `t-${i}`, clientMessageId: `msg-${String(i).padStart(4, '0')}`, askedAt: T0 + i * 60_000, question: `${QUESTION} (${i})`, answer: ANSWER }),
  ).reverse();
}

const context = buildContext({ language: 'en', tier: 'Gold' }, '/account/orders');
const sentTokens = (body: CompletionBody) => body.messages.reduce((sum, m) => sum + tokensOf(m.content), 0);

function stats(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return `median ${(at(0.5) * 1000).toFixed(1)} µs, p95 ${(at(0.95) * 1000).toFixed(1)} µs`;
}

// 1. Building the request alone: 8 mirror rows → messages → body → the JSON that is sent.
const eight = turns(8);
const build = () => JSON.stringify(completionBody(DEFAULT_SETTINGS, context, historyMessages(eight, config.openai.historyMaxChars), QUESTION));
for (let i = 0; i < 2_000; i++) build();
const buildTimes: number[] = [];
for (let i = 0; i < 20_000; i++) {
  const started = performance.now();
  build();
  buildTimes.push(performance.now() - started);
}

// 2. The provider's whole own work per message: the key (cached), the history page from an
// in-memory mirror, the typed context, the request, reading the reply; the endpoint answers at once.
const transcript = new MemoryTranscriptStore();
for (const row of turns(8)) await transcript.insert(row);
const client: OpenAiChatPort = {
  async complete(call) {
    // What the real client does with the body before it goes out.
    JSON.stringify(call.body);
    return { id: 'chatcmpl-bench', content: ANSWER, refusal: null, finishReason: 'stop', usage: { prompt: 1500, completion: 180 } };
  },
};
const provider = openaiCompletion({
  client,
  transcript,
  secrets: new MemorySecrets({ OPENAI_API_KEY: 'bench-key' }),
  clock: { now: () => Date.now() },
  config,
  context: async () => context,
});
const request = {
  member: { id: 'member-ada' },
  threadId: 'thread-1',
  turnId: 'msg-9999',
  seq: `${String(T0 + 10 * 60_000).padStart(15, '0')}-msg-9999`,
  question: QUESTION,
  site: { apiKey: 'sgpt', chatbotId: 'bot', threadKey: new Uint8Array(32) },
  settings: { ...DEFAULT_SETTINGS, provider: 'openai' as const },
};
const answerTimes: number[] = [];
for (let i = 0; i < 3_200; i++) {
  const started = performance.now();
  await provider.answer(request, new Deadline({ now: () => Date.now() }, 10_000));
  if (i >= 200) answerTimes.push(performance.now() - started);
}

console.log(`OpenAI-compatible provider: building the request, 8 turns of history (${ANSWER.length}-character answers), target < 1 ms`);
console.log(`  rows → messages → body → JSON: ${stats(buildTimes)} (20,000 runs)`);
console.log(`  the provider's own work per message (key, history page from an in-memory mirror, context, request, reply; endpoint answering at once): ${stats(answerTimes)} (3,000 runs)`);

// 3. Tokens sent per message, by turns of history.
console.log('tokens sent per message (⌈characters ÷ 4⌉ per message; system prompt, typed context, history, question):');
for (const n of [0, 8, 50]) {
  const rows = turns(n);
  const cut = completionBody(DEFAULT_SETTINGS, context, historyMessages(rows, config.openai.historyMaxChars), QUESTION);
  const uncut = completionBody(DEFAULT_SETTINGS, context, historyMessages(rows, Number.POSITIVE_INFINITY), QUESTION);
  const kept = (cut.messages.length - (context ? 3 : 2)) / 2;
  console.log(
    `  ${String(n).padStart(2)} turns: ${sentTokens(uncut).toLocaleString('en')} tokens uncut` +
      (n === 0 ? '' : `; with the ${config.openai.historyMaxChars.toLocaleString('en')}-character cap ${sentTokens(cut).toLocaleString('en')} tokens (${kept} turns kept)`),
  );
}
