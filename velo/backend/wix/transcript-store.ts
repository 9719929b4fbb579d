/**
 * The transcript mirror (architecture.md §8.3) in an Admin-only CMS collection, through
 * @wix/data with elevation (members have no access to the collection themselves). `_id` is the
 * turn's hash, so a taken `_id` (WDE0074) is the insert lock a retry loses. Times a person
 * reads in the dashboard (askedAt, answeredAt) are CMS dates; `rev` stays a number, since the
 * sync compares it, and `seq` is text that sorts like the thread.
 */
import { auth } from '@wix/essentials';
import { items } from '@wix/data';
import { z } from 'zod';
import { ERROR_CODES, REACTIONS, TURN_KINDS, TURN_STATUSES } from '../../../contract/index.js';
import { readScanCursor, scanPage } from '../metrics/scan-cursor.js';
import { Failure } from '../runtime/failure.js';
import type { QuestionStamp, TranscriptStore, TurnRow } from '../ports.js';
import { cmsCall, insertOnce, MissingCollection } from './cms-call.js';
import { requireWixContext } from './sdk-errors.js';

/** bulkRemove takes at most 1000 IDs; forgetting stops after this many rounds (50,000 rows). */
const REMOVE_BATCH = 1000;
const REMOVE_ROUNDS = 50;

const epochMs = z.union([z.date(), z.string(), z.number()]).transform((value) => new Date(value).getTime());
// The CMS may leave out a field whose value was null; read a missing one as null.
const orNull = <T extends z.ZodTypeAny>(schema: T) => schema.nullish().transform((value) => value ?? null);

const CmsTurnSchema = z.object({
  _id: z.string().min(1),
  memberId: z.string().min(1),
  threadId: z.string().min(1),
  clientMessageId: z.string().min(1),
  kind: z.enum([...TURN_KINDS, 'claim']),
  status: z.enum(TURN_STATUSES),
  question: orNull(z.string()),
  answer: orNull(z.string()),
  sources: z.array(z.string()).nullish().transform((value) => value ?? []),
  reaction: orNull(z.enum(REACTIONS)),
  askedAt: epochMs,
  answeredAt: orNull(epochMs),
  rev: z.number(),
  seq: z.string().nullish().transform((value) => value ?? ''),
  upstreamMessageId: orNull(z.string()),
  upstreamLatencyMs: orNull(z.number()),
  errorCode: orNull(z.enum(ERROR_CODES)),
  uncertain: z.boolean().nullish().transform((value) => value ?? false),
  attempt: z.number().int(),
  // The classification flags (architecture.md §10): absent on rows written before them, and
  // read back absent, so the metrics count such a row as not flagged.
  lowConfidence: z.array(z.string()).nullish().transform((value) => value ?? undefined),
  repeat: z.boolean().nullish().transform((value) => value ?? undefined),
  handoff: z.object({ reason: z.enum(['low-confidence', 'requested']), targets: z.array(z.string()) }).nullable().optional(),
  tokens: z.object({ prompt: z.number(), completion: z.number() }).nullable().optional(),
});

