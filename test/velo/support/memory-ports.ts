/**
 * In-memory ports for the core: what the Wix site provides, minus Wix. The thread store keeps
 * Wix's one rule that matters here (a second row with the same _id is refused) and counts its
 * reads and writes, so tests and the benchmark can state what a call cost.
 */
import type { Notice } from '../../../contract/index.js';
import type {
  GuardEvent,
  HandoffFields,
  LogLine,
  Member,
  MembersPort,
  QuestionStamp,
  RealtimePort,
  RecentOptions,
  ScanPage,
  SecretsPort,
  ThreadRow,
  ThreadStore,
  TranscriptStore,
  TurnRow,
} from '../../../velo/backend/ports.js';
import { compareScan, isAfter, readScanCursor, scanPage } from '../../../velo/backend/metrics/scan-cursor.js';

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

  async patchHandoff(memberId: string, fields: HandoffFields): Promise<void> {
    await this.#write();
    const row = this.rows.get(memberId);
    if (!row) throw new Error(`no thread row for ${memberId}`);
    Object.assign(row, structuredClone(fields));
  }

  async findByInboxConversation(conversationId: string): Promise<ThreadRow | null> {
    await this.#wait();
    this.reads++;
    const row = [...this.rows.values()].find((r) => r.inboxConversationId === conversationId);
    return row ? structuredClone(row) : null;
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

/**
 * The transcript mirror in memory, with the CMS's rules that matter: a taken `_id` refuses an
 * insert, an update needs the row to exist, queries never see claim rows. Counts reads and
 * writes (every call, as the CMS would bill it); `latencyMs` plays a slow database.
 */
export class MemoryTranscriptStore implements TranscriptStore {
  readonly rows = new Map<string, TurnRow>();
  reads = 0;
  writes = 0;
  latencyMs = 0;
  /** Each entry makes one upcoming write (insert, update) fail with that error. */
  readonly failWrites: Error[] = [];

  async get(id: string): Promise<TurnRow | null> {
    await this.#wait();
    this.reads++;
    const row = this.rows.get(id);
    return row ? copy(row) : null;
  }

  async insert(row: TurnRow): Promise<'inserted' | 'duplicate'> {
    await this.#write();
    if (this.rows.has(row._id)) return 'duplicate';
    this.rows.set(row._id, copy(row));
    return 'inserted';
  }

  async update(row: TurnRow): Promise<void> {
    await this.#write();
    if (!this.rows.has(row._id)) throw new Error(`no row ${row._id}`);
    this.rows.set(row._id, copy(row));
  }

  async page(memberId: string, threadId: string, options: { beforeSeq?: string; limit: number }): Promise<TurnRow[]> {
    await this.#wait();
    this.reads++;
    return this.#turns(memberId, threadId)
      .filter((row) => options.beforeSeq === undefined || row.seq < options.beforeSeq)
      .sort((a, b) => (a.seq < b.seq ? 1 : a.seq > b.seq ? -1 : 0))
      .slice(0, options.limit)
      .map(copy);
  }

  async changedSince(memberId: string, threadId: string, sinceRev: number, limit: number): Promise<TurnRow[]> {
    await this.#wait();
    this.reads++;
    return this.#turns(memberId, threadId)
      .filter((row) => row.rev >= sinceRev)
      .sort((a, b) => a.rev - b.rev)
      .slice(0, limit)
      .map(copy);
  }

  async removeMember(memberId: string): Promise<number> {
    await this.#write();
    let removed = 0;
    for (const [id, row] of this.rows) {
      if (row.memberId === memberId && this.rows.delete(id)) removed++;
    }
    return removed;
  }

  async scan(fromMs: number, toMs: number, options: { after?: string; limit: number }): Promise<ScanPage> {
    await this.#wait();
    this.reads++;
    const key = options.after === undefined ? undefined : readScanCursor(options.after);
    const rows = [...this.rows.values()]
      .filter((row) => row.kind !== 'claim' && row.askedAt >= fromMs && row.askedAt < toMs && isAfter(row, key))
      .sort(compareScan)
      .slice(0, options.limit)
      .map(copy);
    return scanPage(rows, options.limit);
  }

  async recentQuestions(memberId: string, memberSinceMs: number, siteSinceMs: number, limit: number, options?: RecentOptions): Promise<QuestionStamp[]> {
    await this.#wait();
    this.reads++;
    return [...this.rows.values()]
      .filter((row) => (row.kind === 'ai' || row.kind === 'fallback') && ((row.memberId === memberId && row.askedAt >= memberSinceMs) || row.askedAt >= siteSinceMs))
      .sort((a, b) => b.askedAt - a.askedAt)
      .slice(0, limit)
      .map((row) => ({
        _id: row._id,
        memberId: row.memberId,
        kind: row.kind as QuestionStamp['kind'],
        askedAt: row.askedAt,
        // The handoff's details: the member's own stamps only.
        ...(options?.details && row.memberId === memberId
          ? { details: { threadId: row.threadId, status: row.status, question: row.question, ...(row.lowConfidence ? { lowConfidence: [...row.lowConfidence] } : {}) } }
          : {}),
      }));
  }

  async countAiTurnsSince(sinceMs: number): Promise<number> {
    await this.#wait();
    this.reads++;
    return [...this.rows.values()].filter((row) => row.kind === 'ai' && row.askedAt >= sinceMs).length;
  }

  async sumTokensSince(sinceMs: number): Promise<number> {
    await this.#wait();
    this.reads++;
    return [...this.rows.values()]
      .filter((row) => row.askedAt >= sinceMs && row.tokens)
      .reduce((sum, row) => sum + row.tokens!.prompt + row.tokens!.completion, 0);
  }

  /** Turns (never claims) of one member, as a test reads them. */
  turnsOf(memberId: string): TurnRow[] {
    return [...this.rows.values()].filter((row) => row.memberId === memberId && row.kind !== 'claim').map(copy);
  }

  #turns(memberId: string, threadId: string): TurnRow[] {
    return [...this.rows.values()].filter((r) => r.memberId === memberId && r.threadId === threadId && r.kind !== 'claim');
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

function copy(row: TurnRow): TurnRow {
  return { ...row, sources: [...row.sources] };
}

/** Realtime notices as published: who got which notice. `fail` makes every publish reject. */
export class MemoryRealtime implements RealtimePort {
  readonly published: Array<{ memberId: string; notice: Notice }> = [];
  fail = false;
  async publish(memberId: string, notice: Notice): Promise<void> {
    if (this.fail) throw new Error('realtime is down');
    this.published.push({ memberId, notice: { ...notice } });
  }

  /** Site-wide `service` notices (SERVICE_CHANNEL), as published. */
  readonly service: Notice[] = [];
  async publishService(notice: Notice): Promise<void> {
    if (this.fail) throw new Error('realtime is down');
    this.service.push({ ...notice });
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

  /** Lines that belong to no call (settings, budget alerts). */
  readonly events: GuardEvent[] = [];
  event(line: GuardEvent): void {
    this.events.push(line);
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

