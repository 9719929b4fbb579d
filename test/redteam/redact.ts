/**
 * Keys out of failure messages. A check that finds a key, or fails on a result or request that
 * holds one, would otherwise print it: in CI that is the stand-in's key, but
 * scripts/redteam-live.ts prints the messages of a run against the owner's real key.
 */

/** `text` with every key written as `<key>`. */
export function redact(text: string, keys: readonly string[]): string {
  return keys.filter((key) => key.length > 0).reduce((out, key) => out.split(key).join('<key>'), text);
}

/** The error, its message, stack and the values an assertion compared, with every key written as `<key>`. */
export function redactError(error: unknown, keys: readonly string[]): unknown {
  if (!(error instanceof Error)) return typeof error === 'string' ? redact(error, keys) : error;
  error.message = redact(error.message, keys);
  if (error.stack) error.stack = redact(error.stack, keys);
  const compared = error as Error & { actual?: unknown; expected?: unknown };
  for (const field of ['actual', 'expected'] as const) {
    if (field in compared) compared[field] = redactValue(compared[field], keys);
  }
  return error;
}

function redactValue(value: unknown, keys: readonly string[]): unknown {
  if (typeof value === 'string') return redact(value, keys);
  if (value === null || typeof value !== 'object') return value;
  try {
    return JSON.parse(redact(JSON.stringify(value), keys)) as unknown;
  } catch {
    return '<not shown: could not be checked for keys>';
  }
}
