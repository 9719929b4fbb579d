/**
 * The ports every capability shares: who is calling, the Secrets Manager, time and the log.
 * Wix adapters (wix/), the sandbox and the tests each provide their own; no capability
 * imports a Wix package, so the logic runs anywhere.
 */
import type { ErrorCode } from '../../../contract/index.js';

export interface Member {
  id: string;
  /** The member's login email, when the site knows it; signed for the widget's identity check. */
  loginEmail?: string;
}

export interface MembersPort {
  /** The member of the current server session, or null for a visitor. */
  current(): Promise<Member | null>;
}

export interface SecretsPort {
  /** A secret's value, or undefined when the site has no secret of that name. */
  get(name: string): Promise<string | undefined>;
}

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

export type MethodName =
  | 'getMemberChat'
  | 'startNewConversation'
  | 'forgetMyChat'
  | 'sendChatMessage'
  | 'getChatMessages'
  | 'rateAnswer';

/** One line per web-method call. Never the API key, the signature, the email or message text. */
export interface LogLine {
  method: MethodName;
  outcome: 'OK' | ErrorCode;
  latencyMs: number;
  sitegptCalled: boolean;
  memberId?: string;
  /** Our own short label for why a call failed ('sitegpt-timeout'), or why an OK answer lacks something. */
  reason?: string;
}

export interface LogPort {
  write(line: LogLine): void;
}
