/**
 * The ports of the guardrails (architecture.md §9): the operator's settings item, facts about
 * the member for the typed context, SiteGPT's v2 account usage, and the site owner's
 * notifications (which the handoff reuses). The Wix adapters are in wix/ and
 * providers/sitegpt/; the sandbox and the tests bring their own. All are optional in `Ports`:
 * without one, the guardrail works with what it has (defaults, no facts, no v2, no notice).
 */
import type { Deadline } from '../runtime/deadline.js';
import type { Member } from '../runtime/ports.js';

/** The ONE item of the Admin-only collection `SiteGptSettings`, raw, or null when there is none. */
export interface SettingsStore {
  /** Throws a Failure: MISCONFIGURED when the collection does not exist, anything else for an outage. */
  read(): Promise<Record<string, unknown> | null>;
}

/** What the site knows about the member, for the typed context. Each fact is checked again before use. */
export interface MemberFacts {
  /** The member's language (BCP 47, `de`, `pt-BR`). */
  language?: string;
  /** The member's plan or tier, where the site has one. */
  tier?: string;
}

export interface MemberFactsPort {
  /** Never free text the member typed: only what the site holds. Failures mean "no facts". */
  facts(member: Member): Promise<MemberFacts>;
}

/** SiteGPT's account usage from its v2 API; each figure undefined when SiteGPT's answer did not hold it. */
export interface SitegptUsage {
  /** Messages used in the current period. */
  used?: number;
  /** Messages the plan allows in the period. */
  limit?: number;
  /** Why a figure is missing (our own label), for the log. */
  unreadable?: string;
}

export interface SitegptUsagePort {
  usage(token: string, deadline: Deadline): Promise<SitegptUsage>;
}

/** A notification to the site owner (their dashboard and the Wix app), content-free as far as members go. */
export interface OwnerNotifier {
  /** `body` is at most 512 characters. */
  notify(body: string): Promise<void>;
}

/** The guardrails' optional ports, as `Ports` carries them. */
export interface GuardPorts {
  settings?: SettingsStore;
  memberFacts?: MemberFactsPort;
  sitegptUsage?: SitegptUsagePort;
  ownerNotifier?: OwnerNotifier;
}
