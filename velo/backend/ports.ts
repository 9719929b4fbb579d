/**
 * Every port the backend runs on, for the composition (kit.ts, sitegpt.web.ts, the sandbox,
 * tests). Each capability declares its own ports in its folder and imports only those.
 */
import type { RealtimePort, SitegptChatPort, TranscriptStore } from './chat/ports.js';
import type { GuardPorts } from './guardrails/ports.js';
import type { HandoffPorts } from './handoff/ports.js';
import type { ProviderPorts } from './providers/ports.js';
import type { SitegptThreadsPort, ThreadPorts } from './threads/ports.js';

export * from './runtime/ports.js';
export * from './threads/ports.js';
export * from './chat/ports.js';
export * from './guardrails/ports.js';
export * from './providers/ports.js';
export * from './handoff/ports.js';

/**
 * Member → thread (widget mode) plus the native mode's mirror, notices and message calls, and
 * the guardrails' optional ports (settings, member facts, SiteGPT's usage, owner notices).
 */
export type Ports = ThreadPorts &
  GuardPorts &
  /** Completion providers besides SiteGPT (architecture.md §11): optional, the kit makes one on the global fetch. */
  ProviderPorts &
  /** The handoff's targets (architecture.md §10): Wix Inbox and SiteGPT's escalation; optional. */
  HandoffPorts & {
    transcript: TranscriptStore;
    realtime: RealtimePort;
    sitegpt: SitegptThreadsPort & SitegptChatPort;
  };
