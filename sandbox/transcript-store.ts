/**
 * The sandbox's transcript mirror (TranscriptStore, architecture.md §8.3): one SQLite table in a
 * file under the sandbox folder (sqlite-file.ts), one row per turn. `_id` is the primary key, so
 * the database itself refuses a second row for a retried send, as Wix's `_id` does, and that
 * refusal is the lock the backend relies on. Every write is saved to the file before it is
 * acknowledged. Checked against the backend's shared store contract (transcript-store.test.ts).
 */
import type { SqlValue } from 'sql.js';
import { readScanCursor, scanPage } from '../velo/backend/metrics/scan-cursor.js';
import type { QuestionStamp, RecentOptions, ScanPage, TranscriptStore, TurnRow } from '../velo/backend/ports.js';
import { SqliteFile } from './sqlite-file.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS turns (
  _id                 TEXT PRIMARY KEY NOT NULL,
  member_id           TEXT NOT NULL,
  thread_id           TEXT NOT NULL,
  client_message_id   TEXT NOT NULL,
  kind                TEXT NOT NULL,
  status              TEXT NOT NULL,
  question            TEXT,
  answer              TEXT,
  sources             TEXT NOT NULL,
  reaction            TEXT,
  asked_at            INTEGER NOT NULL,
  answered_at         INTEGER,
  rev                 INTEGER NOT NULL,
  seq                 TEXT NOT NULL,
  upstream_message_id TEXT,
  upstream_latency_ms INTEGER,
  error_code          TEXT,
  uncertain           INTEGER NOT NULL,
  attempt             INTEGER NOT NULL,
  flags               TEXT
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS turns_by_seq ON turns (member_id, thread_id, seq);
CREATE INDEX IF NOT EXISTS turns_by_rev ON turns (member_id, thread_id, rev);
CREATE INDEX IF NOT EXISTS turns_by_asked ON turns (asked_at, _id);`;

const COLUMNS = [
  '_id', 'member_id', 'thread_id', 'client_message_id', 'kind', 'status', 'question', 'answer', 'sources', 'reaction',
  'asked_at', 'answered_at', 'rev', 'seq', 'upstream_message_id', 'upstream_latency_ms', 'error_code', 'uncertain', 'attempt',
  'flags',
] as const;

export class SqliteTranscriptStore implements TranscriptStore {
  private constructor(private readonly sqlite: SqliteFile) {}

  static async open(file: string): Promise<SqliteTranscriptStore> {
    const sqlite = await SqliteFile.open(file, SCHEMA);
    // A file written before the classification flags had no column for them.
    if (!sqlite.select('PRAGMA table_info(turns)', []).some((column) => column.name === 'flags')) {
      sqlite.db.run('ALTER TABLE turns ADD COLUMN flags TEXT');
      sqlite.save();
    }
    return new SqliteTranscriptStore(sqlite);
  }

  get file(): string {
    return this.sqlite.file;
  }

  // One copy here: every read is consistent.
  async get(id: string): Promise<TurnRow | null> {
    return this.select('WHERE _id = ?', [id])[0] ?? null;
  }

  async insert(row: TurnRow): Promise<'inserted' | 'duplicate'> {
    try {
      this.sqlite.db.run(`INSERT INTO turns (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map(() => '?').join(', ')})`, values(row));
    } catch (error) {
      if (/UNIQUE constraint failed/.test(String(error))) return 'duplicate';
      throw error;
    }
    this.sqlite.save();
    return 'inserted';
  }

  async update(row: TurnRow): Promise<void> {
    const [id, ...rest] = values(row);
    this.sqlite.db.run(`UPDATE turns SET ${COLUMNS.slice(1).map((c) => `${c} = ?`).join(', ')} WHERE _id = ?`, [...rest, id]);
    // Like the CMS's update of a removed item: an error, never a new row.
    if (this.sqlite.db.getRowsModified() === 0) throw new Error(`no turn row ${id} to update`);
    this.sqlite.save();
  }

  async page(memberId: string, threadId: string, options: { beforeSeq?: string; limit: number }): Promise<TurnRow[]> {
    const before = options.beforeSeq === undefined ? '' : 'AND seq < ?';
    const params: SqlValue[] = [memberId, threadId, ...(options.beforeSeq === undefined ? [] : [options.beforeSeq]), options.limit];
    return this.select(`WHERE member_id = ? AND thread_id = ? AND kind <> 'claim' ${before} ORDER BY seq DESC LIMIT ?`, params);
  }

  async changedSince(memberId: string, threadId: string, sinceRev: number, limit: number): Promise<TurnRow[]> {
    return this.select(`WHERE member_id = ? AND thread_id = ? AND kind <> 'claim' AND rev >= ? ORDER BY rev, seq LIMIT ?`, [memberId, threadId, sinceRev, limit]);
  }

  async removeMember(memberId: string): Promise<number> {
    this.sqlite.db.run('DELETE FROM turns WHERE member_id = ?', [memberId]);
    const removed = this.sqlite.db.getRowsModified();
    this.sqlite.save();
    return removed;
  }

  async scan(fromMs: number, toMs: number, options: { after?: string; limit: number }): Promise<ScanPage> {
    const key = options.after === undefined ? undefined : readScanCursor(options.after);
    const after = key ? 'AND (asked_at > ? OR (asked_at = ? AND _id > ?))' : '';
    const params: SqlValue[] = [fromMs, toMs, ...(key ? [key.askedAt, key.askedAt, key.id] : []), options.limit];
    const rows = this.select(`WHERE asked_at >= ? AND asked_at < ? AND kind <> 'claim' ${after} ORDER BY asked_at, _id LIMIT ?`, params);
    return scanPage(rows, options.limit);
  }

  /**
   * The seed command's write: every row of members whose ID starts with `prefix` goes, `rows`
   * come in, in one transaction and one save (a save per row would rewrite the file thousands of
   * times). A taken `_id` fails the lot.
   */
  replaceMembers(prefix: string, rows: readonly TurnRow[]): void {
    const sql = `INSERT INTO turns (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map(() => '?').join(', ')})`;
    this.sqlite.db.run('BEGIN');
    try {
      this.sqlite.db.run('DELETE FROM turns WHERE substr(member_id, 1, length(?)) = ?', [prefix, prefix]);
      for (const row of rows) this.sqlite.db.run(sql, values(row));
      this.sqlite.db.run('COMMIT');
    } catch (error) {
      this.sqlite.db.run('ROLLBACK');
      throw error;
    }
    this.sqlite.save();
  }

  /** The guardrails' rate-limit read: the member's questions since one time, or anybody's since another, newest first. */
  async recentQuestions(memberId: string, memberSinceMs: number, siteSinceMs: number, limit: number, options?: RecentOptions): Promise<QuestionStamp[]> {
    const rows = this.sqlite.select(
      `SELECT _id, member_id, kind, asked_at, thread_id, status, question, flags FROM turns WHERE kind IN ('ai', 'fallback') AND ((member_id = ? AND asked_at >= ?) OR asked_at >= ?) ORDER BY asked_at DESC, _id LIMIT ?`,
      [memberId, memberSinceMs, siteSinceMs, limit],
    );
    return rows.map((r) => {
      const stamp: QuestionStamp = { _id: String(r._id), memberId: String(r.member_id), kind: String(r.kind) as QuestionStamp['kind'], askedAt: Number(r.asked_at) };
      // The handoff's details (repeats, the low-confidence streak): the member's own stamps only.
      if (!options?.details || stamp.memberId !== memberId) return stamp;
      const flags = r.flags === null || r.flags === undefined ? {} : (JSON.parse(String(r.flags)) as Flags);
      const lowConfidence = flags.lowConfidence ? { lowConfidence: flags.lowConfidence } : {};
      return { ...stamp, details: { threadId: String(r.thread_id), status: String(r.status) as TurnRow['status'], question: r.question === null ? null : String(r.question), ...lowConfidence } };
    });
  }

  /** The monthly budget's count: `ai` turns asked since a time, everybody's. */
  async countAiTurnsSince(sinceMs: number): Promise<number> {
    return Number(this.sqlite.select(`SELECT COUNT(*) AS n FROM turns WHERE kind = 'ai' AND asked_at >= ?`, [sinceMs])[0]?.n ?? 0);
  }

  /** The monthly token budget's sum: the tokens (in the flags column) of turns asked since a time, everybody's. */
  async sumTokensSince(sinceMs: number): Promise<number> {
    const sql = `SELECT SUM(json_extract(flags, '$.tokens.prompt') + json_extract(flags, '$.tokens.completion')) AS n FROM turns WHERE asked_at >= ? AND flags IS NOT NULL`;
    return Number(this.sqlite.select(sql, [sinceMs])[0]?.n ?? 0);
  }

  /** Every row of one member (or everyone's), oldest first: the sandbox's state endpoint and the tests. */
  all(memberId?: string): TurnRow[] {
    return memberId === undefined ? this.select('ORDER BY member_id, seq', []) : this.select('WHERE member_id = ? ORDER BY seq', [memberId]);
  }

  close(): void {
    this.sqlite.close();
  }

  private select(where: string, params: SqlValue[]): TurnRow[] {
    return this.sqlite.select(`SELECT * FROM turns ${where}`, params).map(readRow);
  }
}

function values(row: TurnRow): SqlValue[] {
  return [
    row._id, row.memberId, row.threadId, row.clientMessageId, row.kind, row.status, row.question, row.answer, JSON.stringify(row.sources), row.reaction,
    row.askedAt, row.answeredAt, row.rev, row.seq, row.upstreamMessageId, row.upstreamLatencyMs, row.errorCode, row.uncertain ? 1 : 0, row.attempt,
    flagsOf(row),
  ];
}

function readRow(r: Record<string, SqlValue>): TurnRow {
  const text = (v: SqlValue) => (v === null ? null : String(v));
  const count = (v: SqlValue) => (v === null ? null : Number(v));
  return {
    _id: String(r._id),
    memberId: String(r.member_id),
    threadId: String(r.thread_id),
    clientMessageId: String(r.client_message_id),
    kind: String(r.kind) as TurnRow['kind'],
    status: String(r.status) as TurnRow['status'],
    question: text(r.question),
    answer: text(r.answer),
    sources: JSON.parse(String(r.sources)) as string[],
    reaction: text(r.reaction) as TurnRow['reaction'],
    askedAt: Number(r.asked_at),
    answeredAt: count(r.answered_at),
    rev: Number(r.rev),
    seq: String(r.seq),
    upstreamMessageId: text(r.upstream_message_id),
    upstreamLatencyMs: count(r.upstream_latency_ms),
    errorCode: text(r.error_code) as TurnRow['errorCode'],
    uncertain: Number(r.uncertain) === 1,
    attempt: Number(r.attempt),
    ...(r.flags === null || r.flags === undefined ? {} : (JSON.parse(String(r.flags)) as Flags)),
  };
}

/** The classification flags (architecture.md §10) as one JSON column, holding only those the row has. */
type Flags = Pick<TurnRow, 'lowConfidence' | 'repeat' | 'handoff' | 'tokens'>;

function flagsOf(row: TurnRow): string | null {
  const flags: Flags = {};
  if (row.lowConfidence !== undefined) flags.lowConfidence = row.lowConfidence;
  if (row.repeat !== undefined) flags.repeat = row.repeat;
  if (row.handoff !== undefined) flags.handoff = row.handoff;
  if (row.tokens !== undefined) flags.tokens = row.tokens;
  return Object.keys(flags).length === 0 ? null : JSON.stringify(flags);
}
