/**
 * The sandbox's transcript mirror (TranscriptStore, architecture.md §8.3): one SQLite table in a
 * file under the sandbox folder (sqlite-file.ts), one row per turn. `_id` is the primary key, so
 * the database itself refuses a second row for a retried send, as Wix's `_id` does, and that
 * refusal is the lock the backend relies on. Every write is saved to the file before it is
 * acknowledged. Checked against the backend's shared store contract (transcript-store.test.ts).
 */
import type { SqlValue } from 'sql.js';
import type { TranscriptStore, TurnRow } from '../velo/backend/ports.js';
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
  attempt             INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS turns_by_seq ON turns (member_id, thread_id, seq);
CREATE INDEX IF NOT EXISTS turns_by_rev ON turns (member_id, thread_id, rev);`;

const COLUMNS = [
  '_id', 'member_id', 'thread_id', 'client_message_id', 'kind', 'status', 'question', 'answer', 'sources', 'reaction',
  'asked_at', 'answered_at', 'rev', 'seq', 'upstream_message_id', 'upstream_latency_ms', 'error_code', 'uncertain', 'attempt',
] as const;

export class SqliteTranscriptStore implements TranscriptStore {
  private constructor(private readonly sqlite: SqliteFile) {}

  static async open(file: string): Promise<SqliteTranscriptStore> {
    return new SqliteTranscriptStore(await SqliteFile.open(file, SCHEMA));
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
  };
}
