/**
 * A fake Wix site behind msw: the REST routes the real @wix/* SDK calls in plain Node
 * for the session's member, the Secrets Manager and CMS items, with Wix's error envelopes.
 * `useWixSdk()` gives the SDK a context, so the real packages run and send real requests here.
 */
import { ApiKeyStrategy, createClient } from '@wix/sdk';
import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import { bySort, matches, type QueryRequest } from './wix-query.js';

type Data = Record<string, unknown>;
export type CmsFault =
  | { on: 'read' | 'write'; kind: 'wix-error'; status: number; code: string }
  | { on: 'read' | 'write'; kind: 'hang'; ms: number };

export interface WixRequest {
  method: string;
  path: string;
  search: URLSearchParams;
  body: unknown;
}

export class WixFake {
  session: { member: { id: string; loginEmail?: string } | null } = { member: null };
  readonly secrets = new Map<string, string>();
  /** collection → item ID → item data as the SDK sent it (dates as {$date}). */
  readonly cms = new Map<string, Map<string, Data>>();
  readonly requests: WixRequest[] = [];
  /** Consumed one per matching CMS request. */
  readonly cmsFaults: CmsFault[] = [];
  /** Every realtime message published, as Wix received it. */
  readonly published: Published[] = [];
  /** Each entry answers one upcoming publish with that HTTP status instead. */
  readonly realtimeFaults: number[] = [];
  /** Collections the site does not have: every CMS request naming one answers WDE0025, as Wix does. */
  readonly missingCollections = new Set<string>();
  /** collection ID → its structure and permissions, as the Data Collections API answers them (the setup check). */
  readonly collectionDefs = new Map<string, CollectionDef>();
  /** Each entry answers one upcoming collection-structure request with that HTTP status instead. */
  readonly collectionFaults: number[] = [];

  rows(collection: string): Data[] {
    return [...(this.cms.get(collection)?.values() ?? [])];
  }

  count(pathPart: string, method?: string): number {
    return this.requests.filter((r) => r.path.includes(pathPart) && (!method || r.method === method)).length;
  }

  reset(): void {
    this.session.member = null;
    this.secrets.clear();
    this.cms.clear();
    this.requests.length = 0;
    this.cmsFaults.length = 0;
    this.published.length = 0;
    this.realtimeFaults.length = 0;
    this.missingCollections.clear();
    this.collectionDefs.clear();
    this.collectionFaults.length = 0;
  }

