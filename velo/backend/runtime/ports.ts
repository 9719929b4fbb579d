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
  | 'rateAnswer'
  /** Admin (sitegpt-admin.web.ts): the metrics of a date range. */
  | 'getChatMetrics'
  /** The member asks for a person (handoff). */
  | 'requestHuman'
  /** events.ts: a reply of the site's team in Wix Inbox, mirrored into the member's chat. */
  | 'inboxReply'
  /** Admin (sitegpt-admin.web.ts): the setup check. */
  | 'checkSetup';

/** One line per web-method call. Never the API key, the signature, the email or message text. */
export interface LogLine {
  method: MethodName;
  outcome: 'OK' | ErrorCode;
  latencyMs: number;
  sitegptCalled: boolean;
  memberId?: string;
  /** Our own short label for why a call failed ('sitegpt-timeout'), or why an OK answer lacks something. */
  reason?: string;
  /** Which guardrail decided the answer (architecture.md §9), when one did. */
  guard?: GuardOutcome;
}

/**
 * `closed`: settings `mode: off`; `rate-limited`: one of the kit's own limits; `fallback`: a
 * static reply because of `mode: fallback`; `breaker-open`: because SiteGPT kept failing;
 * `budget`: because the monthly budget is spent; `quota`: because SiteGPT answered
 * MESSAGES_LIMIT_REACHED.
 */
export type GuardOutcome = 'closed' | 'rate-limited' | 'fallback' | 'breaker-open' | 'budget' | 'quota';

export interface LogPort {
  write(line: LogLine): void;
  /**
   * A line that belongs to no single call: the operator's settings, budget alerts. Optional, so
   * a log without it (a sandbox, a bench) drops them. Never a value from the settings, never text.
   */
  event?(line: GuardEvent): void;
}

export type GuardEvent =
  /** No SiteGptSettings collection or no item in it: the defaults hold. */
  | { event: 'settings-missing'; reason: 'no-collection' | 'no-item' }
  /** A field of the settings item was not usable: its default holds. The field's value is never logged. */
  | { event: 'settings-field-ignored'; field: string; problem: string }
  /** The settings could not be read (an outage): the last good settings, or the defaults, hold. */
  | { event: 'settings-read-failed'; reason: string }
  /** This container's fresh read saw another service mode than its previous read. */
  | { event: 'service-mode-changed'; mode: 'on' | 'fallback' | 'off' }
  /** A share of the month's budget was reached (once per threshold and month, across containers); `tokens`: the token budget. */
  | { event: 'budget-alert'; threshold: number; month: string; source: 'mirror' | 'sitegpt' | 'tokens'; used: number; limit: number }
  /** SiteGPT's v2 usage or limits answered something this kit cannot read: ignored. */
  | { event: 'sitegpt-usage-unreadable'; reason: string }
  /** The site owner's notification was not sent (the budget alert is still logged). */
  | { event: 'owner-notify-failed'; reason: string };
