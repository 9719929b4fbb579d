/**
 * The backend the web methods run: the real kit (velo/backend/kit.ts) over the sandbox's ports.
 * The member comes from the call's session, secrets from the environment, thread rows and the
 * transcript mirror from SQLite, the operator's settings from a JSON file (settings-store.ts),
 * realtime notices go to the page's Server-Sent Events streams, SiteGPT through the given fetch
 * (the real API or the stand-in).
 */
import { makeConfig } from '../velo/backend/config.js';
import { createKit, type Kit } from '../velo/backend/kit.js';
import type { LogLine, Ports, RealtimePort, SettingsStore } from '../velo/backend/ports.js';
import { createSitegptClient } from '../velo/backend/providers/sitegpt/client.js';
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
  /** Every call's log line, oldest first. */
  calls: LogLine[];
  quiet?: boolean;
}

/**
 * How long the sandbox's backend keeps the operator's settings: 2 s rather than a site's 30 s, so
 * a flip of the kill switch in the operator panel shows on open pages within about 2 s.
 */
export const SANDBOX_SETTINGS_CACHE_MS = 2_000;

export function createBackend(options: BackendOptions): Kit {
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
  return createKit(ports, config);
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
