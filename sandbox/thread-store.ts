/**
 * The sandbox's thread store: one SQLite table in a file under the sandbox folder
 * (sqlite-file.ts). The member is the primary key, so the database itself refuses a second row
 * for a member, as Wix's `_id` does. Every write is saved to the file before it is acknowledged.
 */
import type { SqlValue } from 'sql.js';
import type { ThreadRow, ThreadStore } from '../velo/backend/ports.js';
import { SqliteFile } from './sqlite-file.js';

const SCHEMA = `CREATE TABLE IF NOT EXISTS member_threads (
  member_id    TEXT PRIMARY KEY NOT NULL,
  thread_id    TEXT,
  chatbot_id   TEXT NOT NULL,
  generation   INTEGER NOT NULL,
  created_at   TEXT NOT NULL,
  last_seen_at TEXT NOT NULL
) WITHOUT ROWID`;

export class SqliteThreadStore implements ThreadStore {
  private constructor(private readonly sqlite: SqliteFile) {}

  /** Opens the database file, creating it (and its folder) on first use. */
  static async open(file: string): Promise<SqliteThreadStore> {
    return new SqliteThreadStore(await SqliteFile.open(file, SCHEMA));
  }

  get file(): string {
    return this.sqlite.file;
  }

  async get(memberId: string): Promise<ThreadRow | null> {
    return this.select('WHERE member_id = ?', [memberId])[0] ?? null;
  }

  async insert(row: ThreadRow): Promise<'inserted' | 'duplicate'> {
    try {
      this.sqlite.db.run('INSERT INTO member_threads VALUES (?, ?, ?, ?, ?, ?)', values(row));
    } catch (error) {
      if (/UNIQUE constraint failed/.test(String(error))) return 'duplicate';
      throw error;
    }
    this.sqlite.save();
    return 'inserted';
  }

  async update(row: ThreadRow): Promise<void> {
    const [memberId, ...rest] = values(row);
    this.sqlite.db.run(
      'UPDATE member_threads SET thread_id = ?, chatbot_id = ?, generation = ?, created_at = ?, last_seen_at = ? WHERE member_id = ?',
      [...rest, memberId],
    );
    this.sqlite.save();
  }

  async touch(memberId: string, lastSeenAt: string): Promise<void> {
    this.sqlite.db.run('UPDATE member_threads SET last_seen_at = ? WHERE member_id = ?', [lastSeenAt, memberId]);
    this.sqlite.save();
  }

  /** Every row, by member (the sandbox's state endpoint and the tests). */
  all(): ThreadRow[] {
    return this.select('ORDER BY member_id', []);
  }

  private select(where: string, params: SqlValue[]): ThreadRow[] {
    return this.sqlite.select(`SELECT * FROM member_threads ${where}`, params).map((r) => ({
      memberId: String(r.member_id),
      threadId: r.thread_id === null ? null : String(r.thread_id),
      chatbotId: String(r.chatbot_id),
      generation: Number(r.generation),
      createdAt: String(r.created_at),
      lastSeenAt: String(r.last_seen_at),
    }));
  }

  close(): void {
    this.sqlite.close();
  }
}

function values(row: ThreadRow): [string, string | null, string, number, string, string] {
  return [row.memberId, row.threadId, row.chatbotId, row.generation, row.createdAt, row.lastSeenAt];
}