  readonly handlers: HttpHandler[] = [
    http.get('*/members/v1/members/my', async ({ request }) => {
      this.#record(request, undefined);
      const member = this.session.member;
      if (!member) return wixError(401, 'UNAUTHENTICATED', 'Not a member');
      return HttpResponse.json({ member: { id: member.id, loginEmail: member.loginEmail, profile: { nickname: 'M' } } });
    }),
    http.get('*/secrets/name/:name', ({ request, params }) => {
      this.#record(request, undefined);
      const value = this.secrets.get(String(params.name));
      return value === undefined ? wixError(404, 'SECRET_NOT_FOUND', 'Secret not found') : HttpResponse.json({ value });
    }),
    // Before items/:id, which would otherwise take "query" for an item ID.
    http.get('*/wix-data/v2/items/query', async ({ request }) => {
      const search = this.#record(request, undefined);
      // This request's own record: concurrent queries (the metrics' slices) record theirs meanwhile.
      const recorded = this.requests.at(-1)!;
      const fault = await this.#fault('read');
      if (fault) return fault;
      const body = JSON.parse(Buffer.from(search.get('.r') ?? '', 'base64').toString('utf8')) as QueryRequest;
      recorded.body = body;
      if (this.missingCollections.has(body.dataCollectionId)) return missingCollection();
      const { filter = {}, sort = [], paging = {} } = body.query;
      const offset = paging.offset ?? 0;
      const limit = paging.limit ?? 50;
      const matching = [...this.#collection(body.dataCollectionId).values()].filter((item) => matches(item, filter)).sort(bySort(sort));
      const page = matching.slice(offset, offset + limit).map((data) => project(data, body.query.fields));
      return HttpResponse.json({
        dataItems: page.map((data) => ({ id: data._id, dataCollectionId: body.dataCollectionId, data })),
        pagingMetadata: { count: page.length, offset, hasNext: offset + limit < matching.length },
      });
    }),
    http.post('*/wix-data/v2/items/count', async ({ request }) => {
      const body = (await request.json()) as { dataCollectionId: string; filter?: Record<string, unknown>; consistentRead?: boolean };
      this.#record(request, body);
      const fault = await this.#fault('read');
      if (fault) return fault;
      if (this.missingCollections.has(body.dataCollectionId)) return missingCollection();
      const totalCount = [...this.#collection(body.dataCollectionId).values()].filter((item) => matches(item, body.filter ?? {})).length;
      return HttpResponse.json({ totalCount });
    }),
    // The aggregations the kit sends: one group of everything, `sum` operations (the token budget).
    http.post('*/wix-data/v2/items/aggregate', async ({ request }) => {
      const body = (await request.json()) as AggregateRequest;
      this.#record(request, body);
      const fault = await this.#fault('read');
      if (fault) return fault;
      if (this.missingCollections.has(body.dataCollectionId)) return missingCollection();
      if ((body.aggregation.groupingFields ?? []).length > 0) throw new Error('the fake CMS does not group');
      const matching = [...this.#collection(body.dataCollectionId).values()].filter((item) => matches(item, body.initialFilter ?? {}));
      const result: Data = {};
      for (const operation of body.aggregation.operations) {
        if (!operation.sum) throw new Error('the fake CMS only sums');
        const field = operation.sum.itemFieldName;
        result[operation.resultFieldName] = matching.reduce((total, item) => total + (typeof item[field] === 'number' ? (item[field] as number) : 0), 0);
      }
      return HttpResponse.json({ results: [result], pagingMetadata: { count: 1 } });
    }),
    http.post('*/wix-data/v2/bulk/items/remove', async ({ request }) => {
      const body = (await request.json()) as { dataCollectionId: string; dataItemIds: string[] };
      this.#record(request, body);
      const fault = await this.#fault('write');
      if (fault) return fault;
      const items = this.#collection(body.dataCollectionId);
      const results = body.dataItemIds.map((id, originalIndex) =>
        items.delete(id)
          ? { action: 'DELETE', itemMetadata: { id, originalIndex, success: true } }
          : { action: 'DELETE', itemMetadata: { id, originalIndex, success: false, error: { code: 'WDE0073', description: 'Item does not exist' } } },
      );
      return HttpResponse.json({ results, bulkActionMetadata: { totalSuccesses: results.filter((r) => r.itemMetadata.success).length } });
    }),
    http.post('*/realtime/v4/publish', async ({ request }) => {
      const body = (await request.json()) as { message: { eventName: string; payload: unknown }; channels: string[]; resourceId?: string };
      this.#record(request, body);
      const status = this.realtimeFaults.shift();
      if (status !== undefined) return wixError(status, 'REALTIME_FAULT', 'Injected realtime fault');
      this.published.push({ channels: body.channels, resourceId: body.resourceId, payload: body.message.payload });
      return HttpResponse.json({});
    }),
    http.get('*/wix-data/v2/items/:id', async ({ request, params }) => {
      const search = this.#record(request, undefined);
      const fault = await this.#fault('read');
      if (fault) return fault;
      if (this.missingCollections.has(search.get('dataCollectionId') ?? '')) return missingCollection();
      const data = this.#collection(search.get('dataCollectionId')).get(String(params.id));
      if (!data) return wixError(404, 'WDE0073', 'Item does not exist');
      return HttpResponse.json({ dataItem: { id: params.id, dataCollectionId: search.get('dataCollectionId'), data } });
    }),
    http.post('*/wix-data/v2/items', async ({ request }) => this.#write(request, 'insert')),
    http.post('*/wix-data/v2/items/update', async ({ request }) => this.#write(request, 'update')),
    http.post('*/wix-data/v2/items/patch', async ({ request }) => this.#write(request, 'patch')),
    // The Secrets Manager's list (listSecretInfo). Wix says each value in it is encrypted; the fake
    // sends the plain value, the worst case, so a test sees whether an adapter lets it through.
    http.get('*/api/v1/secrets', ({ request }) => {
      this.#record(request, undefined);
      return HttpResponse.json({ secrets: [...this.secrets].map(([name, value], i) => ({ id: `secret-${i}`, name, value })) });
    }),
    // The Data Collections API (getDataCollection): a collection's fields and permissions.
    http.get('*/wix-data/v2/collections/:id', ({ request, params }) => {
      this.#record(request, undefined);
      const status = this.collectionFaults.shift();
      if (status !== undefined) return wixError(status, 'COLLECTION_FAULT', 'Injected collection fault');
      const id = String(params.id);
      const def = this.missingCollections.has(id) ? undefined : this.collectionDefs.get(id);
      if (!def) return wixError(404, 'WDE0025', 'The collection does not exist');
      return HttpResponse.json({ collection: { id, collectionType: 'NATIVE', fields: def.fields, ...(def.permissions ? { permissions: def.permissions } : {}) } });
    }),
  ];

  async #write(request: Request, action: 'insert' | 'update' | 'patch'): Promise<Response> {
    const body = (await request.json()) as {
      dataCollectionId: string;
      dataItem?: { id: string; data: Data };
      patch?: { dataItemId: string; fieldModifications: { fieldPath: string; setFieldOptions: { value: unknown } }[] };
    };
    this.#record(request, body);
    const fault = await this.#fault('write');
    if (fault) return fault;
    if (this.missingCollections.has(body.dataCollectionId)) return missingCollection();
    const items = this.#collection(body.dataCollectionId);
    const id = body.dataItem?.id ?? body.patch!.dataItemId;
    const existing = items.get(id);
    if (action === 'insert' && existing) return wixError(409, 'WDE0074', 'An item with that _id already exists');
    if (action !== 'insert' && !existing) return wixError(404, 'WDE0073', 'Item does not exist');
    const data: Data =
      action === 'patch'
        ? { ...existing, ...Object.fromEntries(body.patch!.fieldModifications.map((m) => [m.fieldPath, m.setFieldOptions.value])) }
        : { ...body.dataItem!.data, _id: id };
    items.set(id, data);
    return HttpResponse.json({ dataItem: { id, dataCollectionId: body.dataCollectionId, data } });
  }

  async #fault(on: 'read' | 'write'): Promise<Response | undefined> {
    const index = this.cmsFaults.findIndex((f) => f.on === on);
    if (index < 0) return undefined;
    const [fault] = this.cmsFaults.splice(index, 1);
    if (fault!.kind === 'hang') {
      await delay(fault!.ms);
      return undefined;
    }
    return wixError(fault!.status, fault!.code, 'Injected CMS fault');
  }

  #collection(name: string | null): Map<string, Data> {
    const key = name ?? '';
    if (!this.cms.has(key)) this.cms.set(key, new Map());
    return this.cms.get(key)!;
  }

  #record(request: Request, body: unknown): URLSearchParams {
    const url = new URL(request.url);
    this.requests.push({ method: request.method, path: url.pathname, search: url.searchParams, body });
    return url.searchParams;
  }
}

export interface CollectionDef {
  fields: Array<{ key: string; type: string }>;
  permissions?: { read: string; insert: string; update: string; remove: string };
}

export interface Published {
  channels: string[];
  resourceId: string | undefined;
  payload: unknown;
}

interface AggregateRequest {
  dataCollectionId: string;
  initialFilter?: Record<string, unknown>;
  aggregation: { groupingFields?: string[]; operations: Array<{ resultFieldName: string; sum?: { itemFieldName: string } }> };
}

function missingCollection(): Response {
  return wixError(404, 'WDE0025', 'The collection does not exist');
}

/** A query's `fields` projection: only those fields (and `_id`), as Wix answers it; all of them when none are named. */
function project(data: Data, fields: string[] | undefined): Data {
  if (!fields || fields.length === 0) return data;
  return Object.fromEntries(Object.entries(data).filter(([key]) => key === '_id' || fields.includes(key)));
}

function wixError(status: number, code: string, description: string): Response {
  return HttpResponse.json({ message: description, details: { applicationError: { code, description, data: {} } } }, { status });
}

/** Gives the @wix/* packages a site context; requests go to www.wixapis.com, i.e. to msw. */
export function useWixSdk(apiKey = 'wix-api-key-for-tests'): void {
  const client = createClient({ auth: ApiKeyStrategy({ apiKey, siteId: 'site-1' }) });
  client.enableContext('global');
  client.enableContext('global', { elevated: true });
}
