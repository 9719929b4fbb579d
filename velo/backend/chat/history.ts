/**
 * Reading the mirror (architecture.md §8.2): the newest page (with getMemberChat, so sign-in
 * to rendered history is one call), the page before a load-older cursor, and what changed
 * since a rev. History comes from the mirror only; SiteGPT is read for agent messages at most
 * every `agentSyncMs` per member (agent-sync.ts).
 */
import { GetMessagesArgsSchema, type ChatPage } from '../../../contract/index.js';
import { Deadline } from '../runtime/deadline.js';
import { Failure } from '../runtime/failure.js';
import type { Trace } from '../runtime/instrument.js';
import type { Member } from '../runtime/ports.js';
import type { AgentSync } from './agent-sync.js';
import { parseArgs } from './args.js';
import { storeCall, type ChatDeps } from './deps.js';
import type { TurnRow } from './ports.js';
import { SEQ_PATTERN } from './turn-id.js';
import { toTurn } from './turn-rows.js';

export function createHistory(deps: ChatDeps, agents: AgentSync) {
  const { ports, config } = deps;
  const page = (rows: TurnRow[], threadId: string, older: string | null, floor: number): ChatPage => ({
    threadId,
    turns: rows.map((row) => toTurn(row, ports.clock.now(), config.chat)),
    older,
    cursor: rows.reduce((max, row) => Math.max(max, row.rev), floor),
  });

  /** The newest page of the thread, or the page just before `beforeSeq`; turns oldest first. */
  async function pageBefore(member: Member, threadId: string, deadline: Deadline, beforeSeq?: string): Promise<ChatPage> {
    const size = config.chat.pageSize;
    const rows = await storeCall(deps, 'cms-query', deadline, () =>
      ports.transcript.page(member.id, threadId, { limit: size + 1, ...(beforeSeq === undefined ? {} : { beforeSeq }) }),
    );
    const shown = rows.slice(0, size).reverse();
    return page(shown, threadId, rows.length > size ? shown[0]!.seq : null, 0);
  }

  async function getChatMessages(args: unknown, trace: Trace): Promise<ChatPage & { ok: true }> {
    const parsed = parseArgs(GetMessagesArgsSchema, args, '{before: cursor} or {after: rev}');
    const deadline = new Deadline(ports.clock, config.timeouts.overallMs);
    if ('before' in parsed && !SEQ_PATTERN.test(parsed.before)) {
      throw new Failure('INVALID_INPUT', 'bad-cursor', { message: '"before" is not a cursor this chat gave out.' });
    }
    const current = await deps.threads.resolve('get', deadline, trace);
    const handoff = deps.handoff.stateOf(current);
    const state = handoff ? { handoff } : {};
    if ('before' in parsed) return { ok: true, ...(await pageBefore(current.member, current.threadId, deadline, parsed.before)), ...state };
    // Agent replies reach SiteGPT's thread only; bring any new ones into the mirror first.
    await agents.sync(current, deadline, trace);
    const since = Math.max(0, parsed.after - config.chat.syncOverlapMs);
    const rows = await storeCall(deps, 'cms-query', deadline, () =>
      ports.transcript.changedSince(current.member.id, current.threadId, since, config.chat.changesLimit),
    );
    return { ok: true, ...page(rows, current.threadId, null, parsed.after), ...state };
  }

  return { pageBefore, getChatMessages };
}
