/**
 * The core (widget mode) and the whole kit (native mode) on the real Wix adapters (SDK → msw
 * fake site) and the real SiteGPT client (→ the stand-in), with short timeouts so fault tests
 * run fast. Each call to `wixCore` or `wixKit` is one backend container: its own secret cache
 * and its own sharing of in-flight work.
 */
import { makeConfig, type ConfigOverrides } from '../../../velo/backend/config.js';
import { createKit } from '../../../velo/backend/kit.js';
import { createMemberChat } from '../../../velo/backend/threads/member-threads.core.js';
import type { MembersPort } from '../../../velo/backend/ports.js';
import { wixPorts } from '../../../velo/backend/wix/ports.js';
import { CapturedLog } from './memory-ports.js';
import { BASE_URL } from './standin.js';

export const FAST: ConfigOverrides = {
  sitegptBaseUrl: BASE_URL,
  timeouts: { overallMs: 2_000, sitegptCallMs: 150, wixCallMs: 200 },
};

export function wixCore(options: { config?: ConfigOverrides; members?: MembersPort; log?: CapturedLog } = {}) {
  const config = makeConfig({ ...FAST, ...options.config });
  const log = options.log ?? new CapturedLog();
  const ports = { ...wixPorts(config), log, ...(options.members ? { members: options.members } : {}) };
  return { core: createMemberChat(ports, config), log, config };
}

/** Native mode's timings for tests: short, so timeouts and waits run fast. */
export const FAST_CHAT: ConfigOverrides = {
  ...FAST,
  timeouts: { ...FAST.timeouts, sendOverallMs: 3_000, sitegptSendMs: 150, sendWriteReserveMs: 300 },
  chat: { pendingPollMs: 10 },
};

/** The whole kit on the real Wix adapters: one backend container per call. */
export function wixKit(options: { config?: ConfigOverrides; log?: CapturedLog } = {}) {
  const config = makeConfig({ ...FAST_CHAT, ...options.config });
  const log = options.log ?? new CapturedLog();
  return { kit: createKit({ ...wixPorts(config), log }, config), log, config };
}
