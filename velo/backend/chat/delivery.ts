/**
 * Exactly-once sending (architecture.md §8.4), the run that TurnFlights shares within one
 * container. The turn's row is inserted as pending first: that insert is the lock. A caller
 * that finds the row taken waits for it (another device or container is sending it), or, if
 * the send failed, retries it: an uncertain failure (the question may have reached SiteGPT)
 * first looks for the question in SiteGPT's thread and adopts its answer; otherwise the retry
 * claims its attempt with a claim row, the only other lock the CMS offers, and posts. The
 * guardrails (architecture.md §9) sit in between: rate limits before the pending row, and the
 * route of the answer (SiteGPT, or a static reply) just before the post.
 */
import type { Route } from '../guardrails/guard.js';
import type { Settings } from '../guardrails/settings-schema.js';
import { Deadline, sleep } from '../runtime/deadline.js';
import { Failure } from '../runtime/failure.js';
import type { Trace } from '../runtime/instrument.js';
import type { MemberThread } from '../threads/member-threads.js';
import { storeCall, type ChatDeps } from './deps.js';
import type { HandoffState } from '../../../contract/index.js';
import { forwardToPerson } from './forwarding.js';
import type { QuestionStamp, TurnRow } from './ports.js';
import { findDelivered } from './reconcile.js';
import type { Outcome, Progress } from './turn-flights.js';
import { claimRowId } from './turn-id.js';
import { answeredRow, claimRow, failedRow, fallbackRow, nextRev, pendingRow, withheldRow } from './turn-rows.js';

export interface Delivery {
  deps: ChatDeps;
  /** The member on their current thread, as the send resolved it. */
  current: MemberThread;
  _id: string;
  clientMessageId: string;
  question: string;
  trace: Trace;
  /** The operator's settings as the send read them (limits, mode, static replies). */
  settings: Settings;
  /** `active`: the member is handed off, so the question goes to a person, not the AI (handoff/). */
  handoff?: HandoffState | undefined;
  /** The member's recent questions as the rate limits read them: the classifier's repeats and streak. */
  earlier?: readonly QuestionStamp[];
}

export async function deliver(d: Delivery, deadline: Deadline, progress: Progress): Promise<Outcome> {
  const { ports } = d.deps;
  // Rate limits before anything is written: a limited send stores nothing and calls no one.
  // A turn the mirror already holds is a retry, not a new question, and goes on to resume.
  const question = { memberId: d.current.member.id, threadId: d.current.threadId, turnRowId: d._id };
  d.earlier = (await d.deps.guard.admit(question, d.settings, deadline)).recent;
  const fresh = pendingRow({ ...d, memberId: d.current.member.id, threadId: d.current.threadId, now: ports.clock.now() });
  if ((await store(d, 'cms-write', deadline, () => ports.transcript.insert(fresh))) === 'inserted') {
    return post(d, fresh, deadline, progress);
  }
  return resume(d, deadline, progress);
}

/**
 * The row exists: answer it, wait for the send in flight, or retry a failed one. A caller that
 * waited for someone else's attempt answers that attempt's outcome, success or failure, and
 * does not start one of its own: twenty concurrent retries make one attempt, not twenty.
 */
async function resume(d: Delivery, deadline: Deadline, progress: Progress): Promise<Outcome> {
  const { ports, config } = d.deps;
  const poll = config.chat.pendingPollMs;
  let waitingFor = 0;
  for (;;) {
    const row = await store(d, 'cms-read', deadline, () => ports.transcript.get(d._id, { consistent: true }));
    if (!row || row.kind === 'claim') throw new Failure('INTERNAL', 'turn-gone');
    progress(row);
    if (row.status === 'answered') return { row, failure: null, sitegptCalled: false };
    const live = row.status === 'pending' && ports.clock.now() - row.rev <= config.chat.pendingStaleMs;
    // After a lost claim, the winner has yet to mark the row pending with its attempt.
    const claimedElsewhere = row.status === 'failed' && waitingFor > row.attempt;
    if (live || claimedElsewhere) {
      waitingFor = Math.max(waitingFor, row.attempt);
      // Answer what is there before our own time runs out: pending is a valid answer.
      if (deadline.remainingMs() < poll + config.timeouts.sendWriteReserveMs) {
        return { row: { ...row, status: 'pending' }, failure: null, sitegptCalled: false };
      }
      await sleep(poll);
      continue;
    }
    if (row.status === 'failed' && waitingFor > 0 && row.attempt >= waitingFor) {
      return { row, failure: null, sitegptCalled: false };
    }
    // Failed, or pending so long that its container is gone: either may have reached SiteGPT.
    const uncertain = row.status === 'pending' || row.uncertain;
    const outcome = await retry(d, row, uncertain, deadline, progress);
    if (outcome) return outcome;
    waitingFor = row.attempt + 1;
  }
}

