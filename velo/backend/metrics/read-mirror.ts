/**
 * Reads every turn of a range from the mirror, page by page (TranscriptStore.scan): the range is
 * cut into `concurrency` slices of equal time, read side by side, each paged with its cursor, and
 * each page handed on before the next is asked for, so memory holds a page per slice, not the
 * range. Time grows with the turns in the range: about ⌈turns / (pageSize · concurrency)⌉ query
 * round trips, each capped like every Wix call, all inside one deadline.
 */
import type { TranscriptStore, TurnRow } from '../chat/ports.js';
import type { Deadline } from '../runtime/deadline.js';

export interface MirrorRead {
  pages: number;
  rows: number;
}

export interface ReadOptions {
  pageSize: number;
  concurrency: number;
  /** One scan page, through the deadline-capped port call of the caller. */
  call<T>(work: () => Promise<T>): Promise<T>;
  deadline: Deadline;
}

export async function readMirror(
  store: Pick<TranscriptStore, 'scan'>,
  range: { from: number; to: number },
  options: ReadOptions,
  onRows: (rows: readonly TurnRow[]) => void,
): Promise<MirrorRead> {
  const read: MirrorRead = { pages: 0, rows: 0 };
  const span = range.to - range.from;
  const slices = Math.max(1, Math.min(options.concurrency, span));
  const bounds = Array.from({ length: slices + 1 }, (_, i) => range.from + Math.floor((span * i) / slices));
  // Once one slice failed the answer is lost: the others stop asking rather than read on for nothing.
  let failed = false;
  const readSlice = async (start: number, end: number): Promise<void> => {
    let after: string | undefined;
    do {
      const page = await options.call(() => store.scan(start, end, { limit: options.pageSize, ...(after === undefined ? {} : { after }) }));
      if (failed) return;
      read.pages++;
      read.rows += page.rows.length;
      onRows(page.rows);
      after = page.next ?? undefined;
    } while (after !== undefined && !failed && options.deadline.remainingMs() > 0);
    if (after !== undefined && !failed) throw new RangeTooLarge();
  };
  await Promise.all(
    bounds.slice(1).map((end, i) =>
      readSlice(bounds[i]!, end).catch((error: unknown) => {
        failed = true;
        throw error;
      }),
    ),
  );
  return read;
}

/** The deadline ran out with pages still unread: the figures would be wrong, so there are none. */
export class RangeTooLarge extends Error {}
