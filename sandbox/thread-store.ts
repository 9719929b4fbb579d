/**
 * The sandbox's thread store: one SQLite table in a file under the sandbox folder, through
 * sql.js (SQLite compiled to WebAssembly: no native build, runs on Node 20). The member is the
 * primary key, so the database itself refuses a second row for a member, as Wix's `_id` does.
 * sql.js keeps the database in memory; every write is saved to the file (write, then rename)
 * before it is acknowledged, so the rows survive a restart or a crash.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import initSqlJs, { type Database } from 'sql.js';
import type { ThreadRow, ThreadStore } from '../velo/backend/ports.js';

const SCHEMA = `CREATE TABLE IF NOT EXISTS member_threads (
  member_id    TEXT PRIMARY KEY NOT NULL,
  thread_id    TEXT,
  chatbot_id   TEXT NOT NULL,
  generation   INTEGER NOT NULL,
  created_at   TEXT NOT NULL,
  last_seen_at TEXT NOT NULL
) WITHOUT ROWID`;

export class SqliteThreadStore implements ThreadStore {
  private constructor(
    private readonly db: Database,
    readonly file: string,
  ) {}

  /** Opens the database file, creating it (and its folder) on first use. */
  static async open(file: string): Promise<SqliteThreadStore> {
    const wasm = createRequire(import.meta.url).resolve('sql.js/dist/sql-wasm.wasm');
    const SQL = await initSqlJs({ locateFile: () => wasm });
    mkdirSync(dirname(file), { recursive: true });
    const db = existsSync(file) ? new SQL.Database(readFileSync(file)) : new SQL.Database();
    db.run(SCHEMA);
    const store = new SqliteThreadStore(db, file);
    store.save();
    return store;
  }

  async get(memberId: string): Promise<ThreadRow | null> {
    return this.select('WHERE member_id = ?', [memberId])[0] ?? null;
  }

  async insert(row: ThreadRow): Promise<'inserted' | 'duplicate'> {
    try {
      this.db.run('INSERT INTO member_threads VALUES (?, ?, ?, ?, ?, ?)', values(row));
    } catch (error) {
      if (/UNIQUE constraint failed/.test(String(error))) return 'duplicate';
      throw error;
    }
    this.save();
    return 'inserted';
  }

  async update(row: ThreadRow): Promise<void> {
    const [memberId, ...rest] = values(row);
    this.db.run(
      'UPDATE member_threads SET thread_id = ?, chatbot_id = ?, generation = ?, created_at = ?, last_seen_at = ? WHERE member_id = ?',
      [...rest, memberId],
    );
    this.save();
  }

  async touch(memberId: string, lastSeenAt: string): Promise<void> {
    this.db.run('UPDATE member_threads SET last_seen_at = ? WHERE member_id = ?', [lastSeenAt, memberId]);
    this.save();
  }

  /** Every row, by member (the sandbox's state endpoint and the tests). */
  all(): ThreadRow[] {
    return this.select('ORDER BY member_id', []);
  }

  private select(where: string, params: string[]): ThreadRow[] {
    const statement = this.db.prepare(`SELECT * FROM member_threads ${where}`);
    const rows: ThreadRow[] = [];
    try {
      statement.bind(params);
      while (statement.step()) {
        const r = statement.getAsObject();
        rows.push({
          memberId: String(r.member_id),
          threadId: r.thread_id === null ? null : String(r.thread_id),
          chatbotId: String(r.chatbot_id),
          generation: Number(r.generation),
          createdAt: String(r.created_at),
          lastSeenAt: String(r.last_seen_at),
        });
      }
    } finally {
      statement.free();
    }
    return rows;
  }

  close(): void {
    this.save();
    this.db.close();
  }

  private save(): void {
    const temp = `${this.file}.tmp`;
    writeFileSync(temp, this.db.export());
    renameSync(temp, this.file);
  }
}

function values(row: ThreadRow): [string, string | null, string, number, string, string] {
  return [row.memberId, row.threadId, row.chatbotId, row.generation, row.createdAt, row.lastSeenAt];
}
