/** Attributes that belong to one member: a value set for member A is never used for member B. */
export const MEMBER_SCOPED = new Set(['thread', 'email', 'email-signature', 'error', 'notice', 'messages', 'send-error', 'handoff', 'handoff-error']);

/**
 * Remembers which member each member-scoped attribute was set for.
 *
 * A value set while `member-id` is still absent (attributes arriving before page code has
 * said who is signed in, or before the script loaded) is adopted by the first member that
 * arrives. After that, a value counts only while the member it was set for is current, so a
 * stale thread can never be shown to the next member, whatever order page code sets things in.
 */
export class MemberScope {
  #member: string | null = null;
  readonly #owners = new Map<string, string | null>();

  get member(): string | null {
    return this.#member;
  }

  /** Returns true when the member really changed, so the caller can tear the widget down. */
  setMember(member: string | null): boolean {
    if (member === this.#member) return false;
    const adopting = this.#member === null;
    this.#member = member;
    if (adopting) {
      for (const [name, owner] of this.#owners) if (owner === null) this.#owners.set(name, member);
    }
    return true;
  }

  /** Records that a member-scoped attribute was just set, for the current member. */
  noteSet(name: string): void {
    if (MEMBER_SCOPED.has(name)) this.#owners.set(name, this.#member);
  }

  /** True when the attribute's current value was set for the current member. */
  owns(name: string): boolean {
    return this.#owners.has(name) && this.#owners.get(name) === this.#member;
  }
}
