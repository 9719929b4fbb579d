/**
 * The member's earlier turns as chat messages (architecture.md §11): the mirror is the
 * conversation's memory, so it stays the same on every device and in every backend container.
 * Rows come newest first (TranscriptStore.page, only turns before the question being answered);
 * messages go oldest first. What is sent:
 *
 * - an answered `ai` turn: its question as `user`, its answer as `assistant`;
 * - an answered `agent` turn (a person of the site's team): its answer as `assistant` (the team
 *   speaks for the site, as the assistant does), with the member's question, if the turn holds
 *   one, as `user`;
 * - not sent: `fallback` turns (static replies: not the model's words, and "we can't answer
 *   right now" would teach it to refuse), `system` turns (handoff markers), failed and pending
 *   turns (no answer came; the member usually asks again), turns without an answer.
 *
 * The newest turns are kept until `maxChars` (questions and answers together) would be passed:
 * `historyTurns` caps how many, this caps what they cost.
 */
import type { TurnRow } from '../../chat/ports.js';
import type { ChatMessage } from '../ports.js';

export function historyMessages(newestFirst: readonly TurnRow[], maxChars: number): ChatMessage[] {
  const turns: ChatMessage[][] = [];
  let chars = 0;
  for (const row of newestFirst) {
    const messages = turnMessages(row);
    if (messages.length === 0) continue;
    const size = messages.reduce((sum, m) => sum + m.content.length, 0);
    if (chars + size > maxChars) break;
    chars += size;
    turns.push(messages);
  }
  return turns.reverse().flat();
}

function turnMessages(row: TurnRow): ChatMessage[] {
  if (row.status !== 'answered' || (row.kind !== 'ai' && row.kind !== 'agent')) return [];
  const { question, answer } = row;
  if (answer === null || answer.trim() === '') return [];
  // As stored: the question normalised (guardrails/input.ts), the answer cleaned (guardrails/answer.ts).
  const asked = question !== null && question.trim() !== '' ? [{ role: 'user' as const, content: question }] : [];
  return [...asked, { role: 'assistant', content: answer }];
}