export function wixTranscriptStore(collection: string): TranscriptStore {
  const toCms = (row: TurnRow) => ({
    ...row,
    askedAt: new Date(row.askedAt),
    answeredAt: row.answeredAt === null ? null : new Date(row.answeredAt),
    // The token budget's sum (sumTokensSince) needs a plain number: Wix aggregates top-level fields.
    ...(row.tokens ? { tokensUsed: row.tokens.prompt + row.tokens.completion } : {}),
  });
  // Outside a Wix context the SDK hands back a function instead of a query builder.
  const query = () => requireWixContext(auth.elevate(items.query)(collection));
  /** The member's turns of one thread, without claim rows. */
  const turnsOf = (memberId: string, threadId: string) =>
    query().eq('memberId', memberId).eq('threadId', threadId).ne('kind', 'claim');

  return {
    async get(id, options) {
      const item = await cmsCall('cms-read', () =>
        auth.elevate(items.get)(collection, id, { consistentRead: options?.consistent ?? false }),
      );
      return item === null || item === undefined ? null : toRow(item);
    },

    async insert(row) {
      return insertOnce('cms-write', () => auth.elevate(items.insert)(collection, toCms(row)));
    },

    async update(row) {
      // Wix's update of a removed item fails (WDE0073), so a send that ends after the member
      // forgot their chat cannot bring the turn back.
      await cmsCall('cms-write', () => auth.elevate(items.update)(collection, toCms(row)));
    },

    async page(memberId, threadId, { beforeSeq, limit }) {
      const turns = turnsOf(memberId, threadId);
      const below = beforeSeq === undefined ? turns : turns.lt('seq', beforeSeq);
      const result = await cmsCall('cms-query', () => below.descending('seq').limit(limit).find());
      return result.items.map(toRow);
    },

    async changedSince(memberId, threadId, sinceRev, limit) {
      // Consistent: this read follows a notice that another container just wrote a row.
      const changed = turnsOf(memberId, threadId).ge('rev', sinceRev).ascending('rev').limit(limit);
      const result = await cmsCall('cms-query', () => changed.find({ consistentRead: true }));
      return result.items.map(toRow);
    },

    async removeMember(memberId) {
      let removed = 0;
      for (let round = 0; round < REMOVE_ROUNDS; round++) {
        const ofMember = query().eq('memberId', memberId).limit(REMOVE_BATCH);
        let found;
        try {
          found = await cmsCall('cms-query', () => ofMember.find({ consistentRead: true }));
        } catch (error) {
          // No such collection (widget mode may skip it): no rows to delete. Any other refusal stays.
          if (error instanceof MissingCollection) return removed;
          throw error;
        }
        const ids = found.items.map((item) => String(item._id));
        if (ids.length === 0) break;
        const result = await cmsCall('cms-remove', () => auth.elevate(items.bulkRemove)(collection, ids));
        removed += result.removed;
        if (ids.length < REMOVE_BATCH) break;
      }
      return removed;
    },

    async scan(fromMs, toMs, { after, limit }) {
      // Keyset paging: each page asks for the rows after the last one's (askedAt, _id), so no
      // page skips over an offset however long the range. Eventual reads: figures for a past range.
      let range = query().ge('askedAt', new Date(fromMs)).lt('askedAt', new Date(toMs)).ne('kind', 'claim');
      if (after !== undefined) {
        const key = readScanCursor(after);
        const at = new Date(key.askedAt);
        range = range.and(query().gt('askedAt', at).or(query().eq('askedAt', at).gt('_id', key.id)));
      }
      const page = range.ascending('askedAt', '_id').limit(limit);
      const result = await cmsCall('cms-query', () => page.find());
      return scanPage(result.items.map(toRow), limit);
    },

    async recentQuestions(memberId, memberSinceMs, siteSinceMs, limit, options) {
      // One consistent query for every count of the rate limits (guardrails/rate-limits.ts): the
      // member's questions of the last day, or anybody's of the last minute, just the fields a
      // count needs. Consistent, since the question a moment ago may come from another container.
      // With `details` the same query also brings what the handoff's repeat and streak checks
      // read (architecture.md §10), kept only on the member's own stamps.
      const mine = query().eq('memberId', memberId).ge('askedAt', new Date(memberSinceMs)).hasSome('kind', QUESTION_KINDS);
      const anybodys = query().ge('askedAt', new Date(siteSinceMs)).hasSome('kind', QUESTION_KINDS);
      const fields = ['_id', 'memberId', 'kind', 'askedAt', ...(options?.details ? DETAIL_FIELDS : [])];
      const recent = mine.or(anybodys).fields(...fields).descending('askedAt').limit(limit);
      const result = await cmsCall('cms-query', () => recent.find({ consistentRead: true }));
      return result.items.map((item) => toStamp(item, options?.details ? memberId : undefined));
    },

    async countAiTurnsSince(sinceMs) {
      // Eventual: the budget reuses this count for a while anyway (budgetCacheMs).
      const since = query().ge('askedAt', new Date(sinceMs)).eq('kind', 'ai');
      return cmsCall('cms-count', () => since.count());
    },

    async sumTokensSince(sinceMs) {
      // Wix sums a plain number field: the flat `tokensUsed` each row with tokens carries (toCms).
      const sum = requireWixContext(auth.elevate(items.aggregate)(collection))
        .filter(items.filter().ge('askedAt', new Date(sinceMs)))
        .sum('tokensUsed', 'tokens');
      const result = await cmsCall('cms-sum', () => sum.run());
      const total = Number((result.items[0] as { tokens?: unknown } | undefined)?.tokens ?? 0);
      return Number.isFinite(total) ? total : 0;
    },
  };
}

/** The kinds of turn that hold a member's question (agent and system turns do not). */
const QUESTION_KINDS = ['ai', 'fallback'];

const CmsStampSchema = z.object({
  _id: z.string().min(1),
  memberId: z.string().min(1),
  kind: z.enum(['ai', 'fallback']),
  askedAt: epochMs,
});

function toStamp(item: unknown, detailsOf?: string): QuestionStamp {
  const stamp = CmsStampSchema.safeParse(item);
  if (!stamp.success) throw new Failure('INTERNAL', 'cms-bad-turn');
  if (detailsOf === undefined || stamp.data.memberId !== detailsOf) return stamp.data;
  const details = CmsStampDetailsSchema.safeParse(item);
  // A row whose details cannot be read still counts for the limits; it just has none.
  return details.success ? { ...stamp.data, details: details.data } : stamp.data;
}

/** The fields the handoff reads of the member's own recent questions. */
const DETAIL_FIELDS = ['threadId', 'status', 'question', 'lowConfidence'];

const CmsStampDetailsSchema = z.object({
  threadId: z.string().min(1),
  status: z.enum(TURN_STATUSES),
  question: orNull(z.string()),
  lowConfidence: z.array(z.string()).nullish().transform((value) => value ?? undefined),
}).transform(({ lowConfidence, ...rest }) => (lowConfidence === undefined ? rest : { ...rest, lowConfidence }));

function toRow(item: unknown): TurnRow {
  const row = CmsTurnSchema.safeParse(item);
  // A row someone edited by hand into nonsense must not crash every call of that member.
  if (!row.success) throw new Failure('INTERNAL', 'cms-bad-turn');
  return row.data;
}