/** Adopts the delivered answer, or claims the next attempt and posts; null when the claim was lost. */
async function retry(d: Delivery, row: TurnRow, uncertain: boolean, deadline: Deadline, progress: Progress): Promise<Outcome | null> {
  const { ports, config } = d.deps;
  // An answer that will be static calls no one, so there is nothing at SiteGPT to look for first;
  // nor is there with a provider that keeps no thread (OpenAI-compatible): it is simply asked again.
  if (uncertain && d.deps.provider(d.settings).keepsThread && d.deps.guard.staticNow(d.settings) === null) {
    d.trace.sitegptCalled = true;
    const delivered = await findDelivered(d.deps, row, d.current.site, deadline);
    if (delivered) {
      const adopted = answeredRow(row, delivered, ports.clock.now(), null, config.chat);
      await store(d, 'cms-write', deadline, () => ports.transcript.update(adopted));
      await notify(d, adopted, deadline);
      return { row: adopted, failure: null, sitegptCalled: true };
    }
    // Not there yet, but SiteGPT may still be storing it: posting now could ask it twice.
    const settleMs = row.rev + config.chat.uncertainSettleMs - ports.clock.now();
    if (settleMs > 0) {
      throw new Failure('UPSTREAM_UNAVAILABLE', 'send-settling', {
        retryAfterMs: Math.ceil(settleMs),
        message: 'The last try may still be arriving. Try again shortly.',
      });
    }
  }
  const attempt = row.attempt + 1;
  const claim = claimRow(row, await claimRowId(row._id, attempt), attempt, ports.clock.now());
  if ((await store(d, 'cms-write', deadline, () => ports.transcript.insert(claim))) === 'duplicate') return null;
  // A retry goes to the member's current thread: a stale device never writes to an old one.
  const now = ports.clock.now();
  const pending: TurnRow = { ...row, threadId: d.current.threadId, status: 'pending', errorCode: null, uncertain: false, attempt, rev: nextRev(row, now) };
  await store(d, 'cms-write', deadline, () => ports.transcript.update(pending));
  progress(pending);
  return post(d, pending, deadline, progress);
}

/**
 * Posts the question once (no retry), stores the outcome, tells the member's devices. Unless
 * the guardrails route this answer to a static reply: then no one is called (answerStatically).
 */
async function post(d: Delivery, row: TurnRow, deadline: Deadline, progress: Progress): Promise<Outcome> {
  const { ports, config, guard } = d.deps;
  progress(row);
  if (d.handoff === 'active') return forwardToPerson(d, row, deadline);
  const route = await guard.route(d.settings, deadline);
  if (route.kind === 'static') return answerStatically(d, row, route.guard, false, deadline);
  const pendingNotice = notify(d, row, deadline);
  const { site } = d.current;
  // SiteGPT gets what is left minus the time to store its answer; the client caps it at 10 s.
  const upstream = new Deadline(ports.clock, Math.max(0, deadline.remainingMs() - config.timeouts.sendWriteReserveMs));
  const started = ports.clock.now();
  d.trace.sitegptCalled = true;
  let outcome: Outcome;
  try {
    const provider = d.deps.provider(d.settings);
    const request = { member: d.current.member, threadId: row.threadId, turnId: row.clientMessageId, seq: row.seq, question: row.question ?? '', site, settings: d.settings };
    const message = await provider.answer(request, upstream);
    guard.report(route, null, d.settings);
    const now = ports.clock.now();
    // A withheld answer (the provider's content filter) becomes the static reply, with its tokens.
    if (message.withheld) d.trace.note = message.withheld;
    const answered = message.withheld
      ? withheldRow(row, guard.staticReply(row.question ?? '', d.settings), message.tokens, now, config.chat)
      : answeredRow(row, message, now, now - started, config.chat);
    outcome = { row: await d.deps.classifier.classify(answered, d.settings, { earlier: d.earlier ?? [] }), failure: null, sitegptCalled: true };
  } catch (error) {
    const failure = error instanceof Failure ? error : new Failure('INTERNAL', 'send-unexpected', { uncertain: true });
    guard.report(route, failure, d.settings);
    // SiteGPT's message quota is used up: the member gets a static reply, not an error.
    if (guard.isQuotaFailure(failure)) {
      await pendingNotice;
      return answerStatically(d, row, 'quota', true, deadline);
    }
    const now = ports.clock.now();
    outcome = { row: failedRow(row, failure, now, now - started), failure, sitegptCalled: true };
  }
  // Before the notice, so the member's other devices read the offer with the answer.
  if (!outcome.failure) outcome.handoff = await d.deps.handoff.afterAnswer(d.current, outcome.row, d.earlier ?? [], d.settings, deadline, d.trace);
  // If this write fails the row stays pending; once stale it reads as an uncertain failure,
  // whose retry finds the answer in SiteGPT's thread. The member still gets this answer now.
  await store(d, 'cms-write', deadline, () => ports.transcript.update(outcome.row)).catch(() => {
    d.trace.note = 'turn-write-failed';
  });
  await Promise.all([pendingNotice, notify(d, outcome.row, deadline)]);
  return outcome;
}

/** The static reply as the turn's answer (a `fallback` turn), stored and announced like any answer. */
async function answerStatically(d: Delivery, row: TurnRow, why: Extract<Route, { kind: 'static' }>['guard'], sitegptCalled: boolean, deadline: Deadline): Promise<Outcome> {
  const { ports, config, guard } = d.deps;
  const reply = fallbackRow(row, guard.staticReply(row.question ?? '', d.settings), ports.clock.now(), config.chat);
  const answered = await d.deps.classifier.classify(reply, d.settings, { earlier: d.earlier ?? [] });
  await store(d, 'cms-write', deadline, () => ports.transcript.update(answered)).catch(() => {
    d.trace.note = 'turn-write-failed';
  });
  await notify(d, answered, deadline);
  return { row: answered, failure: null, sitegptCalled, guard: why };
}

function notify(d: Delivery, row: TurnRow, deadline: Deadline): Promise<void> {
  return d.deps.notices.publish(row.memberId, 'turns', row.rev, deadline, d.trace);
}

function store<T>(d: Delivery, label: string, deadline: Deadline, work: () => Promise<T>): Promise<T> {
  return storeCall(d.deps, label, deadline, work);
}
