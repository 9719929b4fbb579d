/**
 * The ports of a real Wix site: the session's member, the Secrets Manager, the CMS, realtime,
 * SiteGPT, an OpenAI-compatible endpoint, and the guardrails' settings item, member facts,
 * SiteGPT usage and owner notices.
 */
import type { BackendConfig } from '../config.js';
import type { Ports } from '../ports.js';
import { createOpenAiClient } from '../providers/openai/client.js';
import { createSitegptClient } from '../providers/sitegpt/client.js';
import { createEscalationClient } from '../providers/sitegpt/escalation.js';
import { createUsageClient, v2BaseOf } from '../providers/sitegpt/usage.js';
import { wixInbox } from './inbox.js';
import { consoleLog } from './log.js';
import { wixMemberFacts } from './member-facts.js';
import { wixMembers } from './members.js';
import { wixOwnerNotifier, type VeloNotifications } from './owner-notifier.js';
import { wixRealtime } from './realtime.js';
import { wixSecrets } from './secrets.js';
import { wixSettingsStore } from './settings-store.js';
import { wixThreadStore } from './thread-store.js';
import { wixTranscriptStore } from './transcript-store.js';

/** Velo's notifications module; loaded only when an alert is sent (see owner-notifier.ts). */
export type LoadNotifications = () => Promise<{ notifications: VeloNotifications }>;

export function wixPorts(config: BackendConfig, loadNotifications?: LoadNotifications): Ports {
  const fetch: typeof globalThis.fetch = (input, init) => globalThis.fetch(input, init);
  return {
    members: wixMembers(),
    secrets: wixSecrets(),
    threads: wixThreadStore(config.collection),
    transcript: wixTranscriptStore(config.chat.messagesCollection),
    realtime: wixRealtime(),
    sitegpt: createSitegptClient({
      baseUrl: config.sitegptBaseUrl,
      // Looked up per call, not captured at load: whatever fetch the runtime (or a test's
      // interceptor) installs is the one used.
      fetch: (input, init) => globalThis.fetch(input, init),
      callTimeoutMs: config.timeouts.sitegptCallMs,
      sendTimeoutMs: config.timeouts.sitegptSendMs,
      maxReplyBytes: config.sitegptMaxReplyBytes,
    }),
    clock: { now: () => Date.now() },
    log: consoleLog(),
    settings: wixSettingsStore(config.guardrails.settingsCollection),
    memberFacts: wixMemberFacts(),
    sitegptUsage: createUsageClient({ baseUrl: v2BaseOf(config.sitegptBaseUrl), fetch, callTimeoutMs: config.timeouts.sitegptCallMs }),
    // The OpenAI-compatible provider (settings `provider: openai`); its key is OPENAI_API_KEY, read through `secrets`.
    openai: createOpenAiClient({ fetch, maxReplyBytes: config.openai.maxReplyBytes }),
    ...(loadNotifications ? { ownerNotifier: wixOwnerNotifier(loadNotifications) } : {}),
    // The handoff's targets (architecture.md §10): the owner's Wix Inbox and SiteGPT's escalation.
    inbox: wixInbox(),
    escalation: createEscalationClient({ baseUrl: config.sitegptBaseUrl, fetch, callTimeoutMs: config.timeouts.sitegptCallMs, maxReplyBytes: config.sitegptMaxReplyBytes }),
  };
}
