/**
 * Before a send that may have reached SiteGPT is posted again, look for it there
 * (architecture.md §8.4): the same normalised question, asked no earlier than our askedAt
 * minus a clock-skew margin, that no other turn of the member already holds (two identical
 * questions in a row are two turns, each adopting its own message). Oldest match first.
 */
import { stripInvisible } from '../guardrails/text.js';
import type { Deadline } from '../runtime/deadline.js';
import type { SiteSecrets } from '../threads/site-secrets.js';
import { storeCall, type ChatDeps } from './deps.js';
import type { TurnRow, UpstreamMessage } from './ports.js';

export async function findDelivered(deps: ChatDeps, row: TurnRow, site: SiteSecrets, deadline: Deadline): Promise<UpstreamMessage | null> {
  const { ports, config } = deps;
  const call = { apiKey: site.apiKey, chatbotId: site.chatbotId, threadId: row.threadId };
  const messages = await ports.sitegpt.threadMessages(call, deadline);
  if (!messages || row.question === null) return null;
  const skew = config.chat.reconcileSkewMs;
  const wanted = comparable(row.question);
  const candidates = messages.filter(
    (m) =>
      m.messageType !== 'AGENT_MESSAGE' &&
      m.question !== null &&
      m.question.timestamp >= row.askedAt - skew &&
      comparable(m.question.text) === wanted,
  );
  if (candidates.length === 0) return null;
  // A turn that holds one of these was answered at or after the message was written, so its
  // rev is at least the message's time, which is at least askedAt minus the skew (twice, for
  // its container's clock too): one "what changed since" read sees every holder.
  const since = Math.max(0, row.askedAt - 2 * skew);
  const others = await storeCall(deps, 'cms-query', deadline, () =>
    ports.transcript.changedSince(row.memberId, row.threadId, since, config.chat.changesLimit),
  );
  const held = new Set(others.filter((o) => o._id !== row._id).map((o) => o.upstreamMessageId));
  return candidates.find((m) => !held.has(m.messageId)) ?? null;
}

/** One spelling for comparing: what the backend would have stored, with runs of spaces as one. */
function comparable(text: string): string {
  return stripInvisible(text.normalize('NFKC')).replace(/\s+/g, ' ').trim();
}
