/** What every native-mode method works with: the ports, the config, member → thread, notices and the guardrails. */
import type { BackendConfig } from '../config.js';
import type { Guardrails } from '../guardrails/guard.js';
import type { Ports } from '../ports.js';
import type { Deadline } from '../runtime/deadline.js';
import { portCall } from '../runtime/port-call.js';
import type { MemberThreads } from '../threads/member-threads.js';
import type { Notices } from './notices.js';

export interface ChatDeps {
  ports: Ports;
  config: BackendConfig;
  threads: MemberThreads;
  notices: Notices;
  guard: Guardrails;
}

/** One transcript-store call, capped like every Wix call (`wixCallMs`, inside the deadline). */
export function storeCall<T>(deps: ChatDeps, label: string, deadline: Deadline, work: () => Promise<T>): Promise<T> {
  return portCall(label, deadline, deps.config, work);
}
