/**
 * A question while the member is handed off (architecture.md §10): it is mirrored like any other,
 * then goes to the episode's targets (the owner's Wix Inbox, SiteGPT's escalated thread) instead
 * of the AI. The turn becomes an `agent` turn that holds the question, `answered` with no
 * answer: delivered to a person, so no device waits for an AI answer; the person's reply comes
 * as its own `agent` turn. When no target took it, the turn fails like any send (its Retry
 * forwards again, or asks the AI if the episode ended meanwhile).
 */
import type { Deadline } from '../runtime/deadline.js';
import { Failure } from '../runtime/failure.js';
import { portCall } from '../runtime/port-call.js';
import { forwardQuestion } from '../handoff/targets.js';
import type { HandoffTarget } from '../handoff/ports.js';
import type { Delivery } from './delivery.js';
import type { TurnRow } from './ports.js';
import type { Outcome } from './turn-flights.js';
import { failedRow, nextRev } from './turn-rows.js';

export async function forwardToPerson(d: Delivery, row: TurnRow, deadline: Deadline): Promise<Outcome> {
  const { ports, config } = d.deps;
  const targets = (d.current.handoff?.handoffTargets ?? []) as HandoffTarget[];
  if (targets.includes('sitegpt')) d.trace.sitegptCalled = true;
  let outcome: Outcome;
  try {
    const taken = await forwardQuestion({ ports, config }, d.current, targets, row.question ?? '', deadline);
    const now = ports.clock.now();
    const forwarded: TurnRow = {
      ...row,
      kind: 'agent',
      status: 'answered',
      answer: null,
      sources: [],
      answeredAt: now,
      rev: nextRev(row, now),
      upstreamMessageId: taken.upstreamMessageId,
      errorCode: null,
      uncertain: false,
    };
    outcome = { row: await d.deps.classifier.classify(forwarded, d.settings, { earlier: d.earlier ?? [] }), failure: null, sitegptCalled: targets.includes('sitegpt'), handoff: 'active' };
    // Wix may have given the member a new conversation (contacts merged): replies come from it now.
    const known = d.current.handoff?.inboxConversationId;
    if (taken.inboxConversationId && taken.inboxConversationId !== known) {
      await portCall('cms-write', deadline, config, () => ports.threads.patchHandoff(row.memberId, { inboxConversationId: taken.inboxConversationId })).catch(() => undefined);
    }
  } catch (error) {
    const failure = error instanceof Failure ? error : new Failure('INTERNAL', 'handoff-forward-unexpected');
    outcome = { row: failedRow(row, failure, ports.clock.now(), null), failure, sitegptCalled: targets.includes('sitegpt'), handoff: 'active' };
  }
  await portCall('cms-write', deadline, config, () => ports.transcript.update(outcome.row)).catch(() => {
    d.trace.note = 'turn-write-failed';
  });
  await d.deps.notices.publish(row.memberId, 'turns', outcome.row.rev, deadline, d.trace);
  return outcome;
}
