/**
 * The part of Wix Data's query language the @wix/data SDK sends for our queries (the fake
 * CMS of wix-fake.ts answers with it): equality, $ne/$lt/$lte/$gt/$gte/$in, $and, sorting.
 * Items are stored as the SDK sent them, dates as {$date: iso}.
 */
type Data = Record<string, unknown>;

export interface QueryRequest {
  dataCollectionId: string;
  query: { filter?: Filter; sort?: Array<{ fieldName: string; order?: 'ASC' | 'DESC' }>; paging?: { limit?: number; offset?: number }; fields?: string[] };
}
type Filter = Record<string, unknown>;

/** The part of Wix's filter language the SDK's query builder sends: equality, $ne/$lt/$lte/$gt/$gte/$in, $and, $or. */
export function matches(item: Data, filter: Filter): boolean {
  return Object.entries(filter).every(([field, condition]) => {
    if (field === '$and') return (condition as Filter[]).every((part) => matches(item, part));
    if (field === '$or') return (condition as Filter[]).some((part) => matches(item, part));
    const value = comparable(item[field]);
    if (condition === null || typeof condition !== 'object' || '$date' in condition) return value === comparable(condition);
    return Object.entries(condition as Filter).every(([op, raw]) => {
      const operand = comparable(raw);
      switch (op) {
        case '$eq': return value === operand;
        case '$ne': return value !== operand;
        case '$lt': return value !== undefined && value !== null && value < operand!;
        case '$lte': return value !== undefined && value !== null && value <= operand!;
        case '$gt': return value !== undefined && value !== null && value > operand!;
        case '$gte': return value !== undefined && value !== null && value >= operand!;
        case '$in': return (raw as unknown[]).map(comparable).includes(value);
        // hasSome on a single-value field: the value is one of those given.
        case '$hasSome': return (raw as unknown[]).map(comparable).includes(value);
        default: throw new Error(`the fake CMS does not know ${op}`);
      }
    });
  });
}

/** Dates as sent ({$date: iso}) compare as their time. */
function comparable(value: unknown): string | number | boolean | null | undefined {
  if (value !== null && typeof value === 'object' && '$date' in value) return Date.parse(String((value as { $date: unknown }).$date));
  return value as string | number | boolean | null | undefined;
}

export function bySort(sort: Array<{ fieldName: string; order?: 'ASC' | 'DESC' }>) {
  return (a: Data, b: Data): number => {
    for (const { fieldName, order } of sort) {
      const x = comparable(a[fieldName]);
      const y = comparable(b[fieldName]);
      if (x === y) continue;
      const less = x === undefined || x === null || (y !== undefined && y !== null && x < y);
      return (less ? -1 : 1) * (order === 'DESC' ? -1 : 1);
    }
    return 0;
  };
}
