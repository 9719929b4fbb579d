/**
 * rateAnswer (architecture.md §8.2): the member's thumbs on one of their own answers. The turn
 * is found by hashing the session's member with the given ID, so another member's turn ID
 * finds nothing (NOT_FOUND). The mirror keeps the reaction whatever SiteGPT says; SiteGPT's
 * documented v0 update-message call is best effort, a failure only noted on the log line.
 */
import { RateArgsSchema, type RateResult } from '../../../contract/index.js';
import { Deadline } from '../runtime/deadline.js';
import { Failure } from '../runtime/failure.js';
import type { Trace } from '../runtime/instrument.js';
import { parseArgs } from './args.js';
import { storeCall, type ChatDeps } from './deps.js';
import { turnRowId } from './turn-id.js';
import { nextRev, toTurn } from './turn-rows.js';
import { isPoor, withReaction } from '../handoff/classify.js';

export function createRate(deps: ChatDeps) {
  const { ports, config } = deps;

  return async function rateAnswer(args: unknown, trace: Trace): Promise<Extract<RateResult, { ok: true }>> {
    const { messageId, reaction } = parseArgs(RateArgsSchema, args, '{messageId, reaction}');
    const deadline = new Deadline(ports.clock, config.timeouts.overallMs);
    const member = await deps.threads.signedInMember(deadline, trace);
    const _id = await turnRowId(member.id, messageId);
    // Read-modify-write of the whole row: read the primary copy, not a stale one.
    const [row, site] = await Promise.all([
      storeCall(deps, 'cms-read', deadline, () => ports.transcript.get(_id, { consistent: true })),
      deps.threads.settings(deadline),
    ]);
    if (!row || row.kind === 'claim' || row.memberId !== member.id) throw new Failure('NOT_FOUND', 'no-such-turn');
    if (row.status !== 'answered' || row.answer === null) {
      throw new Failure('INVALID_INPUT', 'not-an-answer', { message: 'Only an answer can be rated.' });
    }
    const wanted = reaction === 'NEUTRAL' ? null : reaction;
    if (row.reaction === wanted) return { ok: true, turn: toTurn(row, ports.clock.now(), config.chat) };

    const rated = { ...row, reaction: wanted, ...withReaction(row, wanted), rev: nextRev(row, ports.clock.now()) };
    await storeCall(deps, 'cms-write', deadline, () => ports.transcript.update(rated));
    // A thumbs-down can complete a streak of poor answers (an offer of a person), a thumbs-up
    // break one; decided before the notice, so the member's devices read it with the rating.
    if (isPoor(row) !== isPoor(rated)) await deps.handoff.afterRating(member.id, rated, await deps.guard.settings(), deadline, trace);
    const noticed = deps.notices.publish(member.id, 'turns', rated.rev, deadline, trace);
    if (row.upstreamMessageId) {
      trace.sitegptCalled = true;
      const call = { apiKey: site.apiKey, chatbotId: site.chatbotId, threadId: row.threadId, messageId: row.upstreamMessageId, reaction };
      await ports.sitegpt.react(call, deadline).catch(() => {
        trace.note = 'sitegpt-react-failed';
      });
    }
    await noticed;
    return { ok: true, turn: toTurn(rated, ports.clock.now(), config.chat) };
  };
}
