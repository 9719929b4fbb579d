/**
 * The backend the web methods run: the real kit (velo/backend/kit.ts) over the sandbox's ports.
 * The member comes from the call's session, secrets from the environment, thread rows and the
 * transcript mirror from SQLite, the operator's settings from a JSON file (settings-store.ts),
 * realtime notices go to the page's Server-Sent Events streams, SiteGPT and the OpenAI-compatible
 * provider through the given fetches (the real APIs or the stand-ins).
 */
import { makeConfig } from '../velo/backend/config.js';
import { createKit, type Kit } from '../velo/backend/kit.js';
import type { LogLine, Ports, RealtimePort, SettingsStore } from '../velo/backend/ports.js';
import { createOpenAiClient } from '../velo/backend/providers/openai/client.js';
import { createSitegptClient } from '../velo/backend/providers/sitegpt/client.js';
import { createEscalationClient } from '../velo/backend/providers/sitegpt/escalation.js';
import { createNotices } from '../velo/backend/chat/notices.js';
import { mirrorInboxReply } from '../velo/backend/handoff/inbox-replies.js';
import type { InboxPort } from '../velo/backend/ports.js';
import { instrument } from '../velo/backend/runtime/instrument.js';
import type { CallScope } from './call-scope.js';
import type { SqliteThreadStore } from './thread-store.js';
import type { SqliteTranscriptStore } from './transcript-store.js';

export interface BackendOptions {
  scope: CallScope;
  threads: SqliteThreadStore;
  transcript: SqliteTranscriptStore;
  realtime: RealtimePort;
  /** The operator's `SiteGptSettings` item. */
  settings?: SettingsStore;
  secrets: Readonly<Record<string, string | undefined>>;
  /** The stand-in's base URL, or undefined for the real SiteGPT. */
  sitegptBaseUrl?: string;
  sitegptFetch: typeof fetch;
  /** The OpenAI-compatible provider's fetch (openai-standin.ts): its stand-in, or the real endpoint. */
  openaiFetch?: typeof fetch;
  /** Every call's log line, oldest first. */
  calls: LogLine[];
  quiet?: boolean;
  /** The handoff's Wix Inbox (the sandbox's stand-in, inbox-standin.ts). */
  inbox?: InboxPort;
}

/** The kit, plus backend/events.js's handler on the same ports. */
export type SandboxBackend = Kit & {
  /** `wixInboxV2_onMessageSentToParticipant(event)`: the owner's reply in Wix Inbox, back into the member's chat. */
  onInboxMessage(event: unknown): Promise<void>;
};

/**
 * How long the sandbox's backend keeps the operator's settings: 2 s rather than a site's 30 s, so
 * a flip of the kill switch in the operator panel shows on open pages within about 2 s.
 */
export const SANDBOX_SETTINGS_CACHE_MS = 2_000;

export function createBackend(options: BackendOptions): SandboxBackend {
  const { scope } = options;
  // With the stand-in (in-process, free), every sync reads the thread for a human agent's replies,
  // so one played from the panel shows at once; against the real SiteGPT the kit's own limit holds.
  const guardrails = { settingsCacheMs: SANDBOX_SETTINGS_CACHE_MS };
  const config = makeConfig(options.sitegptBaseUrl ? { sitegptBaseUrl: options.sitegptBaseUrl, chat: { agentSyncMs: 0 }, guardrails } : { guardrails });
  const ports: Ports = {
    members: { current: async () => scope.current()?.member ?? null },
    secrets: { get: async (name) => options.secrets[name] },
    threads: options.threads,
    transcript: options.transcript,
    realtime: options.realtime,
    ...(options.settings ? { settings: options.settings } : {}),
    sitegpt: createSitegptClient({
      baseUrl: config.sitegptBaseUrl,
      fetch: options.sitegptFetch,
      callTimeoutMs: config.timeouts.sitegptCallMs,
      sendTimeoutMs: config.timeouts.sitegptSendMs,
      maxReplyBytes: config.sitegptMaxReplyBytes,
    }),
    // The handoff's targets: the owner's Wix Inbox (stand-in) and SiteGPT's escalation (its fetch).
    ...(options.inbox ? { inbox: options.inbox } : {}),
    escalation: createEscalationClient({ baseUrl: config.sitegptBaseUrl, fetch: options.sitegptFetch, callTimeoutMs: config.timeouts.sitegptCallMs, maxReplyBytes: config.sitegptMaxReplyBytes }),
    ...(options.openaiFetch ? { openai: createOpenAiClient({ fetch: options.openaiFetch, maxReplyBytes: config.openai.maxReplyBytes }) } : {}),
    clock: { now: () => Date.now() },
    log: {
      write(line) {
        options.calls.push(line);
        const call = scope.current();
        if (call) call.line = line;
        if (!options.quiet) console.log(describe(line));
      },
    },
  };
  // As backend/events.js composes it (velo/backend/events.ts), on the sandbox's ports.
  const events = { ports, config, notices: createNotices(ports.realtime, config) };
  return Object.assign(createKit(ports, config), {
    onInboxMessage: async (event: unknown) => void (await instrument(ports, 'inboxReply', (trace) => mirrorInboxReply(events, event, trace))),
  });
}

/** The kit's own line, for the terminal: never the key, the email, the signature or message text (it has none). */
function describe(line: LogLine): string {
  return (
    `[webmethod] ${line.method} ${line.outcome} ${line.latencyMs} ms` +
    (line.memberId ? ` member=${line.memberId}` : '') +
    (line.sitegptCalled ? ' (SiteGPT called)' : '') +
    (line.reason ? ` reason=${line.reason}` : '')
  );
}
