/**
 * The Admin web methods' backend: the real admin kit (velo/backend/admin-kit.ts) over the
 * sandbox's transcript mirror and, for the setup check, the sandbox's set-up (setup-site.ts),
 * its log lines kept with the members' calls.
 */
import { createAdminKit, type AdminKit } from '../velo/backend/admin-kit.js';
import { makeConfig } from '../velo/backend/config.js';
import type { LogLine } from '../velo/backend/ports.js';
import type { SetupPorts } from '../velo/backend/setup/ports.js';
import type { CallScope } from './call-scope.js';
import type { SqliteTranscriptStore } from './transcript-store.js';

export function createAdminBackend(options: {
  scope: CallScope;
  transcript: SqliteTranscriptStore;
  calls: LogLine[];
  quiet?: boolean;
  setup?: Omit<SetupPorts, 'clock' | 'log'>;
}): AdminKit {
  return createAdminKit(
    {
      transcript: options.transcript,
      ...(options.setup ? { setup: options.setup } : {}),
      clock: { now: () => Date.now() },
      log: {
        write(line) {
          options.calls.push(line);
          const call = options.scope.current();
          if (call) call.line = line;
          // The admin's figures hold member text: the line itself never does.
          if (!options.quiet) console.log(`[webmethod] ${line.method} ${line.outcome} ${line.latencyMs} ms (admin)${line.reason ? ` reason=${line.reason}` : ''}`);
        },
      },
    },
    makeConfig(),
  );
}
