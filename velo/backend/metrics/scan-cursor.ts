/**
 * The cursor of `TranscriptStore.scan` (chat/ports.ts): the `askedAt` and `_id` of the last row
 * a page held. Each page is a fresh query for the rows after that key (keyset paging), so a
 * store never skips over an offset, whatever the size of the range, and rows asked at the same
 * millisecond are neither lost nor read twice at a page boundary.
 */
import type { ScanPage, TurnRow } from '../chat/ports.js';

export interface ScanKey {
  askedAt: number;
  id: string;
}

export function scanCursor(row: Pick<TurnRow, 'askedAt' | '_id'>): string {
  return `${row.askedAt}:${row._id}`;
}

/** The key a cursor names; a cursor no store wrote is a bug, not input. */
export function readScanCursor(cursor: string): ScanKey {
  const match = /^(\d{1,16}):(.+)$/s.exec(cursor);
  if (!match) throw new Error('not a scan cursor');
  return { askedAt: Number(match[1]), id: match[2]! };
}

/** Whether a row comes after the key in scan order (askedAt, then _id). */
export function isAfter(row: Pick<TurnRow, 'askedAt' | '_id'>, key: ScanKey | undefined): boolean {
  return key === undefined || row.askedAt > key.askedAt || (row.askedAt === key.askedAt && row._id > key.id);
}

/** Scan order: askedAt, then _id (compared as text, as every store sorts it). */
export function compareScan(a: Pick<TurnRow, 'askedAt' | '_id'>, b: Pick<TurnRow, 'askedAt' | '_id'>): number {
  return a.askedAt - b.askedAt || (a._id < b._id ? -1 : a._id > b._id ? 1 : 0);
}

/** A page as every store answers it: a full page names the next one, a short page ends the scan. */
export function scanPage(rows: TurnRow[], limit: number): ScanPage {
  return { rows, next: rows.length < limit || rows.length === 0 ? null : scanCursor(rows.at(-1)!) };
}
