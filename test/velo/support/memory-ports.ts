/**
 * In-memory ports for the core: what the Wix site provides, minus Wix. The thread store keeps
 * Wix's one rule that matters here (a second row with the same _id is refused) and counts its
 * reads and writes, so tests and the benchmark can state what a call cost.
 */
import type { LogLine, Member, MembersPort, SecretsPort, ThreadRow, ThreadStore } from '../../../velo/backend/ports.js';

export class MemoryThreadStore implements ThreadStore {
  readonly rows = new Map<string, ThreadRow>();
  reads = 0;
  writes = 0;
  /** Each entry makes one upcoming write (insert, update, touch) fail with that error. */
  readonly failWrites: Error[] = [];
  /** Milliseconds every call waits first (a slow database). */
  latencyMs = 0;

  async get(memberId: string): Promise<ThreadRow | null> {
    await this.#wait();
    this.reads++;
    const row = this.rows.get(memberId);
    return row ? { ...row } : null;
  }

  async insert(row: ThreadRow): Promise<'inserted' | 'duplicate'> {
    await this.#write();
    if (this.rows.has(row.memberId)) return 'duplicate';
    this.rows.set(row.memberId, { ...row });
    return 'inserted';
  }

  async update(row: ThreadRow): Promise<void> {
    await this.#write();
    this.rows.set(row.memberId, { ...row });
  }

  async touch(memberId: string, lastSeenAt: string): Promise<void> {
    await this.#write();
    const row = this.rows.get(memberId);
    if (row) row.lastSeenAt = lastSeenAt;
  }

  async #write(): Promise<void> {
    await this.#wait();
    this.writes++;
    const failure = this.failWrites.shift();
    if (failure) throw failure;
  }

  async #wait(): Promise<void> {
    if (this.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
  }
}

/** The session's member; set `member` to switch who is signed in. */
export class MemoryMembers implements MembersPort {
  lookups = 0;
  /** Each entry holds one upcoming look-up until it settles (a session that is slow to answer). */
  readonly holds: Promise<unknown>[] = [];
  constructor(public member: Member | null) {}
  async current(): Promise<Member | null> {
    this.lookups++;
    await this.holds.shift();
    return this.member;
  }
}

export class MemorySecrets implements SecretsPort {
  reads = 0;
  /** When set, every read waits for it to settle first (a slow Secrets Manager). */
  hold: Promise<unknown> | undefined;
  constructor(readonly values: Record<string, string>) {}
  async get(name: string): Promise<string | undefined> {
    this.reads++;
    await this.hold;
    return this.values[name];
  }
}

export class CapturedLog {
  readonly lines: LogLine[] = [];
  write(line: LogLine): void {
    this.lines.push(line);
  }
}

/** Real time, shiftable: `advance` moves "now" forward without waiting. */
export class ShiftedClock {
  offsetMs = 0;
  now(): number {
    return Date.now() + this.offsetMs;
  }
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}
