/**
 * sendChatMessage (architecture.md §8.2, §8.4): the text is checked and normalised before
 * anything else, then the member and their current thread (provisioned if there is none,
 * read from the primary copy so a thread just replaced on another device is never written
 * to), then the turn's run: shared by concurrent calls in this container (TurnFlights) and
 * made exactly-once across containers by the mirror row (delivery.ts).
 */
import { SendArgsSchema, type SendResult } from '../../../contract/index.js';
import { normaliseQuestion } from '../guardrails/input.js';
import { Deadline } from '../runtime/deadline.js';
import { Failure } from '../runtime/failure.js';
import type { Trace } from '../runtime/instrument.js';
import { parseArgs } from './args.js';
import { deliver } from './delivery.js';
import type { ChatDeps } from './deps.js';
import { TurnFlights } from './turn-flights.js';
import { turnRowId } from './turn-id.js';
import { toTurn } from './turn-rows.js';

export function createSend(deps: ChatDeps) {
  const { ports, config } = deps;
  const budget = () => new Deadline(ports.clock, config.timeouts.sendOverallMs);
  const flights = new TurnFlights(budget);

  return async function sendChatMessage(args: unknown, trace: Trace): Promise<Extract<SendResult, { ok: true }>> {
    const { clientMessageId, text } = parseArgs(SendArgsSchema, args, '{clientMessageId, text}');
    const question = normaliseQuestion(text, config.chat.maxQuestionChars);
    const deadline = budget();
    const current = await deps.threads.resolve('get', deadline, trace, { consistent: true });
    const _id = await turnRowId(current.member.id, clientMessageId);
    const outcome = await flights.run(_id, deadline, (runDeadline, progress) =>
      deliver({ deps, current, _id, clientMessageId, question, trace }, runDeadline, progress),
    );
    if (outcome.sitegptCalled) trace.sitegptCalled = true;
    if (outcome.failure) throw outcome.failure;
    if (outcome.row.status === 'failed') {
      // Another call's attempt failed (read from the mirror): its code, in our own words.
      throw new Failure(outcome.row.errorCode ?? 'INTERNAL', 'send-failed-elsewhere');
    }
    return { ok: true, threadId: current.threadId, turn: toTurn(outcome.row, ports.clock.now(), config.chat) };
  };
}
