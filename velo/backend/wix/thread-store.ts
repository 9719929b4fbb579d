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
import { cmsCall, insertOnce } from './cms-call.js';
import { requireWixContext } from './sdk-errors.js';

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
      return insertOnce('cms-write', () => auth.elevate(items.insert)(collection, toCms(row)));
    },

    async update(row) {
      await cmsCall('cms-write', () => auth.elevate(items.update)(collection, toCms(row)));
    },

    async touch(memberId, lastSeenAt) {
      await cmsCall('cms-touch', () =>
        auth.elevate(items.patch)(collection, memberId).setField('lastSeenAt', new Date(lastSeenAt)).run(),
      );
    },

    async patchHandoff(memberId, fields) {
      // Only these fields, so a concurrent new conversation (a whole-row update) is never undone.
      const entries = Object.entries(fields).filter(([, value]) => value !== undefined);
      if (entries.length === 0) return;
      await cmsCall('cms-write', () => {
        let patch = auth.elevate(items.patch)(collection, memberId);
        // null is stored as null: the CMS reads it back as "no value", like a cleared field.
        for (const [key, value] of entries) patch = patch.setField(key, value);
        return patch.run();
      });
    },

    async findByInboxConversation(conversationId) {
      const query = requireWixContext(auth.elevate(items.query)(collection)).eq('inboxConversationId', conversationId).limit(1);
      const result = await cmsCall('cms-query', () => query.find({ consistentRead: true }));
      const item = result.items[0];
      if (item === undefined) return null;
      const row = CmsRowSchema.safeParse(item);
      if (!row.success) throw new Failure('INTERNAL', 'cms-bad-row');
      return row.data;
    },
  };
}
