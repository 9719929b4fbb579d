/**
 * The composition of the Admin web methods (sitegpt-admin.web.ts), beside kit.ts, which holds
 * the members' own: an admin method reads every member's mirror rows, so it runs on its own
 * ports and is never reachable through a member's kit. Like the member kit, each method answers
 * its contract's result, errors as values, with one log line per call (no member, no text).
 */
import type { ChatMetricsResult } from '../../contract/metrics.js';
import type { SetupResult } from '../../contract/setup.js';
import type { BackendConfig } from './config.js';
import { makeMetricsConfig, type MetricsConfig } from './metrics/config.js';
import { createGetChatMetrics } from './metrics/get-chat-metrics.js';
import type { MirrorRead } from './metrics/read-mirror.js';
import type { Ports } from './ports.js';
import { Failure } from './runtime/failure.js';
import { instrument } from './runtime/instrument.js';
import { createCheckSetup } from './setup/check-setup.js';
import type { SetupPorts } from './setup/ports.js';

export type AdminPorts = Pick<Ports, 'transcript' | 'clock' | 'log'> & {
  /** What checkSetup reads (setup/ports.ts); without it checkSetup answers MISCONFIGURED. */
  setup?: Omit<SetupPorts, 'clock' | 'log'>;
};

export interface AdminKit {
  /** The figures of `{from, to}` (architecture.md §10); the caller must be a site admin. */
  getChatMetrics(args: unknown): Promise<ChatMetricsResult>;
  /** Every requirement of the install guide, pass / warn / fail / unchecked, with the fix in words; takes no argument. */
  checkSetup(...args: unknown[]): Promise<SetupResult>;
}

export interface AdminKitOptions {
  metrics?: Partial<MetricsConfig>;
  /** Hears how many scan pages and rows each getChatMetrics call read (the benchmark). */
  onRead?: (read: MirrorRead) => void;
}

export function createAdminKit(ports: AdminPorts, config: BackendConfig, options: AdminKitOptions = {}): AdminKit {
  const getChatMetrics = createGetChatMetrics(
    { transcript: ports.transcript, clock: ports.clock, config, metrics: makeMetricsConfig(options.metrics) },
    options.onRead,
  );
  const checkSetup = ports.setup && createCheckSetup({ ...ports.setup, clock: ports.clock, log: ports.log }, config);
  return {
    getChatMetrics: (args) => instrument(ports, 'getChatMetrics', () => getChatMetrics(args)),
    checkSetup: (...args) =>
      instrument(ports, 'checkSetup', (trace) => {
        if (!checkSetup) throw new Failure('MISCONFIGURED', 'setup-ports-missing');
        return checkSetup(args, trace);
      }),
  };
}
