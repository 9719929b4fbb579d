/**
 * The backend the web methods run: the real core (velo/backend/member-chat.core.ts) over the
 * sandbox's ports. The member comes from the call's session, secrets from the environment,
 * rows from SQLite, SiteGPT through the given fetch (the real API or the stand-in).
 */
import { makeConfig } from '../velo/backend/config.js';
import { createMemberChat, type MemberChatCore } from '../velo/backend/threads/member-threads.core.js';
import type { LogLine, Ports } from '../velo/backend/ports.js';
import { createSitegptClient } from '../velo/backend/providers/sitegpt/client.js';
import type { CallScope } from './call-scope.js';
import type { SqliteThreadStore } from './thread-store.js';

export interface BackendOptions {
  scope: CallScope;
  threads: SqliteThreadStore;
  secrets: Readonly<Record<string, string | undefined>>;
  /** The stand-in's base URL, or undefined for the real SiteGPT. */
  sitegptBaseUrl?: string;
  sitegptFetch: typeof fetch;
  /** Every call's log line, oldest first. */
  calls: LogLine[];
  quiet?: boolean;
}

export function createBackend(options: BackendOptions): MemberChatCore {
  const { scope } = options;
  const config = makeConfig(options.sitegptBaseUrl ? { sitegptBaseUrl: options.sitegptBaseUrl } : {});
  const ports: Ports = {
    members: { current: async () => scope.current()?.member ?? null },
    secrets: { get: async (name) => options.secrets[name] },
    threads: options.threads,
    sitegpt: createSitegptClient({ baseUrl: config.sitegptBaseUrl, fetch: options.sitegptFetch, callTimeoutMs: config.timeouts.sitegptCallMs }),
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
  return createMemberChat(ports, config);
}

/** The core's own line, for the terminal: never the key, the email or the signature (it has none). */
function describe(line: LogLine): string {
  return (
    `[webmethod] ${line.method} ${line.outcome} ${line.latencyMs} ms` +
    (line.memberId ? ` member=${line.memberId}` : '') +
    (line.sitegptCalled ? ' (SiteGPT called)' : '') +
    (line.reason ? ` reason=${line.reason}` : '')
  );
}
