/** What every native-mode method works with: the ports, the config, member → thread, notices and the guardrails. */
import type { BackendConfig } from '../config.js';
import type { Guardrails } from '../guardrails/guard.js';
import type { Ports } from '../ports.js';
import type { Deadline } from '../runtime/deadline.js';
import { portCall } from '../runtime/port-call.js';
import type { MemberThreads } from '../threads/member-threads.js';
import type { Notices } from './notices.js';

import type { Settings } from '../guardrails/settings-schema.js';
import type { AnswerClassifier } from '../handoff/classify.js';
import type { Handoff } from '../handoff/handoff.js';
import type { CompletionProvider } from '../providers/completion.js';

export interface ChatDeps {
  ports: Ports;
  config: BackendConfig;
  threads: MemberThreads;
  notices: Notices;
  guard: Guardrails;
  /** Who answers a question, by the operator's `provider` setting (architecture.md §11). */
  provider(settings: Settings): CompletionProvider;
  /** Low confidence and repeats, set on each answer as it arrives (architecture.md §10). */
  classifier: AnswerClassifier;
  /** The member's offer of a person and handoff (architecture.md §10). */
  handoff: Handoff;
}

/** One transcript-store call, capped like every Wix call (`wixCallMs`, inside the deadline). */
export function storeCall<T>(deps: ChatDeps, label: string, deadline: Deadline, work: () => Promise<T>): Promise<T> {
  return portCall(label, deadline, deps.config, work);
}
