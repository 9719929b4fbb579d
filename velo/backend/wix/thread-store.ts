/**
 * The member → thread rows in an Admin-only CMS collection, through @wix/data with elevation
 * (members have no access to the collection themselves). `_id = memberId`, so Wix itself
 * refuses a second row for a member: the loser of a race gets WDE0074 and re-reads.
 */
import { auth } from '@wix/essentials';
import { items } from '@wix/data';
import { z } from 'zod';
import { Failure } from '../runtime/failure.js';
import { ThreadRowSchema, type ThreadRow, type ThreadStore } from '../ports.js';
import { httpStatus, requireWixContext, wixErrorCode } from './sdk-errors.js';

// Dates are stored as CMS dates (readable in the dashboard) and come back as Date objects.
const isoDate = z.union([z.date(), z.string()]).transform((value) => new Date(value).toISOString());
const CmsRowSchema = ThreadRowSchema.extend({
  threadId: z.string().min(1).nullish().transform((value) => value ?? null),
  createdAt: isoDate,
  lastSeenAt: isoDate,
});

export function wixThreadStore(collection: string): ThreadStore {
  const toCms = (row: ThreadRow) => ({
    _id: row.memberId,
    ...row,
    createdAt: new Date(row.createdAt),
    lastSeenAt: new Date(row.lastSeenAt),
  });

  return {
    async get(memberId, options) {
      const item = await cmsCall('cms-read', () =>
        auth.elevate(items.get)(collection, memberId, { consistentRead: options?.consistent ?? false }),
      );
      if (item === null || item === undefined) return null;
      const row = CmsRowSchema.safeParse(item);
      // A row someone edited by hand into nonsense must not crash every call of that member.
      if (!row.success) throw new Failure('INTERNAL', 'cms-bad-row');
      return row.data;
    },

    async insert(row) {
      try {
        await cmsCall('cms-write', () => auth.elevate(items.insert)(collection, toCms(row)));
        return 'inserted';
      } catch (error) {
        if (error instanceof Duplicate) return 'duplicate';
        throw error;
      }
    },

    async update(row) {
      await cmsCall('cms-write', () => auth.elevate(items.update)(collection, toCms(row)));
    },

    async touch(memberId, lastSeenAt) {
      await cmsCall('cms-touch', () =>
        auth.elevate(items.patch)(collection, memberId).setField('lastSeenAt', new Date(lastSeenAt)).run(),
      );
    },
  };
}

class Duplicate extends Error {}

/** Runs one SDK call and turns Wix's error codes into Failures the core understands. */
async function cmsCall<T>(label: string, work: () => Promise<T>): Promise<Exclude<T, (...args: never[]) => unknown>> {
  let result: T;
  try {
    result = await work();
  } catch (error) {
    const code = wixErrorCode(error);
    const status = httpStatus(error);
    if (code === 'WDE0074' || code === 'WDE0123' || status === 409) throw new Duplicate();
    if (code === 'WDE0028' || status === 504) throw new Failure('UPSTREAM_UNAVAILABLE', `${label}-timeout`);
    // No permission, or no such collection: the site has not been set up as the README says.
    if (code === 'WDE0027' || code === 'WDE0025' || status === 403) {
      throw new Failure('MISCONFIGURED', `${label}-setup`);
    }
    if (status !== undefined && status >= 500) throw new Failure('UPSTREAM_UNAVAILABLE', `${label}-unavailable`);
    throw new Failure('INTERNAL', `${label}-refused`);
  }
  return requireWixContext(result);
}
