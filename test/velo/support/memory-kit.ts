/**
 * The whole backend (createKit) on in-memory Wix-side ports and the real SiteGPT client aimed
 * at the stand-in (via msw). Each call is one backend container; pass shared stores to play
 * several containers of one site.
 */
import { makeConfig, type ConfigOverrides } from '../../../velo/backend/config.js';
import { createKit } from '../../../velo/backend/kit.js';
import type { Member } from '../../../velo/backend/ports.js';
import { createSitegptClient } from '../../../velo/backend/providers/sitegpt/client.js';
import { createUsageClient, v2BaseOf } from '../../../velo/backend/providers/sitegpt/usage.js';
import { createEscalationClient } from '../../../velo/backend/providers/sitegpt/escalation.js';
import { MemoryInbox } from './memory-handoff-ports.js';
import { MemoryMemberFacts, MemoryOwnerNotifier, MemorySettings } from './memory-guard-ports.js';
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
  /** The operator's SiteGptSettings (default: no item, so the defaults hold). */
  settings?: MemorySettings;
  memberFacts?: MemoryMemberFacts;
  ownerNotifier?: MemoryOwnerNotifier;
  /** Extra secrets besides the site's API key and chatbot (e.g. SITEGPT_V2_TOKEN). */
  secrets?: Record<string, string>;
  /** The owner's Wix Inbox (handoff); default: one in memory. */
  inbox?: MemoryInbox;
}

/** Settings whose limits no ordinary test reaches: for tests about something else than the limits. */
export const NO_LIMITS = { limitPerMinute: 1000, limitPerDay: 100_000, siteLimitPerMinute: 100_000 };

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
  const secrets = new MemorySecrets({ ...siteSecrets(), ...options.secrets });
  const settings = options.settings ?? new MemorySettings();
  const memberFacts = options.memberFacts ?? new MemoryMemberFacts();
  const ownerNotifier = options.ownerNotifier ?? new MemoryOwnerNotifier();
  const sitegptUsage = createUsageClient({
    baseUrl: v2BaseOf(config.sitegptBaseUrl),
    fetch: (input, init) => globalThis.fetch(input, init),
    callTimeoutMs: config.timeouts.sitegptCallMs,
    retryDelayMs: () => 5,
  });
  const inbox = options.inbox ?? new MemoryInbox();
  // SiteGPT's escalation through the real client, at the stand-in like every SiteGPT call here.
  const escalation = createEscalationClient({ baseUrl: config.sitegptBaseUrl, fetch: (input, init) => globalThis.fetch(input, init), callTimeoutMs: config.timeouts.sitegptCallMs, retryDelayMs: () => 5, now: () => clock.now() });
  const ports = { members, secrets, threads, transcript, realtime, sitegpt, clock, log, settings, memberFacts, ownerNotifier, sitegptUsage, inbox, escalation };
  const kit = createKit(ports, config);
  return { kit, config, members, threads, transcript, realtime, clock, log, settings, ownerNotifier, secrets, inbox };
}

/** A client message ID as the element makes them (crypto.randomUUID()). */
export const newId = (): string => crypto.randomUUID();
