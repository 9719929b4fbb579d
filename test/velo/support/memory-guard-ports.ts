/**
 * In-memory ports of the guardrails (velo/backend/guardrails/ports.ts) for the core's tests and
 * the benches: the operator's settings item, the site owner's notifications, member facts.
 */
import type { Member, MemberFacts, MemberFactsPort, OwnerNotifier, SettingsStore } from '../../../velo/backend/ports.js';

/**
 * The operator's SiteGptSettings item (null: none). `fail` makes reads throw it (a Failure with
 * MISCONFIGURED plays a missing collection, anything else an outage); `reads` counts them.
 */
export class MemorySettings implements SettingsStore {
  reads = 0;
  fail: Error | null = null;
  constructor(public item: Record<string, unknown> | null = null) {}
  async read(): Promise<Record<string, unknown> | null> {
    this.reads++;
    if (this.fail) throw this.fail;
    return this.item === null ? null : { ...this.item };
  }
}

/** The site owner's notifications, as sent. */
export class MemoryOwnerNotifier implements OwnerNotifier {
  readonly bodies: string[] = [];
  async notify(body: string): Promise<void> {
    this.bodies.push(body);
  }
}

/** What the site knows about each member (by member ID), for the typed context. */
export class MemoryMemberFacts implements MemberFactsPort {
  constructor(readonly known: Record<string, MemberFacts> = {}) {}
  async facts(member: Member): Promise<MemberFacts> {
    return this.known[member.id] ?? {};
  }
}
