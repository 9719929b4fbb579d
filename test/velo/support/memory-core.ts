/**
 * The core on in-memory Wix-side ports and the real SiteGPT client (aimed at the stand-in, via
 * msw). Pass a shared `threads` store to play several backend containers of one site.
 */
import { makeConfig, type ConfigOverrides } from '../../../velo/backend/config.js';
import { createMemberChat } from '../../../velo/backend/threads/member-threads.core.js';
import type { Member } from '../../../velo/backend/ports.js';
import { createSitegptClient } from '../../../velo/backend/providers/sitegpt/client.js';
import { CapturedLog, MemoryMembers, MemorySecrets, MemoryThreadStore, ShiftedClock } from './memory-ports.js';
import { BASE_URL, siteSecrets } from './standin.js';

export const ADA: Member = { id: 'member-ada', loginEmail: 'ada@example.com' };

export interface MemoryCoreOptions {
  config?: ConfigOverrides;
  member?: Member | null;
  secrets?: Record<string, string>;
  threads?: MemoryThreadStore;
  clock?: ShiftedClock;
  log?: CapturedLog;
}

export function memoryCore(options: MemoryCoreOptions = {}) {
  const config = makeConfig({ sitegptBaseUrl: BASE_URL, ...options.config });
  const threads = options.threads ?? new MemoryThreadStore();
  const members = new MemoryMembers(options.member === undefined ? ADA : options.member);
  const secrets = new MemorySecrets(options.secrets ?? siteSecrets());
  const clock = options.clock ?? new ShiftedClock();
  const log = options.log ?? new CapturedLog();
  const sitegpt = createSitegptClient({
    baseUrl: config.sitegptBaseUrl,
    fetch: (input, init) => globalThis.fetch(input, init),
    callTimeoutMs: config.timeouts.sitegptCallMs,
    maxReplyBytes: config.sitegptMaxReplyBytes,
    retryDelayMs: () => 5,
    now: () => clock.now(),
  });
  const core = createMemberChat({ members, secrets, threads, sitegpt, clock, log }, config);
  return { core, config, threads, members, secrets, clock, log };
}
