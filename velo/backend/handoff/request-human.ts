/**
 * requestHuman() (architecture.md §10): the member asks for a person, at any time. No argument:
 * the member comes from the session, the thread from their row. Within an episode
 * (episode.ts) the kit hands off once; asking again answers `active` without a new turn.
 *
 * Exactly once across devices and containers: the handoff's turn row is inserted first as a
 * content-free claim, keyed by the member, the thread, the previous handoff (or offer) and an
 * attempt number. Whoever inserts it hands off; everyone else finds it. Only when every target
 * failed is the claim marked failed, so the next call takes the next attempt, and the member's
 * state stays as it was. On success the claim becomes the `system` turn that records the
 * handoff (`handoff: {reason, targets}`), and the member's row says `active`.
 */
import type { RequestHumanResult, Turn } from '../../../contract/index.js';
import type { ChatDeps } from '../chat/deps.js';
import { seqOf, turnRowId } from '../chat/turn-id.js';
import { nextRev, toTurn } from '../chat/turn-rows.js';
import type { TurnRow } from '../chat/ports.js';
import { lockRow } from '../guardrails/lock-rows.js';
import { Deadline, sleep } from '../runtime/deadline.js';
import { digestId } from '../runtime/digest-id.js';
import { Failure } from '../runtime/failure.js';
import type { Trace } from '../runtime/instrument.js';
import { portCall } from '../runtime/port-call.js';
import type { MemberThread } from '../threads/member-threads.js';
import { handoffStateOf } from './episode.js';
import type { HandoffTarget } from './ports.js';
import { poorStreak } from './offer.js';
import { HANDOFF_ANSWER, OWNER_NOTE, type HandoffReason } from './summary.js';
import { handToTargets } from './targets.js';

type Ok = Extract<RequestHumanResult, { ok: true }>;
type Deps = Pick<ChatDeps, 'ports' | 'config' | 'threads' | 'notices' | 'guard'>;

/** Attempts after failed ones, before the call gives up (each failed attempt called every target). */
const MAX_ATTEMPTS = 20;

export async function requestHuman(deps: Deps, args: readonly unknown[], trace: Trace): Promise<Ok> {
  const { ports, config } = deps;
  // Nothing to name: a forged member, thread, reason or target is refused, not ignored.
  if (args.some((arg) => arg !== undefined)) {
    throw new Failure('INVALID_INPUT', 'bad-arguments', { message: 'requestHuman takes no argument.' });
  }
  const deadline = new Deadline(ports.clock, config.timeouts.overallMs);
  const [settings, member] = await Promise.all([deps.guard.settings(), deps.threads.signedInMember(deadline, trace)]);
  if (settings.mode === 'off') trace.guard = 'closed';
  deps.guard.assertOpen(settings);
  const current = await deps.threads.resolve('get', deadline, trace, { consistent: true, member });
  const state = handoffStateOf(current.handoff, current.threadId, ports.clock.now());
  if (state === 'active') return { ok: true, threadId: current.threadId, handoff: 'active' };
  const reason: HandoffReason = state === 'offer' ? 'low-confidence' : 'requested';
  const previous = current.handoff?.handoffThreadId === current.threadId ? (current.handoff.handoffSince ?? 0) : 0;

  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const clientMessageId = `handoff-${await digestId(['sitegpt-member-chat/handoff/v1', current.threadId, previous, attempt])}`;
    const _id = await turnRowId(member.id, clientMessageId);
    const claim = lockRow({ _id, memberId: member.id, threadId: current.threadId, label: clientMessageId, now: ports.clock.now() });
    const inserted = await portCall('cms-write', deadline, config, () => ports.transcript.insert(claim));
    if (inserted === 'inserted') return handOff(deps, current, claim, reason, settings.handoffTargets, deadline, trace);
    const found = await settled(deps, _id, deadline);
    if (found === 'taken') return { ok: true, threadId: current.threadId, handoff: 'active' };
    // 'failed': that attempt reached no one; take the next.
  }
  throw new Failure('UPSTREAM_UNAVAILABLE', 'handoff-attempts-exhausted', { message: "We couldn't reach our team just now. Please try again later." });
}

/** Waits for another call's attempt: 'taken' when it handed off (or is still at it), 'failed' when it gave up or died. */
async function settled(deps: Deps, _id: string, deadline: Deadline): Promise<'taken' | 'failed'> {
  const { ports, config } = deps;
  for (;;) {
    const row = await portCall('cms-read', deadline, config, () => ports.transcript.get(_id, { consistent: true }));
    if (!row) return 'failed';
    if (row.kind === 'system') return 'taken';
    if (row.status === 'failed' || ports.clock.now() - row.rev > config.chat.pendingStaleMs) return 'failed';
    // Still being handed off elsewhere: answer `active` rather than run out of time waiting.
    if (deadline.remainingMs() < config.chat.pendingPollMs + config.timeouts.wixCallMs) return 'taken';
    await sleep(config.chat.pendingPollMs);
  }
}

async function handOff(deps: Deps, current: MemberThread, claim: TurnRow, reason: HandoffReason, targets: readonly HandoffTarget[], deadline: Deadline, trace: Trace): Promise<Ok> {
  const { ports, config } = deps;
  const recent = await portCall('cms-query', deadline, config, () => ports.transcript.page(current.member.id, current.threadId, { limit: config.chat.pageSize })).catch(() => []);
  const questions = recent.filter((row) => row.question && row.kind !== 'system').map((row) => row.question!).reverse();
  if (targets.includes('sitegpt')) trace.sitegptCalled = true;
  let taken;
  try {
    taken = await handToTargets({ ports, config }, current, targets, { reason, poorAnswers: poorStreak(recent), questions }, deadline);
  } catch (error) {
    const failed = { ...claim, status: 'failed' as const, rev: nextRev(claim, ports.clock.now()) };
    await portCall('cms-write', deadline, config, () => ports.transcript.update(failed)).catch(() => undefined);
    throw error;
  }
  const now = ports.clock.now();
  const turn: TurnRow = {
    ...claim,
    kind: 'system',
    status: 'answered',
    answer: HANDOFF_ANSWER,
    answeredAt: now,
    rev: nextRev(claim, now),
    seq: seqOf(claim.askedAt, claim.clientMessageId),
    handoff: { reason, targets: taken.targets },
  };
  await Promise.all([
    portCall('cms-write', deadline, config, () => ports.transcript.update(turn)),
    portCall('cms-write', deadline, config, () =>
      ports.threads.patchHandoff(current.member.id, {
        handoffState: 'active',
        handoffThreadId: current.threadId,
        handoffSince: now,
        handoffReason: reason,
        handoffTargets: taken.targets,
        handoffReplyAt: null,
        ...(taken.inboxConversationId ? { inboxConversationId: taken.inboxConversationId } : {}),
      }),
    ),
  ]);
  // Without Wix Inbox the owner hears of it anyway (the guardrails' notifier); best effort.
  if (!taken.targets.includes('wix-inbox') && ports.ownerNotifier) {
    await portCall('owner-notify', deadline, config, () => ports.ownerNotifier!.notify(OWNER_NOTE)).catch(() => {
      trace.note = 'owner-notify-failed';
    });
  }
  await deps.notices.publish(current.member.id, 'turns', turn.rev, deadline, trace);
  const shown: Turn = toTurn(turn, now, config.chat);
  return { ok: true, threadId: current.threadId, handoff: 'active', turn: shown };
}
