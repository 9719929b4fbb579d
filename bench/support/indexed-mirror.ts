/**
 * The mirror as a database with an index on (askedAt, _id) serves `scan`: a binary search to the
 * first row, then one page. The test doubles (the memory store, the msw fake CMS) filter and sort
 * every row for every page, right for tests and far too slow to time 100,000 turns with; these
 * two stand in for them in the metrics benchmark only.
 */
import { http, HttpResponse, type HttpHandler } from 'msw';
import { compareScan, isAfter, readScanCursor, scanPage } from '../../velo/backend/metrics/scan-cursor.js';
import type { ScanPage, TurnRow } from '../../velo/backend/ports.js';
import { matches, type QueryRequest } from '../../test/velo/support/wix-query.js';

/** The index of the first row at or after `askedAt` in rows sorted by scan order. */
function lowerBound(rows: ReadonlyArray<{ askedAt: number }>, askedAt: number): number {
  let low = 0;
  let high = rows.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (rows[mid]!.askedAt < askedAt) low = mid + 1;
    else high = mid;
  }
  return low;
}

export class IndexedMirror {
  readonly #rows: TurnRow[];

  constructor(rows: readonly TurnRow[]) {
    this.#rows = rows.filter((row) => row.kind !== 'claim').sort(compareScan);
  }

  async scan(fromMs: number, toMs: number, options: { after?: string; limit: number }): Promise<ScanPage> {
    const key = options.after === undefined ? undefined : readScanCursor(options.after);
    const page: TurnRow[] = [];
    for (let i = lowerBound(this.#rows, Math.max(fromMs, key?.askedAt ?? 0)); i < this.#rows.length && page.length < options.limit; i++) {
      const row = this.#rows[i]!;
      if (row.askedAt >= toMs) break;
      if (isAfter(row, key)) page.push(row);
    }
    return scanPage(page, options.limit);
  }
}

/** Wix Data's query route over items stored as the SDK sends them, sorted by (askedAt, _id), with the same index. */
export function indexedQueryHandler(items: ReadonlyArray<Record<string, unknown>>): HttpHandler {
  const at = (item: Record<string, unknown>) => Date.parse(String((item.askedAt as { $date: string }).$date));
  const sorted = items.map((item) => ({ item, askedAt: at(item) })).sort((a, b) => a.askedAt - b.askedAt || (String(a.item._id) < String(b.item._id) ? -1 : 1));
  return http.get('*/wix-data/v2/items/query', ({ request }) => {
    const body = JSON.parse(Buffer.from(new URL(request.url).searchParams.get('.r') ?? '', 'base64').toString('utf8')) as QueryRequest;
    const filter = body.query.filter ?? {};
    // Every askedAt bound the keyset query names; the highest lower one is where its rows start.
    const lower = Math.max(0, ...[...JSON.stringify(filter).matchAll(/"askedAt":\{(?:"\$gte?":)?\{"\$date":"([^"]+)"\}/g)].map((m) => Date.parse(m[1]!)));
    const upper = Math.min(...[...JSON.stringify(filter).matchAll(/"askedAt":\{"\$lt":\{"\$date":"([^"]+)"\}/g)].map((m) => Date.parse(m[1]!)));
    const limit = body.query.paging?.limit ?? 50;
    const page: Array<Record<string, unknown>> = [];
    for (let i = lowerBound(sorted, lower); i < sorted.length && page.length < limit && sorted[i]!.askedAt < upper; i++) {
      if (matches(sorted[i]!.item, filter)) page.push(sorted[i]!.item);
    }
    return HttpResponse.json({
      dataItems: page.map((data) => ({ id: data._id, dataCollectionId: body.dataCollectionId, data })),
      pagingMetadata: { count: page.length, offset: 0, hasNext: page.length === limit },
    });
  });
}
