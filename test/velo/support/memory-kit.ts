/**
 * The whole backend (createKit) on in-memory Wix-side ports and the real SiteGPT client aimed
 * at the stand-in (via msw). Each call is one backend container; pass shared stores to play
 * several containers of one site.
 */
import { makeConfig, type ConfigOverrides } from '../../../velo/backend/config.js';
import { createKit } from '../../../velo/backend/kit.js';
import type { Member } from '../../../velo/backend/ports.js';
import { createSitegptClient } from '../../../velo/backend/providers/sitegpt/client.js';
import {
  CapturedLog,
  MemoryMembers,
  MemoryRealtime,
  MemorySecrets,
  MemoryThreadStore,
  MemoryTranscriptStore,
  ShiftedClock,
} from './memory-ports.js';
import { BASE_URL, siteSecrets } from './standin.js';

export const ADA: Member = { id: 'member-ada', loginEmail: 'ada@example.com' };

export interface MemoryKitOptions {
  config?: ConfigOverrides;
  members?: MemoryMembers;
  threads?: MemoryThreadStore;
  transcript?: MemoryTranscriptStore;
  realtime?: MemoryRealtime;
  clock?: ShiftedClock;
  log?: CapturedLog;
}

export function memoryKit(options: MemoryKitOptions = {}) {
  const config = makeConfig({ sitegptBaseUrl: BASE_URL, ...options.config });
  const members = options.members ?? new MemoryMembers(ADA);
  const threads = options.threads ?? new MemoryThreadStore();
  const transcript = options.transcript ?? new MemoryTranscriptStore();
  const realtime = options.realtime ?? new MemoryRealtime();
  const clock = options.clock ?? new ShiftedClock();
  const log = options.log ?? new CapturedLog();
  const sitegpt = createSitegptClient({
    baseUrl: config.sitegptBaseUrl,
    fetch: (input, init) => globalThis.fetch(input, init),
    callTimeoutMs: config.timeouts.sitegptCallMs,
    sendTimeoutMs: config.timeouts.sitegptSendMs,
    maxReplyBytes: config.sitegptMaxReplyBytes,
    retryDelayMs: () => 5,
    now: () => clock.now(),
  });
  const secrets = new MemorySecrets(siteSecrets());
  const kit = createKit({ members, secrets, threads, transcript, realtime, sitegpt, clock, log }, config);
  return { kit, config, members, threads, transcript, realtime, clock, log };
}

/** A client message ID as the element makes them (crypto.randomUUID()). */
export const newId = (): string => crypto.randomUUID();
