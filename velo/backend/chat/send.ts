/**
 * sendChatMessage (architecture.md §8.2, §8.4, §9): the text is checked and normalised before
 * anything else; then the member and the operator's settings (the kill switch: `off` answers
 * CHAT_CLOSED and nothing else happens); then their current thread (provisioned if there is
 * none, read from the primary copy so a thread just replaced on another device is never
 * written to); then the turn's run: shared by concurrent calls in this container (TurnFlights),
 * made exactly-once across containers by the mirror row, with the rate limits and the route of
 * the answer on the way (delivery.ts).
 */
import { SendArgsSchema, type SendResult } from '../../../contract/index.js';
import type { Settings } from '../guardrails/settings-schema.js';
import { normaliseQuestion } from '../guardrails/input.js';
import { Deadline } from '../runtime/deadline.js';
import { Failure } from '../runtime/failure.js';
import type { Trace } from '../runtime/instrument.js';
import type { MemberThread } from '../threads/member-threads.js';
import { parseArgs } from './args.js';
import { deliver } from './delivery.js';
import type { ChatDeps } from './deps.js';
import { TurnFlights, type Outcome } from './turn-flights.js';
import { turnRowId } from './turn-id.js';
import { fallbackRow, pendingRow, toTurn } from './turn-rows.js';

type Sent = Extract<SendResult, { ok: true }>;

export function createSend(deps: ChatDeps) {
  const { ports, config } = deps;
  const sendDeadline = () => new Deadline(ports.clock, config.timeouts.sendOverallMs);
  const flights = new TurnFlights(sendDeadline);

  return async function sendChatMessage(args: unknown, trace: Trace): Promise<Sent> {
    const { clientMessageId, text } = parseArgs(SendArgsSchema, args, '{clientMessageId, text}');
    const question = normaliseQuestion(text, config.chat.maxQuestionChars);
    const deadline = sendDeadline();
    const [settings, member] = await Promise.all([deps.guard.settings(), deps.threads.signedInMember(deadline, trace)]);
    if (settings.mode === 'off') trace.guard = 'closed';
    deps.guard.assertOpen(settings);
    // An episode with a person that is over ends here, before the question goes anywhere.
    const current = await deps.handoff.beforeSend(await deps.threads.resolve('get', deadline, trace, { consistent: true, member }), deadline, trace);
    const handoff = deps.handoff.stateOf(current);
    const _id = await turnRowId(member.id, clientMessageId);
    let outcome: Outcome;
    try {
      outcome = await flights.run(_id, deadline, (runDeadline, progress) =>
        deliver({ deps, current, _id, clientMessageId, question, trace, settings, handoff }, runDeadline, progress),
      );
    } catch (error) {
      if (error instanceof Failure && error.code === 'RATE_LIMITED' && error.reason.startsWith('rate-limit')) trace.guard = 'rate-limited';
      const unstored = error instanceof Failure ? staticWithoutMirror(deps, error, { current, clientMessageId, question, settings, trace }) : null;
      if (unstored) return unstored;
      throw error;
    }
    if (outcome.sitegptCalled) trace.sitegptCalled = true;
    if (outcome.guard) trace.guard = outcome.guard;
    if (outcome.failure) throw outcome.failure;
    if (outcome.row.status === 'failed') {
      // Another call's attempt failed (read from the mirror): its code, in our own words.
      throw new Failure(outcome.row.errorCode ?? 'INTERNAL', 'send-failed-elsewhere');
    }
    // The state this answer left (an offer after poor answers), else the state the send began in.
    const state = 'handoff' in outcome ? outcome.handoff : handoff;
    return { ok: true, threadId: current.threadId, turn: toTurn(outcome.row, ports.clock.now(), config.chat), ...(state ? { handoff: state } : {}) };
  };
}

interface Unstored {
  current: MemberThread;
  clientMessageId: string;
  question: string;
  settings: Settings;
  trace: Trace;
}

/**
 * A site without the mirror collection (widget mode only, never set up for native mode) still
 * gets its static replies when the answer would be static anyway (`mode: fallback`, an open
 * breaker): the turn reaches the member unstored, and the log line says so. Rate limits cannot
 * be counted there; nothing else is lost, since nothing is sent anywhere.
 */
function staticWithoutMirror(deps: ChatDeps, failure: Failure, u: Unstored): Sent | null {
  if (failure.code !== 'MISCONFIGURED' || !/^cms-[a-z-]+-setup$/.test(failure.reason)) return null;
  const route = deps.guard.staticNow(u.settings);
  if (!route || route.kind !== 'static') return null;
  const now = deps.ports.clock.now();
  const pending = pendingRow({ _id: '', memberId: u.current.member.id, threadId: u.current.threadId, clientMessageId: u.clientMessageId, question: u.question, now });
  const answered = fallbackRow(pending, deps.guard.staticReply(u.question, u.settings), now, deps.config.chat);
  u.trace.guard = route.guard;
  u.trace.note = 'mirror-missing';
  return { ok: true, threadId: u.current.threadId, turn: toTurn(answered, now, deps.config.chat) };
}
