/**
 * The sandbox's thread store: one SQLite table in a file under the sandbox folder
 * (sqlite-file.ts). The member is the primary key, so the database itself refuses a second row
 * for a member, as Wix's `_id` does. Every write is saved to the file before it is acknowledged.
 */
import type { SqlValue } from 'sql.js';
import { HandoffFieldsSchema, type HandoffFields, type ThreadRow, type ThreadStore } from '../velo/backend/ports.js';
import { SqliteFile } from './sqlite-file.js';

const SCHEMA = `CREATE TABLE IF NOT EXISTS member_threads (
  member_id    TEXT PRIMARY KEY NOT NULL,
  thread_id    TEXT,
  chatbot_id   TEXT NOT NULL,
  generation   INTEGER NOT NULL,
  created_at   TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  handoff      TEXT
) WITHOUT ROWID`;

export class SqliteThreadStore implements ThreadStore {
  private constructor(private readonly sqlite: SqliteFile) {}

  /** Opens the database file, creating it (and its folder) on first use. */
  static async open(file: string): Promise<SqliteThreadStore> {
    const sqlite = await SqliteFile.open(file, SCHEMA);
    // A file written before the handoff had no column for its fields (one JSON column here).
    if (!sqlite.select('PRAGMA table_info(member_threads)', []).some((column) => column.name === 'handoff')) {
      sqlite.db.run('ALTER TABLE member_threads ADD COLUMN handoff TEXT');
      sqlite.save();
    }
    return new SqliteThreadStore(sqlite);
  }

  get file(): string {
    return this.sqlite.file;
  }

  async get(memberId: string): Promise<ThreadRow | null> {
    return this.select('WHERE member_id = ?', [memberId])[0] ?? null;
  }

  async insert(row: ThreadRow): Promise<'inserted' | 'duplicate'> {
    try {
      this.sqlite.db.run('INSERT INTO member_threads VALUES (?, ?, ?, ?, ?, ?, ?)', values(row));
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
      // The whole row, handoff fields too, as Wix's update replaces the item.
      'UPDATE member_threads SET thread_id = ?, chatbot_id = ?, generation = ?, created_at = ?, last_seen_at = ?, handoff = ? WHERE member_id = ?',
      [...rest, memberId],
    );
    this.sqlite.save();
  }

  async touch(memberId: string, lastSeenAt: string): Promise<void> {
    this.sqlite.db.run('UPDATE member_threads SET last_seen_at = ? WHERE member_id = ?', [lastSeenAt, memberId]);
    this.sqlite.save();
  }

  async patchHandoff(memberId: string, fields: HandoffFields): Promise<void> {
    const row = await this.get(memberId);
    if (!row) throw new Error(`no thread row for ${memberId}`);
    this.sqlite.db.run('UPDATE member_threads SET handoff = ? WHERE member_id = ?', [handoffOf({ ...row, ...fields }), memberId]);
    this.sqlite.save();
  }

  async findByInboxConversation(conversationId: string): Promise<ThreadRow | null> {
    return this.select("WHERE json_extract(handoff, '$.inboxConversationId') = ?", [conversationId])[0] ?? null;
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
      ...(r.handoff === null || r.handoff === undefined ? {} : (JSON.parse(String(r.handoff)) as HandoffFields)),
    }));
  }

  close(): void {
    this.sqlite.close();
  }
}

function values(row: ThreadRow): [string, string | null, string, number, string, string, string | null] {
  return [row.memberId, row.threadId, row.chatbotId, row.generation, row.createdAt, row.lastSeenAt, handoffOf(row)];
}

const HANDOFF_KEYS = Object.keys(HandoffFieldsSchema.shape) as (keyof HandoffFields)[];

/** The row's handoff fields as one JSON value, only those it has; null when it has none. */
function handoffOf(row: ThreadRow): string | null {
  const fields = Object.fromEntries(HANDOFF_KEYS.filter((key) => row[key] !== undefined).map((key) => [key, row[key]]));
  return Object.keys(fields).length === 0 ? null : JSON.stringify(fields);
}
