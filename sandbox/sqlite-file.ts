/**
 * One SQLite database in a file under the sandbox folder, through sql.js (SQLite compiled to
 * WebAssembly: no native build, runs on Node 20). sql.js keeps the database in memory; `save`
 * writes it to the file (write, then rename) and every store calls it before it acknowledges a
 * write, so the rows survive a restart or a crash.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import initSqlJs, { type Database, type SqlValue } from 'sql.js';

export class SqliteFile {
  private constructor(
    readonly db: Database,
    readonly file: string,
  ) {}

  /** Opens the file (creating it and its folder on first use) and runs `schema`. */
  static async open(file: string, schema: string): Promise<SqliteFile> {
    const wasm = createRequire(import.meta.url).resolve('sql.js/dist/sql-wasm.wasm');
    const SQL = await initSqlJs({ locateFile: () => wasm });
    mkdirSync(dirname(file), { recursive: true });
    const db = existsSync(file) ? new SQL.Database(readFileSync(file)) : new SQL.Database();
    db.exec(schema);
    const opened = new SqliteFile(db, file);
    opened.save();
    return opened;
  }

  /** Every row a statement selects, as plain objects keyed by column. */
  select(sql: string, params: SqlValue[]): Array<Record<string, SqlValue>> {
    const statement = this.db.prepare(sql);
    const rows: Array<Record<string, SqlValue>> = [];
    try {
      statement.bind(params);
      while (statement.step()) rows.push(statement.getAsObject());
    } finally {
      statement.free();
    }
    return rows;
  }

  save(): void {
    const temp = `${this.file}.tmp`;
    writeFileSync(temp, this.db.export());
    renameSync(temp, this.file);
  }

  close(): void {
    this.save();
    this.db.close();
  }
}
