/**
 * The composition of the Admin web methods (sitegpt-admin.web.ts), beside kit.ts, which holds
 * the members' own: an admin method reads every member's mirror rows, so it runs on its own
 * ports and is never reachable through a member's kit. Like the member kit, each method answers
 * its contract's result, errors as values, with one log line per call (no member, no text).
 */
import type { ChatMetricsResult } from '../../contract/metrics.js';
import type { BackendConfig } from './config.js';
import { makeMetricsConfig, type MetricsConfig } from './metrics/config.js';
import { createGetChatMetrics } from './metrics/get-chat-metrics.js';
import type { MirrorRead } from './metrics/read-mirror.js';
import type { Ports } from './ports.js';
import { instrument } from './runtime/instrument.js';

export type AdminPorts = Pick<Ports, 'transcript' | 'clock' | 'log'>;

export interface AdminKit {
  /** The figures of `{from, to}` (architecture.md §10); the caller must be a site admin. */
  getChatMetrics(args: unknown): Promise<ChatMetricsResult>;
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
  return {
    getChatMetrics: (args) => instrument(ports, 'getChatMetrics', () => getChatMetrics(args)),
  };
}
